package io.wirestream.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many viewers of the dashboard's live stream ({@code GET /api/events}) on one thread, as a load test needs them:
 * each a plain HTTP/1.1 connection read with non-blocking I/O, its events parsed as they come and handed to a
 * {@link Listener} with the moment their last byte was read ({@link System#nanoTime}). It speaks just enough HTTP
 * for the server's answer: a status line, headers, and a body that runs to the end of the connection (the server
 * closes each stream's connection, so it sends no chunks).
 */
public final class SseViewers implements AutoCloseable {

    /** What the viewers see; called on their one thread. */
    public interface Listener {
        /** Whether it wants the data of events named {@code name}; when not, it gets their length only. */
        default boolean wantsData(String name) {
            return true;
        }

        /**
         * An event: its name ({@code message} when it has none), its id or null, its data (null when not wanted;
         * valid during the call only) and length in bytes, and when its last byte was read.
         */
        void onEvent(int viewer, String name, String id, byte[] data, int length, long nanos);

        /** The server closed viewer's connection. */
        default void onClosed(int viewer) {
        }
    }

    private static final int LARGE = 64 * 1024;

    private final InetSocketAddress server;
    private final String host;
    private final Listener listener;
    private final Selector selector;
    private final Queue<Viewer> opening = new ConcurrentLinkedQueue<>();
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger streaming = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopping;
    private volatile String failure;

    /** @param host the Host header to send, e.g. {@code localhost} */
    public SseViewers(InetSocketAddress server, String host, Listener listener) throws IOException {
        this.server = server;
        this.host = host;
        this.listener = listener;
        this.selector = Selector.open();
        this.thread = new Thread(this::run, "sse-viewers");
        thread.setDaemon(true);
        thread.start();
    }

    /** Opens {@code n} more viewers; returns the number of the first. */
    public int open(int n) throws IOException {
        int first = count.getAndAdd(n);
        for (int i = 0; i < n; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            synchronized (channels) {
                channels.add(channel);
            }
            channel.connect(server);
            opening.add(new Viewer(first + i, channel));
        }
        selector.wakeup();
        return first;
    }

    /** Viewers answered {@code 200} so far. */
    public int streaming() {
        return streaming.get();
    }

    /** The first thing a viewer could not make sense of; null for none. */
    public String failure() {
        return failure;
    }

    /** Viewers whose connection the server closed. */
    public int closed() {
        return closed.get();
    }

    private void run() {
        try {
            while (!stopping) {
                selector.select(200);
                for (Viewer viewer = opening.poll(); viewer != null; viewer = opening.poll()) {
                    viewer.channel.register(selector, SelectionKey.OP_CONNECT, viewer);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    Viewer viewer = (Viewer) key.attachment();
                    try {
                        if (key.isConnectable()) {
                            viewer.connected(key);
                        } else if (key.isReadable()) {
                            viewer.read(key);
                        }
                    } catch (IOException | RuntimeException e) {
                        failure = failure == null && !(e instanceof IOException) ? e.toString() : failure;
                        viewer.end(key);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            failure = stopping ? failure : "the viewers' thread failed: " + e;
        }
    }

    /**
     * One connection and the event it is reading, parsed as bytes: a line at a time, except the data of an event
     * the listener does not want, which is only counted (a snapshot is a line of a megabyte, and a thousand viewers
     * on one thread cannot each decode theirs).
     */
    private final class Viewer {
        private final int index;
        private final SocketChannel channel;
        private byte[] line = new byte[256];
        private int lineLength;
        private byte[] data = new byte[256];
        private int dataLength;
        private boolean skipping;
        private boolean body;
        private boolean hasData;
        private String name;
        private String id;

        Viewer(int index, SocketChannel channel) {
            this.index = index;
            this.channel = channel;
        }

        void connected(SelectionKey key) throws IOException {
            channel.finishConnect();
            String request = "GET /api/events HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/event-stream\r\n"
                    + "Connection: close\r\n\r\n";
            ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
            while (out.hasRemaining()) {
                channel.write(out); // A few dozen bytes: the socket's buffer takes them at once.
            }
            key.interestOps(SelectionKey.OP_READ);
        }

        void read(SelectionKey key) throws IOException {
            buffer.clear();
            int n = channel.read(buffer);
            if (n < 0) {
                end(key);
                return;
            }
            long now = System.nanoTime();
            byte[] bytes = buffer.array();
            int at = 0;
            while (at < n) {
                int newline = at;
                while (newline < n && bytes[newline] != '\n') {
                    newline++;
                }
                take(bytes, at, newline - at);
                if (newline < n) {
                    endLine(now);
                }
                at = newline + 1;
            }
        }

        /** Part of a line, without its end. */
        private void take(byte[] bytes, int from, int length) {
            if (skipping) {
                dataLength += length;
                return;
            }
            line = room(line, lineLength + length);
            System.arraycopy(bytes, from, line, lineLength, length);
            lineLength += length;
            if (body && lineLength >= 5 && starts("data:") && !listener.wantsData(eventName())) {
                skipping = true;
                dataLength += lineLength - field("data:") + (hasData ? 1 : 0);
                hasData = true;
                lineLength = 0;
            }
        }

        private void endLine(long now) {
            if (skipping) {
                skipping = false; // A data line, counted already.
                return;
            }
            if (lineLength > 0 && line[lineLength - 1] == '\r') {
                lineLength--;
            }
            if (!body) {
                head();
            } else if (lineLength == 0) {
                if (hasData || name != null) {
                    listener.onEvent(index, eventName(), id, listener.wantsData(eventName()) ? data : null,
                            dataLength, now);
                }
                data = data.length > LARGE ? new byte[256] : data;
                dataLength = 0;
                hasData = false;
                name = null;
                id = null;
            } else if (starts("data:")) {
                int from = field("data:");
                int length = lineLength - from + (hasData ? 1 : 0);
                data = room(data, dataLength + length);
                if (hasData) {
                    data[dataLength++] = '\n';
                }
                System.arraycopy(line, from, data, dataLength, lineLength - from);
                dataLength += lineLength - from;
                hasData = true;
            } else if (starts("event:")) {
                name = text(field("event:"));
            } else if (starts("id:")) {
                id = text(field("id:"));
            }
            line = line.length > LARGE ? new byte[256] : line;
            lineLength = 0;
        }

        private void head() {
            String value = text(0);
            if (value.startsWith("HTTP/1.1 200")) {
                streaming.incrementAndGet();
            } else if (value.toLowerCase(Locale.ROOT).startsWith("transfer-encoding: chunked")) {
                throw new IllegalStateException("a chunked event stream: not what the server sends");
            }
            body = value.isEmpty();
        }

        private String eventName() {
            return name == null ? "message" : name;
        }

        private boolean starts(String prefix) {
            if (lineLength < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (line[i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** Where the value of a field starts: after its name and colon, and one space if there is one. */
        private int field(String prefix) {
            int from = prefix.length();
            return lineLength > from && line[from] == ' ' ? from + 1 : from;
        }

        private String text(int from) {
            return new String(line, from, lineLength - from, StandardCharsets.UTF_8);
        }

        void end(SelectionKey key) {
            key.cancel();
            try {
                channel.close();
            } catch (IOException e) {
                // Closed either way.
            }
            closed.incrementAndGet();
            listener.onClosed(index);
        }
    }

    private static byte[] room(byte[] array, int size) {
        return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    @Override
    public void close() throws IOException {
        stopping = true;
        selector.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (channels) {
            for (SocketChannel channel : channels) {
                channel.close();
            }
        }
        selector.close();
    }
}
