package io.wirestream.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** The read side of the dead-letter headers: what a reader shows of one. */
class DeadLetterViewTest {

    @Test
    void shouldShowWhyAndWhereFromWithTheStartOfTheOriginalBytes() {
        RecordHeaders headers = new RecordHeaders();
        header(headers, DeadLetterHeaders.REASON, "FORGED");
        header(headers, DeadLetterHeaders.REASON, "INVALID_UTF8");
        header(headers, DeadLetterHeaders.MESSAGE, "byte 0x92 at 3 is not UTF-8");
        header(headers, DeadLetterHeaders.EXCEPTION, DeadLetterHeaders.PARSE_FAILURE);
        header(headers, DeadLetterHeaders.TOPIC, "raw-feed");
        header(headers, DeadLetterHeaders.PARTITION, "2");
        header(headers, DeadLetterHeaders.OFFSET, "41");

        DeadLetterView view = DeadLetterView.of(headers, new byte[] {'a', 'b', 'c', (byte) 0x92, 'd'});

        assertThat(view).isEqualTo(new DeadLetterView("INVALID_UTF8", "byte 0x92 at 3 is not UTF-8",
                DeadLetterHeaders.PARSE_FAILURE, "raw-feed-2@41", 5, "abc\uFFFDd"));
    }

    @Test
    void shouldShowNothingItDoesNotKnow() {
        assertThat(DeadLetterView.of(new RecordHeaders(), null))
                .isEqualTo(new DeadLetterView(null, null, null, null, 0, ""));
    }

    @Test
    void shouldCutThePreviewAndDecodeNoMoreThanItCanHold() {
        byte[] hangul = "한".repeat(DeadLetterView.PREVIEW_CHARS * 3).getBytes(StandardCharsets.UTF_8);

        DeadLetterView view = DeadLetterView.of(new RecordHeaders(), hangul);

        assertThat(view.bytes()).isEqualTo(hangul.length);
        assertThat(view.preview()).hasSize(DeadLetterView.PREVIEW_CHARS).matches("한+");
    }

    private static void header(RecordHeaders headers, String key, String value) {
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    }
}
