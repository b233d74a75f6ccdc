package io.wirestream.bench;

import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.StreamsRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The floor of any Kafka Streams design on the same broker: each raw record copied, as bytes, by a Kafka Streams
 * application with the pipeline's own Streams configuration ({@link StreamsRunner#properties}: guarantee, commit
 * interval, client settings), optionally through persistent key-value stores like the pipeline's (a read and a write
 * of a new key in each, with its changelog record). No parsing, no rules, no Avro: what is left is Kafka Streams'
 * own per-record work, its commits and, with stores, RocksDB and the changelogs.
 *
 * <p>Run as a child process by the bench:
 * {@code StreamsCopyLimit BOOTSTRAP GUARANTEE APPLICATION_ID INPUT OUTPUT STORES DATA_DIR [CONFIG]}. Prints
 * {@value #READY} once it runs; stops on SIGTERM.
 */
public final class StreamsCopyLimit {

    static final String READY = "streams copying:";
    /** The pipeline's stores: the content seen (a small value) and a story's state (a larger one). */
    private static final int[] VALUE_BYTES = {8, 64};

    private StreamsCopyLimit() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        WirestreamConfig settings = CopyLimit.settings(args, args[6], 7);
        int stores = Integer.parseInt(args[5]);
        KafkaStreams streams = new KafkaStreams(topology(args[3], args[4], stores),
                StreamsRunner.properties(settings));
        CountDownLatch stopped = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                System.out.println(READY + " " + args[3] + " -> " + args[4] + " through " + describe(stores));
                System.out.flush();
            } else if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> streams.close(Duration.ofSeconds(30)),
                "streams-copy-stop"));
        streams.start();
        stopped.await();
    }

    static Topology topology(String input, String output, int stores) {
        if (stores < 0 || stores > VALUE_BYTES.length) {
            throw new IllegalArgumentException("stores must be 0 to " + VALUE_BYTES.length + ", not " + stores);
        }
        Topology topology = new Topology();
        topology.addSource("raw", new ByteArrayDeserializer(), new ByteArrayDeserializer(), input);
        topology.addProcessor("copy", () -> new Keeper(stores), "raw");
        for (int s = 0; s < stores; s++) {
            topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(storeName(s)),
                    Serdes.String(), Serdes.ByteArray()), "copy");
        }
        topology.addSink("out", output, new ByteArraySerializer(), new ByteArraySerializer(), "copy");
        return topology;
    }

    private static String storeName(int store) {
        return "floor-store-" + store;
    }

    /** Reads and writes each record's own key in every store (as the pipeline's stores do), then forwards it. */
    private static final class Keeper implements Processor<byte[], byte[], byte[], byte[]> {
        private final KeyValueStore<String, byte[]>[] stores;
        private ProcessorContext<byte[], byte[]> context;

        @SuppressWarnings("unchecked")
        Keeper(int count) {
            this.stores = new KeyValueStore[count];
        }

        @Override
        public void init(ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            for (int s = 0; s < stores.length; s++) {
                stores[s] = context.getStateStore(storeName(s));
            }
        }

        @Override
        public void process(Record<byte[], byte[]> record) {
            if (stores.length > 0) {
                // 32 characters, like the pipeline's content ids and story keys, and new for every record.
                RecordMetadata origin = context.recordMetadata().orElseThrow();
                String key = String.format(Locale.ROOT, "%016x%016x", origin.partition(), origin.offset());
                for (int s = 0; s < stores.length; s++) {
                    byte[] before = stores[s].get(key);
                    byte[] value = new byte[VALUE_BYTES[s]];
                    value[0] = (byte) (before == null ? 1 : before[0] + 1);
                    stores[s].put(key, value);
                }
            }
            context.forward(record);
        }
    }

    static String describe(int stores) {
        return stores == 0 ? "no store" : stores == 1 ? "1 store" : stores + " stores";
    }
}
