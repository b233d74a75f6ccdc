package io.wirestream.registry;

import java.util.Locale;
import org.apache.avro.Schema;

/**
 * How a subject is named, as in Confluent's serdes: by topic ({@code orders-value}, the default), by record
 * ({@code io.wirestream.schema.Dispatch}), or by both. Configured with {@code key.subject.name.strategy} /
 * {@code value.subject.name.strategy}, taking Confluent's class names or the short names.
 */
public enum SubjectNameStrategy {
    TOPIC_NAME,
    RECORD_NAME,
    TOPIC_RECORD_NAME;

    public static final String KEY_CONFIG = "key.subject.name.strategy";
    public static final String VALUE_CONFIG = "value.subject.name.strategy";

    public String subject(String topic, boolean isKey, Schema schema) {
        switch (this) {
            case RECORD_NAME:
                return schema.getFullName();
            case TOPIC_RECORD_NAME:
                return topic + "-" + schema.getFullName();
            default:
                return topic + (isKey ? "-key" : "-value");
        }
    }

    /** Reads {@code io.confluent.kafka.serializers.subject.RecordNameStrategy}, {@code RecordNameStrategy} or {@code record_name}. */
    public static SubjectNameStrategy parse(Object value) {
        if (value == null) {
            return TOPIC_NAME;
        }
        String name = value.toString();
        String simple = name.substring(name.lastIndexOf('.') + 1).replace("Strategy", "");
        switch (simple.replace("_", "").toLowerCase(Locale.ROOT)) {
            case "topicname":
                return TOPIC_NAME;
            case "recordname":
                return RECORD_NAME;
            case "topicrecordname":
                return TOPIC_RECORD_NAME;
            default:
                throw new IllegalArgumentException("unknown subject name strategy '" + name
                        + "' (TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy)");
        }
    }
}
