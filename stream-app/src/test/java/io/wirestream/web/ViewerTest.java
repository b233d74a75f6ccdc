package io.wirestream.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One viewer's writing, on a connection faked in memory: the server's call that the connection takes more is handed
 * to the broadcaster's thread rather than written on, and what waits goes out in one flush when that thread wakes it.
 */
class ViewerTest {

    private final EventLog log = new EventLog("run", 16, 1 << 20);
    private final List<Viewer> writable = new ArrayList<>();
    private final Viewer.Hub hub = new Viewer.Hub() {
        @Override
        public void sent(int events) {
        }

        @Override
        public void writable(Viewer viewer) {
            writable.add(viewer);
        }

        @Override
        public void ended(Viewer viewer) {
        }
    };

    @Test
    void shouldLeaveWritingToTheBroadcastersThreadWhenTheConnectionTakesMore() {
        // Given a viewer whose first frame waits, and two events in the log after it
        Connection out = new Connection();
        Viewer viewer = new Viewer(log, hub, List.of(new EventLog.Frame(0, bytes("retry: 2000\n\n"), false)), 1);
        log.append(seq -> bytes("id: run-" + seq + "\nevent: item\ndata: {}\n\n"), true);
        log.append(seq -> bytes("id: run-" + seq + "\nevent: item\ndata: {}\n\n"), true);
        viewer.start(out);

        // When the server says its connection can take more
        viewer.onWritePossible();

        // Then nothing is written on the server's thread; the viewer is handed to the broadcaster
        assertThat(out.written.size()).isZero();
        assertThat(writable).containsExactly(viewer);

        // When the broadcaster's thread wakes it
        viewer.wake();

        // Then everything waiting goes out, in order, with one flush
        assertThat(out.written.toString(StandardCharsets.UTF_8)).isEqualTo("retry: 2000\n\n"
                + "id: run-1\nevent: item\ndata: {}\n\nid: run-2\nevent: item\ndata: {}\n\n");
        assertThat(out.flushes).isEqualTo(1);
        assertThat(viewer.behind(log.head())).isZero();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A connection that takes everything at once. */
    private static final class Connection extends ServletOutputStream {
        private final ByteArrayOutputStream written = new ByteArrayOutputStream();
        private int flushes;

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // The test calls the viewer's listener methods itself.
        }

        @Override
        public void write(int b) {
            written.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            written.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            flushes++;
        }
    }
}
