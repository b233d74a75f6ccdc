package io.wirestream.ingest;

import io.wirestream.format.Format;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One item ready to send: its standalone document and what tells it from others and from its own other versions.
 *
 * @param id       the record's key and the {@code wirestream.guid} header: the provider's id (NewsML-G2 guid, ninjs
 *                 uri, RSS guid, Atom id, NITF doc-id), else an RSS item's link, else the file it came in, else
 *                 {@code sha256:} and its content hash
 * @param format   the format it is in, sent as the {@code wirestream.format} header
 * @param document its bytes, as the provider wrote them
 * @param version  the provider's version (NewsML-G2, ninjs, NITF); null where the format or the item has none
 * @param hash     SHA-256 of {@code document}, in hex
 */
record Item(String id, Format format, byte[] document, String version, String hash) {

    Item {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(hash, "hash");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key no longer than Kafka and people like: long ids (some RSS guids are whole URLs with queries) hashed. */
    static String boundedId(String id) {
        return id.length() <= 512 ? id : "sha256:" + sha256(id.getBytes(StandardCharsets.UTF_8));
    }
}
