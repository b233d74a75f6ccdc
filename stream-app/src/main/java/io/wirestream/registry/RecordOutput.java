package io.wirestream.registry;

import io.wirestream.util.Utf8Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DirectBinaryEncoder;

/**
 * A growing byte buffer without {@link java.io.ByteArrayOutputStream}'s locking, with the Avro encoder that writes
 * to it. The encoder writes strings straight into the buffer as UTF-8: Avro's own gives every string but a short
 * ASCII one an array of its own first, and a dispatch's paragraphs are all longer. One thread's, reused from record
 * to record; only the finished bytes are copied out.
 */
final class RecordOutput extends OutputStream {

    private byte[] bytes = new byte[4096];
    private int size;
    private final BinaryEncoder encoder = new StringWritingEncoder(this);

    void reset() {
        size = 0;
    }

    BinaryEncoder encoder() {
        return encoder;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[size++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, size, length);
        size += length;
    }

    void writeInt(int value) {
        ensure(4);
        bytes[size++] = (byte) (value >>> 24);
        bytes[size++] = (byte) (value >>> 16);
        bytes[size++] = (byte) (value >>> 8);
        bytes[size++] = (byte) value;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** Avro's direct encoder, but for strings: their length, then their UTF-8 written into the buffer itself. */
    private static final class StringWritingEncoder extends DirectBinaryEncoder {

        /** Strings longer than this go through Avro's own way of writing them. */
        private static final int MAX_DIRECT_CHARS = 16 * 1024;
        /** The most bytes Avro's variable-length int takes. */
        private static final int MAX_PREFIX = 5;
        private final RecordOutput output;

        StringWritingEncoder(RecordOutput output) {
            super(output);
            this.output = output;
        }

        /**
         * One pass over the string: its UTF-8 goes in after room for the longest length prefix, then moves back to
         * just after the prefix actually written. A string too long for that is left to Avro, so that the buffer a
         * thread keeps grows with the records, not with three times their longest string.
         */
        @Override
        public void writeString(String text) throws IOException {
            if (text.length() > MAX_DIRECT_CHARS) {
                super.writeString(text);
                return;
            }
            output.ensure(MAX_PREFIX + 3 * text.length());
            int start = output.size + MAX_PREFIX;
            int length = Utf8Bytes.encode(text, output.bytes, start) - start;
            writeInt(length);
            System.arraycopy(output.bytes, start, output.bytes, output.size, length);
            output.size += length;
        }
    }
}
