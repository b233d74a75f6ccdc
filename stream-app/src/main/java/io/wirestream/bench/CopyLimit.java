package io.wirestream.bench;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.StreamsClientConfigs;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The limit the pipeline is measured against: the least a Kafka application can do with the same input, a plain
 * copy of each raw record to the same partition of another topic, on one thread, with the pipeline's own client
 * settings (taken from the same Kafka Streams configuration) and the same commit cadence. Under exactly-once it
 * copies in transactions that carry the consumed offsets ({@code sendOffsetsToTransaction}) and reads
 * {@code read_committed}, as the pipeline does; under at-least-once it flushes and then commits offsets.
 *
 * <p>Run as a child process by the bench: {@code CopyLimit BOOTSTRAP GUARANTEE GROUP INPUT OUTPUT [CONFIG]}. Prints
 * {@value #READY} once it has its partitions; stops on SIGTERM.
 */
public final class CopyLimit {

    static final String READY = "copying:";

    private CopyLimit() {
    }

    public static void main(String[] args) throws Exception {
        copy(settings(args, null, 5), args[3], args[4]);
    }

    /**
     * The settings of a copying child: {@code args} begin {@code BOOTSTRAP GUARANTEE GROUP}, and name the settings
     * file at {@code configIndex}, if they reach it; {@code dataDir} may be null (the default).
     */
    static WirestreamConfig settings(String[] args, String dataDir, int configIndex) throws IOException {
        Map<Setting, String> given = new EnumMap<>(Setting.class);
        given.put(Setting.BOOTSTRAP_SERVERS, args[0]);
        given.put(Setting.PROCESSING_GUARANTEE, args[1]);
        given.put(Setting.APPLICATION_ID, args[2]);
        given.put(Setting.DATA_DIR, dataDir);
        return ConfigLoader.load(args.length > configIndex ? Path.of(args[configIndex]) : null, Map.of(), given);
    }

    private static void copy(WirestreamConfig settings, String input, String output) throws InterruptedException {
        String group = settings.kafka().applicationId();
        boolean exactlyOnce = settings.kafka().guarantee() == WirestreamConfig.ProcessingGuarantee.EXACTLY_ONCE_V2;
        Map<String, Object> producerConfig = StreamsClientConfigs.producer(settings, group + "-producer");
        if (exactlyOnce) {
            producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-copy");
        }
        long commitIntervalNs = Duration.ofMillis(StreamsClientConfigs.commitIntervalMs(settings)).toNanos();
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch stopped = new CountDownLatch(1);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                StreamsClientConfigs.consumer(settings, group, group + "-consumer"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.set(false);
                consumer.wakeup();
                awaitQuietly(stopped);
            }, "copy-stop"));
            if (exactlyOnce) {
                producer.initTransactions();
                producer.beginTransaction();
            }
            consumer.subscribe(List.of(input), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    System.out.println(READY + " " + input + " -> " + output + " " + partitions);
                    System.out.flush();
                }
            });
            Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
            long lastCommit = System.nanoTime();
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(100));
                } catch (WakeupException e) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    producer.send(new ProducerRecord<>(output, record.partition(), record.timestamp(), record.key(),
                            record.value(), record.headers()));
                    pending.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!pending.isEmpty() && System.nanoTime() - lastCommit >= commitIntervalNs) {
                    if (exactlyOnce) {
                        producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
                        producer.commitTransaction();
                        producer.beginTransaction();
                    } else {
                        producer.flush();
                        consumer.commitSync(pending);
                    }
                    pending.clear();
                    lastCommit = System.nanoTime();
                }
            }
        } finally {
            stopped.countDown();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
