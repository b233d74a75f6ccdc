package io.wirestream.format;

import java.util.Locale;

/** The delivery formats wirestream reads; each id is the value of {@code Dispatch.format}. */
public enum Format {
    /** Yonhap's English plain text: headline line, byline, dateline paragraph, (END). */
    YONHAP_TEXT("yonhap-text", true),
    /** IPTC 7901: SOH, a header line and keyword line, STX, the text, ETX. */
    IPTC7901("iptc7901", true),
    /** ANPA 1312: SYN SYN SOH, a header with priority, category and slugline, STX, the text, ETX, EOT. */
    ANPA1312("anpa1312", true),
    /** IPTC NewsML-G2: a {@code newsMessage} or a bare {@code newsItem}. */
    NEWSML_G2("newsml-g2", false),
    /** IPTC News Industry Text Format 3.x. */
    NITF("nitf", false),
    /** IPTC ninjs 1.x, 2.x or 3.x: news in JSON. */
    NINJS("ninjs", false),
    /** RSS 2.0 (and the 0.9x and 1.0 dialects Rome reads): one dispatch per item. */
    RSS("rss", false),
    /** Atom (RFC 4287): one dispatch per entry; a bare entry is a feed of one. */
    ATOM("atom", false);

    /**
     * The record header that names a record's format, so that the pipeline reads it as that format instead of
     * recognising it from the bytes; its value is an {@link #id()} (a MIME type in {@code content-type} works too).
     */
    public static final String HEADER = "wirestream.format";

    private final String id;
    private final boolean text;

    Format(String id, boolean text) {
        this.id = id;
        this.text = text;
    }

    /** The name used in {@code Dispatch.format}, the {@code wirestream.format} header and the docs. */
    public String id() {
        return id;
    }

    /** True for the line-oriented text formats, false for XML and JSON. */
    public boolean isText() {
        return text;
    }

    /** The format an id names, in any case; null when it names none. */
    public static Format fromId(String id) {
        if (id == null) {
            return null;
        }
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Format format : values()) {
            if (format.id.equals(wanted)) {
                return format;
            }
        }
        return null;
    }

    /** All ids, for messages. */
    public static String ids() {
        StringBuilder out = new StringBuilder();
        for (Format format : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(format.id);
        }
        return out.toString();
    }
}
