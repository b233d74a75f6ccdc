package io.wirestream.registry;

/**
 * A schema registry call that failed: the registry said no (with its HTTP status and Confluent error code), or
 * could not be reached within the retry budget ({@link #status()} 0).
 */
public class SchemaRegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Confluent's code for a schema that is not compatible with the subject's earlier versions. */
    public static final int INCOMPATIBLE = 409;
    /** Confluent's codes for a subject or schema that does not exist. */
    public static final int SUBJECT_NOT_FOUND = 40401;
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** HTTP status, or 0 when the registry could not be reached. */
    public int status() {
        return status;
    }

    /** Confluent error code (e.g. 40401), or the status when the registry gave none. */
    public int errorCode() {
        return errorCode;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isUnreachable() {
        return status == 0;
    }
}
