package io.wirestream.dispatch;

import io.wirestream.config.DataSize;
import io.wirestream.config.Setting;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Settings of the {@link DispatchParser}.
 *
 * @param maxBytes  inputs larger than this are refused as {@link FailureReason#TOO_LARGE}
 * @param agencyZone the wire's home time zone, in which received times are compared with dateline dates
 */
public record ParserConfig(int maxBytes, ZoneId agencyZone) {

    /** The default of the {@code max.bytes} setting, which lives in {@link Setting}. */
    public static final int DEFAULT_MAX_BYTES = DataSize.parse(Setting.MAX_BYTES.defaultValue()).toIntBytes();
    public static final ZoneId DEFAULT_AGENCY_ZONE = ZoneId.of("Asia/Seoul");

    public ParserConfig {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        Objects.requireNonNull(agencyZone, "agencyZone");
    }

    public static ParserConfig defaults() {
        return new ParserConfig(DEFAULT_MAX_BYTES, DEFAULT_AGENCY_ZONE);
    }

    public ParserConfig withMaxBytes(int newMaxBytes) {
        return new ParserConfig(newMaxBytes, agencyZone);
    }
}
