package io.wirestream.replay;

import io.wirestream.dispatch.ParserConfig;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.format.Format;
import io.wirestream.format.FormatParser;
import io.wirestream.input.DispatchInputs;
import io.wirestream.input.InputRecord;
import io.wirestream.schema.Dateline;
import io.wirestream.schema.Dispatch;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends archived dispatches to the input topic, each stamped with its own publish time so that downstream
 * windows see the original timeline, at the requested rate, with an idempotent producer. Unparseable input
 * is sent too (stamped with its reference time): the pipeline dead-letters it, nothing is dropped here.
 */
public final class Replayer {

    /** What a replay did. */
    public record Summary(long read, long sent, long skipped, long unparseable, boolean interrupted, String lastOrigin) {
        @Override
        public String toString() {
            String line = String.format(Locale.ROOT,
                    "read %,d, sent %,d, skipped %,d (outside --from/--to), unparseable %,d (sent: the pipeline "
                            + "dead-letters them)", read, sent, skipped, unparseable);
            return interrupted ? line + "; stopped by Ctrl-C after " + lastOrigin : line;
        }
    }

    /** Where, how fast and which part of the feed to send. */
    /** @param format the format every input is in (sent as the {@code wirestream.format} header); null: sniffed */
    public record Options(String topic, Rate rate, Instant from, Instant to, Integer year, boolean dryRun, int maxBytes,
            String format) {
    }

    private static final ZoneId AGENCY_ZONE = ParserConfig.DEFAULT_AGENCY_ZONE;

    private final Options options;
    private final FormatParser parser;
    private final AtomicBoolean stop = new AtomicBoolean();

    public Replayer(Options options) {
        this.options = options;
        this.parser = new FormatParser(ParserConfig.defaults().withMaxBytes(options.maxBytes()));
    }

    /** Asks a running replay to stop after the record in hand (Ctrl-C). */
    public void stop() {
        stop.set(true);
    }

    public Summary run(List<Path> paths, InputStream stdin, Map<String, Object> producerConfig, PrintWriter out,
            boolean terminal) {
        // The total is for the bar's percentage and time left; logs do without, and save reading twice.
        long total = terminal ? count(paths) : 0;
        Progress progress = new Progress(out, terminal, total);
        Counter counter = new Counter();
        Map<String, Object> config = new HashMap<>(producerConfig);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024);
        long started = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer = options.dryRun() ? null
                : new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            inputs().read(paths, stdin, false, record -> {
                if (stop.get()) {
                    return;
                }
                send(record, producer, counter, started);
                progress.update(counter.read);
            });
            if (producer != null) {
                producer.flush();
            }
        }
        progress.finish(counter.read);
        return new Summary(counter.read, counter.sent, counter.skipped, counter.unparseable, stop.get(), counter.last);
    }

    private void send(InputRecord record, KafkaProducer<byte[], byte[]> producer, Counter counter, long started) {
        counter.read++;
        counter.last = record.origin();
        byte[] value = record.readable() ? record.bytes() : new byte[0];
        Instant reference = record.receivedAt() != null ? record.receivedAt() : Instant.now();
        List<Dispatch> dispatches = parser.parseAll(RawDispatch.of(value, reference), options.format()).dispatches();
        Instant timestamp = reference;
        byte[] key = null;
        if (!dispatches.isEmpty()) {
            // A feed of several items goes as one record, at its first item's time and under its story key.
            timestamp = publishTime(dispatches.get(0), reference);
            // Keyed by story, so the versions of a story keep their order through the input topic too.
            key = dispatches.get(0).getStoryKey().getBytes(StandardCharsets.UTF_8);
        }
        if ((options.from() != null && timestamp.isBefore(options.from()))
                || (options.to() != null && !timestamp.isBefore(options.to()))) {
            counter.skipped++;
            return;
        }
        if (dispatches.isEmpty()) {
            counter.unparseable++;
        }
        if (counter.first == null) {
            counter.first = timestamp;
        }
        pace(counter.sent, timestamp, counter.first, started);
        if (producer != null) {
            producer.send(new ProducerRecord<>(options.topic(), null, timestamp.toEpochMilli(), key, value, headers()),
                    (m, e) -> {
                if (e != null) {
                    stop.set(true);
                    counter.error = e;
                }
            });
            if (counter.error != null) {
                throw new IllegalStateException("cannot send to " + options.topic() + ": " + counter.error.getMessage(),
                        counter.error);
            }
        }
        counter.sent++;
    }

    /** The {@code wirestream.format} header when the format was given, so the pipeline need not sniff. */
    private Headers headers() {
        RecordHeaders headers = new RecordHeaders();
        if (options.format() != null) {
            headers.add(Format.HEADER, options.format().getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** The dispatch's own time: its dateline date (in the year given, if any) at the start of the day in Seoul. */
    private Instant publishTime(Dispatch dispatch, Instant reference) {
        Dateline dateline = dispatch.getDateline();
        if (options.year() != null && dateline != null && dateline.getMonth() != null) {
            try {
                return LocalDate.of(options.year(), dateline.getMonth(), dateline.getDay()).atStartOfDay(AGENCY_ZONE)
                        .toInstant();
            } catch (DateTimeException e) {
                return reference;
            }
        }
        return dispatch.getPublishedAt() != null ? dispatch.getPublishedAt() : reference;
    }

    private void pace(long index, Instant timestamp, Instant first, long started) {
        Duration due = options.rate().dueAfter(index, first, timestamp);
        long wait = started + due.toNanos() - System.nanoTime();
        if (wait > 0 && !options.dryRun()) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }
    }

    private long count(List<Path> paths) {
        long[] n = {0};
        if (paths.contains(DispatchInputs.STDIN)) {
            return 0;
        }
        inputs().read(paths, InputStream.nullInputStream(), false, record -> n[0]++);
        return n[0];
    }

    private DispatchInputs inputs() {
        Instant fallback = options.year() == null ? null
                : LocalDate.of(options.year(), 12, 31).atTime(12, 0).atZone(AGENCY_ZONE).toInstant();
        return new DispatchInputs(null, fallback, options.maxBytes());
    }

    private static final class Counter {
        long read;
        long sent;
        long skipped;
        long unparseable;
        Instant first;
        String last = "(nothing)";
        volatile Exception error;
    }
}
