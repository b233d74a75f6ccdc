package io.wirestream.web;

/**
 * One column of the page: a subject, unrouted or dead letters, fed by one topic.
 *
 * @param id          the page's name for it, e.g. {@code north-korea}, {@code unrouted}, {@code dead-letters}
 * @param title       its heading, e.g. {@code North Korea}
 * @param topic       the topic it shows
 * @param description a line for people, shown on hover
 */
public record Column(String id, String title, String topic, String description) {
}
