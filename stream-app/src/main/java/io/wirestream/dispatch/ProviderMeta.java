package io.wirestream.dispatch;

import io.wirestream.schema.Dispatch;
import io.wirestream.schema.ProviderSubject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a delivery format says about an item beyond its text: the format, the provider's id, version, status,
 * embargo, urgency, genre, slugline and subject codes. Filled by a format's reader, copied into the
 * {@code Dispatch}. Values are kept as given, only trimmed; {@link #genre} is lower-cased.
 */
public final class ProviderMeta {

    /** The format of today's plain text, and of every record written before formats existed. */
    public static final String YONHAP_TEXT = "yonhap-text";
    /** IPTC's urgency scale: 1 is a flash, 9 the least urgent. */
    static final int MOST_URGENT = 1;
    static final int LEAST_URGENT = 9;

    private final String format;
    private String guid;
    private String providerVersion;
    private PubStatus pubStatus;
    private Instant embargoedUntil;
    private Integer urgency;
    private String genre;
    private String slugline;
    private final List<ProviderSubject> subjects = new ArrayList<>(4);

    private ProviderMeta(String format) {
        this.format = format;
    }

    /** Metadata of an item read as {@code format} (one of the ids in {@code docs/formats.md}). */
    public static ProviderMeta of(String format) {
        return new ProviderMeta(format);
    }

    public String format() {
        return format;
    }

    public ProviderMeta guid(String value) {
        guid = blankToNull(value);
        return this;
    }

    public ProviderMeta providerVersion(String value) {
        providerVersion = blankToNull(value);
        return this;
    }

    /** The status when the provider gave a known one; null keeps what the text says (usable unless a kill). */
    public ProviderMeta pubStatus(PubStatus value) {
        pubStatus = value;
        return this;
    }

    public PubStatus pubStatus() {
        return pubStatus;
    }

    public ProviderMeta embargoedUntil(Instant value) {
        embargoedUntil = value;
        return this;
    }

    /** The provider's urgency; a value outside 1-9 is no urgency. */
    public ProviderMeta urgency(Integer value) {
        urgency = value != null && value >= MOST_URGENT && value <= LEAST_URGENT ? value : null;
        return this;
    }

    public Integer urgency() {
        return urgency;
    }

    /**
     * The genre as a provider codes it: a name ({@code Interview}), a qcode ({@code genre:Interview}) or a URI;
     * kept as its last segment, lower case. IPTC's {@code Current} (plain news) is no genre.
     */
    public ProviderMeta genre(String value) {
        String code = blankToNull(value);
        if (code != null) {
            int cut = Math.max(code.lastIndexOf(':'), code.lastIndexOf('/'));
            code = blankToNull(code.substring(cut + 1).toLowerCase(Locale.ROOT));
        }
        genre = "current".equals(code) ? null : code;
        return this;
    }

    public String genre() {
        return genre;
    }

    public ProviderMeta slugline(String value) {
        slugline = blankToNull(value);
        return this;
    }

    /**
     * Adds a subject code. A code without a scheme that reads {@code scheme:code} (a qcode) is split there. A
     * blank code adds nothing.
     */
    public ProviderMeta subject(String scheme, String code, String name) {
        String c = blankToNull(code);
        if (c == null) {
            return this;
        }
        String s = blankToNull(scheme);
        int colon = c.indexOf(':');
        if (s == null && colon > 0 && colon < c.length() - 1 && !c.contains("/")) {
            s = c.substring(0, colon);
            c = c.substring(colon + 1);
        }
        subjects.add(new ProviderSubject(s, c, blankToNull(name)));
        return this;
    }

    /** Copies the metadata into {@code dispatch}; {@code genre} and {@code status} are what the text decided. */
    void applyTo(Dispatch dispatch, String textGenre, PubStatus textStatus) {
        dispatch.setFormat(format);
        dispatch.setGuid(guid);
        dispatch.setProviderVersion(providerVersion);
        // A kill in the text outranks a provider's default "usable": a withdrawn story must never route as news.
        PubStatus status = textStatus == PubStatus.CANCELED || pubStatus == null ? textStatus : pubStatus;
        dispatch.setPubStatus(status.code());
        dispatch.setEmbargoedUntil(embargoedUntil);
        dispatch.setUrgency(urgency);
        dispatch.setGenre(genre != null ? genre : textGenre);
        dispatch.setSlugline(slugline == null ? null : NormalizedText.oneLine(slugline));
        dispatch.setProviderSubjects(List.copyOf(subjects));
    }

    private static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return v.isEmpty() ? null : v;
    }
}
