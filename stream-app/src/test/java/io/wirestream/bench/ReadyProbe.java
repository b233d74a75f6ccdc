package io.wirestream.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks {@code /ready} every 100 ms, as an orchestrator's probe does, and keeps how long each answer took, from
 * the request to the whole answer; an answer other than 200, or none within 5 s, counts as 5 s.
 */
final class ReadyProbe implements AutoCloseable {

    private static final Duration EVERY = Duration.ofMillis(100);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final HttpRequest request;
    private final List<Double> millis = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stopped;

    ReadyProbe(String base) {
        this.request = HttpRequest.newBuilder(URI.create(base + "ready")).timeout(TIMEOUT).build();
        this.thread = new Thread(this::run, "ready-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopped) {
            long start = System.nanoTime();
            double took;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                took = response.statusCode() == 200 ? (System.nanoTime() - start) / 1e6 : TIMEOUT.toMillis();
            } catch (IOException e) {
                took = TIMEOUT.toMillis();
            } catch (InterruptedException e) {
                return;
            }
            synchronized (millis) {
                millis.add(took);
            }
            try {
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The times since the last call, in milliseconds, sorted. */
    double[] take() {
        synchronized (millis) {
            double[] taken = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            millis.clear();
            return taken;
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
