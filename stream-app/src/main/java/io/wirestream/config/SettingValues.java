package io.wirestream.config;

import io.wirestream.config.WirestreamConfig.Limits;
import io.wirestream.config.WirestreamConfig.ProcessingGuarantee;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/** The layered values as text, read in their grammar; each error names the key and what it takes. */
record SettingValues(Map<Setting, String> values) {

    String text(Setting setting) {
        return values.get(setting);
    }

    Path path(Setting setting) {
        String value = values.get(setting);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    int number(Setting setting, int min, int max) {
        String value = values.get(setting);
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.key() + " must be a whole number, was '" + value + "'");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(setting.key() + " must be from " + min + " to " + max + ", was "
                    + number);
        }
        return number;
    }

    /** {@code true} or {@code false}, nothing else. */
    boolean bool(Setting setting) {
        String value = values.get(setting);
        if ("true".equalsIgnoreCase(value) || "false".equalsIgnoreCase(value)) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(setting.key() + " must be true or false, was '" + value + "'");
    }

    Duration duration(Setting setting) {
        try {
            Duration duration = Durations.parse(values.get(setting));
            if (duration.isNegative()) {
                throw new IllegalArgumentException("negative");
            }
            return duration;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting.key() + " must be a duration such as "
                    + Durations.EXAMPLES + "; was '" + values.get(setting) + "'");
        }
    }

    /** A duration above zero: an interval or a timeout of zero would spin. */
    Duration positive(Setting setting) {
        Duration duration = duration(setting);
        if (duration.isZero()) {
            throw new IllegalArgumentException(setting.key() + " must be more than 0");
        }
        return duration;
    }

    DataSize size(Setting setting) {
        try {
            DataSize size = DataSize.parse(values.get(setting));
            if (size.bytes() < 1) {
                throw new IllegalArgumentException("must be at least 1 byte");
            }
            return size;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting.key() + ": " + e.getMessage());
        }
    }

    DataSize maxBytes() {
        DataSize size;
        try {
            size = DataSize.parse(values.get(Setting.MAX_BYTES));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.MAX_BYTES.key() + ": " + e.getMessage());
        }
        if (size.bytes() < 1 || size.bytes() > Limits.MAX_MAX_BYTES.bytes()) {
            throw new IllegalArgumentException(Setting.MAX_BYTES.key() + " must be from 1 to "
                    + Limits.MAX_MAX_BYTES.bytes() + " (" + Limits.MAX_MAX_BYTES + "), was " + size.bytes());
        }
        return size;
    }

    ProcessingGuarantee guarantee() {
        try {
            return ProcessingGuarantee.of(values.get(Setting.PROCESSING_GUARANTEE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Setting.PROCESSING_GUARANTEE.key() + " " + e.getMessage());
        }
    }

    /** One of the words a setting takes, read by {@code of}, whose message says which they are. */
    <T> T choice(Setting setting, Function<String, T> of) {
        try {
            return of.apply(values.get(setting));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting.key() + " " + e.getMessage());
        }
    }
}
