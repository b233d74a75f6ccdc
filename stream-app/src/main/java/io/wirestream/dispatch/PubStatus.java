package io.wirestream.dispatch;

import java.util.Locale;

/** Publishing status, in IPTC's NewsCodes (pubstatusg2): whether a story may be used, is held, or is killed. */
public enum PubStatus {
    /** May be published: the default. */
    USABLE("usable"),
    /** Held back by the provider for now. */
    WITHHELD("withheld"),
    /** Killed or withdrawn: earlier versions must not be used either. */
    CANCELED("canceled");

    private final String code;

    PubStatus(String code) {
        this.code = code;
    }

    /** The value written to {@code Dispatch.pubStatus}. */
    public String code() {
        return code;
    }

    /**
     * The status a provider's value names: a bare code ({@code canceled}), a qcode ({@code stat:canceled}) or a
     * NewsCodes URI, in any case; the British {@code cancelled} too. Null when it names none of the three.
     */
    public static PubStatus fromCode(String value) {
        if (value == null) {
            return null;
        }
        String code = value.strip();
        int cut = Math.max(code.lastIndexOf(':'), code.lastIndexOf('/'));
        code = code.substring(cut + 1).toLowerCase(Locale.ROOT);
        return switch (code) {
            case "usable" -> USABLE;
            case "withheld" -> WITHHELD;
            case "canceled", "cancelled" -> CANCELED;
            default -> null;
        };
    }
}
