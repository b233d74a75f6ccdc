package io.wirestream.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/events} over a plain socket, read the way a test wants it: the status line, the headers, then
 * the body a block of lines at a time (an event, a comment, a retry field), each block ended by a blank line.
 * Or a viewer that asks and never reads, with a small receive buffer: the slow viewer.
 */
final class SseConnection implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final String status;
    private final Map<String, String> headers = new HashMap<>();

    private SseConnection(Socket socket, boolean read) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        if (!read) {
            this.status = null;
            return;
        }
        this.status = in.readLine();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
        }
    }

    /** Opens the stream with the browser's Accept header, unless {@code extra} gives another, and reads its head. */
    static SseConnection open(int port, Map<String, String> extra) throws IOException {
        return open(port, extra, "");
    }

    static SseConnection open(int port, Map<String, String> extra, String query) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(20_000);
        ask(socket, extra, query);
        return new SseConnection(socket, true);
    }

    /** Opens the stream and never reads it, with a receive buffer of 4 KB. */
    static SseConnection openSlow(int port) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        ask(socket, Map.of(), "");
        return new SseConnection(socket, false);
    }

    private static void ask(Socket socket, Map<String, String> extra, String query) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of("Host", "localhost", "Accept", EventStream.TYPE,
                "Connection", "close"));
        all.putAll(extra);
        StringBuilder request = new StringBuilder("GET /api/events" + query + " HTTP/1.1\r\n");
        all.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    String status() {
        return status;
    }

    /** A header of the answer, by its name in lower case; null for none. */
    String header(String name) {
        return headers.get(name);
    }

    /** The next lines up to a blank one (not included); empty at the end of the stream. */
    List<String> block() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /** Reads what is left until the server closes the connection: true when it does within {@code timeout}. */
    boolean drainsToEnd(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        socket.setSoTimeout(1_000);
        InputStream raw = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        while (System.nanoTime() < deadline) {
            try {
                if (raw.read(buffer) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // Still open; read again.
            } catch (IOException e) {
                return true; // Reset: closed as well.
            }
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
