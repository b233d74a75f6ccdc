package io.wirestream.ingest;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.dispatch.ParserConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code wirestream ingest}: polls each source at its own interval, on its own thread (a slow or broken source
 * delays no other), and writes each new or changed item to the input topic once, through one transactional
 * {@link IngestWriter}. Runs until closed, or until another process takes its transactional id over.
 */
public final class Ingester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    private static final int MAX_THREADS = 16;

    private final List<SourcePoller> pollers;
    private final IngestWriter writer;
    private final IngestStats stats;
    private final ScheduledExecutorService scheduler;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile Throwable failure;

    private Ingester(List<SourcePoller> pollers, IngestWriter writer, IngestStats stats) {
        this.pollers = pollers;
        this.writer = writer;
        this.stats = stats;
        AtomicInteger threads = new AtomicInteger();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(
                Math.max(1, Math.min(pollers.size(), MAX_THREADS)), task -> {
                    Thread thread = new Thread(task, "wirestream-ingest-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /**
     * Ready to poll: the writer's transactions initialised (aborting whatever a killed predecessor left open) and
     * what was sent read back from the state topic. The input and state topics must exist.
     *
     * @param commitDelay a pause between sending and committing each transaction; zero but in tests of crashes
     */
    public static Ingester open(WirestreamConfig config, List<Source> sources, Duration commitDelay) {
        WirestreamConfig.Ingest settings = config.ingest();
        IngestWriter writer = IngestWriter.open(config.kafkaClientConfig(), new IngestWriter.Topics(
                config.topics().input(), settings.stateTopic(), settings.transactionalId(), commitDelay));
        IngestStats stats = new IngestStats(sources);
        Clock clock = Clock.systemUTC();
        long maxBytes = settings.maxResponse().bytes();
        HttpFetcher http = new HttpFetcher(settings.timeout(), maxBytes, HttpFetcher.userAgent(), clock);
        ItemReader reader = new ItemReader((int) Math.min(Integer.MAX_VALUE - 8, maxBytes),
                ParserConfig.defaults().withMaxBytes(config.limits().maxBytes().toIntBytes()));
        List<SourcePoller> pollers = new ArrayList<>();
        for (Source source : sources) {
            DropFolder folder = source.isFolder() ? new DropFolder(source.folder(), settings.settle(), maxBytes, clock)
                    : null;
            pollers.add(new SourcePoller(source, http, folder, reader, writer, stats, clock));
        }
        LOG.debug("ingest ready: {} sources, {} items remembered in {}", sources.size(), writer.remembered(),
                settings.stateTopic());
        return new Ingester(pollers, writer, stats);
    }

    public IngestStats stats() {
        return stats;
    }

    /** Polls every source once, side by side; true when every one was read. */
    public boolean once() throws InterruptedException {
        List<Future<SourcePoller.Poll>> polls = new ArrayList<>();
        pollers.forEach(poller -> polls.add(scheduler.submit(poller::poll)));
        boolean all = true;
        for (Future<SourcePoller.Poll> poll : polls) {
            try {
                all &= poll.get().read();
            } catch (ExecutionException e) {
                failure = e.getCause();
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
        return all;
    }

    /** Polls each source now, then at its interval (or later, after failures), until {@link #close()}. */
    public void start() {
        pollers.forEach(poller -> scheduler.execute(() -> pollAndReschedule(poller)));
    }

    private void pollAndReschedule(SourcePoller poller) {
        if (scheduler.isShutdown()) {
            return;
        }
        try {
            SourcePoller.Poll poll = poller.poll();
            scheduler.schedule(() -> pollAndReschedule(poller), poll.next().toMillis(), TimeUnit.MILLISECONDS);
        } catch (IngestWriter.Fenced e) {
            LOG.error(e.getMessage());
            stopWith(e);
        } catch (RuntimeException e) {
            // A bug of ours: said, and the source tried again later rather than dropped.
            LOG.error("{}: polling failed", poller.source().name(), e);
            scheduler.schedule(() -> pollAndReschedule(poller), poller.source().interval().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void stopWith(Throwable cause) {
        failure = cause;
        scheduler.shutdown();
        stopped.countDown();
    }

    /** Why polling stopped on its own; null while it runs or after a plain close. */
    public Throwable failure() {
        return failure;
    }

    /** Waits until polling stops: closed, or fenced by another process. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        // A poll under way may finish (its transaction committed or aborted cleanly); one that takes longer is
        // interrupted, and what it left open is aborted by the next start.
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
        stopped.countDown();
    }
}
