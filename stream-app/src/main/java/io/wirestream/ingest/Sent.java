package io.wirestream.ingest;

import java.time.Instant;

/**
 * What was sent of an item, as the state topic remembers it: enough to tell an unchanged item (never sent again)
 * from a changed one (sent again). A provider's version, where both sides have one, decides; else the content does.
 *
 * @param version the provider's version sent; null for none
 * @param hash    SHA-256 of the document sent
 * @param source  the source it came from
 * @param sentAt  when it was sent
 */
record Sent(String version, String hash, String source, Instant sentAt) {

    /** True when {@code item} is what was sent: the same version, or, without versions, the same bytes. */
    boolean sameAs(Item item) {
        if (version != null && item.version() != null) {
            return version.equals(item.version());
        }
        return hash.equals(item.hash());
    }
}
