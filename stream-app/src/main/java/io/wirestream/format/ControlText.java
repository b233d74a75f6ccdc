package io.wirestream.format;

import io.wirestream.dispatch.FailureReason;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.dispatch.TextBlocks;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of a control-framed message (IPTC 7901, ANPA 1312). Both standards predate UTF-8 and name 7- or 8-bit
 * character sets: the bytes are read as UTF-8 when they are valid UTF-8 (ASCII always is), else as ISO-8859-1,
 * which maps every byte to a character and so can never fail.
 */
final class ControlText {

    static final char SOH = 0x01;
    static final char STX = 0x02;
    static final char ETX = 0x03;
    static final char EOT = 0x04;
    static final char SYN = 0x16;

    private ControlText() {
    }

    /**
     * A message cut at its control characters: the header between SOH and STX, the text between STX and ETX (to
     * the end when ETX is missing), and what follows ETX.
     *
     * @param closed true when ETX closed the text
     */
    record Frame(String header, String body, boolean closed, String trailer) {

        /** The frame of {@code text}, or null when it has no SOH, or no STX after it. */
        static Frame of(String text) {
            int soh = text.indexOf(SOH);
            int stx = soh < 0 ? -1 : text.indexOf(STX, soh + 1);
            if (stx < 0) {
                return null;
            }
            int etx = text.indexOf(ETX, stx + 1);
            if (etx < 0) {
                return new Frame(text.substring(soh + 1, stx), text.substring(stx + 1), false, "");
            }
            int eot = text.indexOf(EOT, etx + 1);
            return new Frame(text.substring(soh + 1, stx), text.substring(stx + 1, etx), true,
                    eot < 0 ? text.substring(etx + 1) : text.substring(etx + 1, eot));
        }

        /**
         * The frame of the message in {@code raw}, decoded; null, with the document failed, when it has none.
         *
         * @param opening how the format's messages open, for the message: "ANPA 1312 message opens with SYN SYN SOH"
         */
        static Frame read(RawDispatch raw, Items items, String opening) {
            String text = decode(raw.bytes());
            Frame frame = of(text);
            if (frame == null) {
                boolean noSoh = text.indexOf(SOH) < 0;
                items.fail(ParseResult.failure(raw, FailureReason.UNSUPPORTED_FORMAT, "an " + opening
                        + " and a header, then STX before its text; "
                        + (noSoh ? "no SOH found" : "no STX found after the SOH")));
            }
            return frame;
        }
    }

    static String decode(byte[] bytes) {
        if (isAscii(bytes)) {
            // The usual case, and valid in both readings: no decoder needed.
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** The lines of {@code text}: see {@link TextBlocks#lines}. */
    static List<String> lines(String text) {
        return TextBlocks.lines(text);
    }
}
