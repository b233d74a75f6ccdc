package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The live stream's log: numbered frames, the newest kept by count and bytes, ids told from other runs'. */
class EventLogTest {

    @Test
    void shouldNumberEachEventAndFrameItWithItsOwnId() {
        EventLog log = new EventLog("abc", 4, 1 << 20);

        EventLog.Frame first = log.append(seq -> bytes(log.id(seq)), true);
        EventLog.Frame second = log.append(seq -> bytes(log.id(seq)), true);

        assertThat(first.seq()).isEqualTo(1);
        assertThat(new String(second.bytes(), StandardCharsets.UTF_8)).isEqualTo("abc-2");
        assertThat(log.get(1)).isSameAs(first);
        assertThat(log.get(3)).as("not yet").isNull();
        assertThat(log.head()).isEqualTo(2);
    }

    @Test
    void shouldKeepTheNewestEventsAndResumeOnlyWhereNothingWasDropped() {
        EventLog log = new EventLog("abc", 3, 1 << 20);
        for (int i = 0; i < 5; i++) {
            log.append(seq -> bytes("x"), true);
        }

        assertThat(log.oldest()).isEqualTo(3);
        assertThat(log.get(2)).isNull();
        assertThat(log.get(5).seq()).isEqualTo(5);
        assertThat(log.canResumeAfter(2)).as("3, 4 and 5 are kept").isTrue();
        assertThat(log.canResumeAfter(1)).as("2 is gone").isFalse();
        assertThat(log.canResumeAfter(5)).as("nothing missed").isTrue();
        assertThat(log.canResumeAfter(6)).as("an id from the future").isFalse();
        assertThat(log.canResumeAfter(-1)).isFalse();
    }

    @Test
    void shouldDropTheOldestBeyondItsBytesButNeverTheNewest() {
        EventLog log = new EventLog("abc", 100, 10);
        log.append(seq -> new byte[4], true);
        log.append(seq -> new byte[4], true);
        log.append(seq -> new byte[4], true);

        assertThat(log.oldest()).isEqualTo(2);
        log.append(seq -> new byte[50], true);
        assertThat(log.oldest()).as("one event larger than the bound is still kept").isEqualTo(4);
        assertThat(log.get(4)).isNotNull();
    }

    @Test
    void shouldReadOnlyIdsOfItsOwnStream() {
        EventLog log = new EventLog("k3x9", 8, 1 << 20);

        assertThat(log.seqOf("k3x9-42")).isEqualTo(42);
        assertThat(log.seqOf(" k3x9-7 ")).isEqualTo(7);
        assertThat(log.seqOf("other-42")).as("a run before a restart").isEqualTo(-1);
        assertThat(log.seqOf("k3x9-")).isEqualTo(-1);
        assertThat(log.seqOf("k3x9-99999999999999999999")).isEqualTo(-1);
        assertThat(log.seqOf(null)).isEqualTo(-1);
        assertThatThrownBy(() -> new EventLog("Not-Ok", 8, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
