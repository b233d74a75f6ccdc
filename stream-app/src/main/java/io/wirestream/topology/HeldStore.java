package io.wirestream.topology;

import io.wirestream.schema.Dispatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The dispatches held back by one task, in the {@value RoutingTopology#HELD_STORE} store, logged to its changelog:
 * so a hold survives a crash, a restart and a rebalance, and, taken out in the same transaction as the records it
 * becomes, is released exactly once under exactly-once processing. Few are held at a time, so each question is a
 * scan. The dispatch is kept in Avro's single-object encoding, which names its schema by fingerprint.
 */
final class HeldStore implements HeldDispatches {

    private static final Comparator<Outcome.Held> EARLIEST_FIRST = Comparator.comparing(
            (Outcome.Held held) -> held.until() == null ? Instant.MAX : held.until())
            .thenComparingLong(Outcome.Held::version);

    private final KeyValueStore<String, byte[]> store;

    HeldStore(ProcessorContext<?, ?> context) {
        this.store = context.getStateStore(RoutingTopology.HELD_STORE);
    }

    @Override
    public void hold(Outcome.Held held) {
        store.put(keyOf(held), encode(held));
    }

    @Override
    public List<Outcome.Held> takeStory(String story) {
        return take(held -> held.story().equals(story));
    }

    @Override
    public List<Outcome.Held> takeWithheld(String story) {
        return take(held -> held.withheld() && held.story().equals(story));
    }

    @Override
    public List<Outcome.Held> takeDue(long now) {
        return take(held -> !held.withheld() && held.until() != null && held.until().toEpochMilli() <= now);
    }

    private List<Outcome.Held> take(Predicate<Outcome.Held> which) {
        List<KeyValue<String, Outcome.Held>> taken = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                Outcome.Held held = decode(entry.value);
                if (which.test(held)) {
                    taken.add(KeyValue.pair(entry.key, held));
                }
            }
        }
        taken.forEach(entry -> store.delete(entry.key));
        return taken.stream().map(entry -> entry.value).sorted(EARLIEST_FIRST).toList();
    }

    /** One entry per version of a story's content: holding it again replaces it. */
    static String keyOf(Outcome.Held held) {
        return held.story() + '\n' + held.version() + '\n' + held.dispatch().getContentId();
    }

    static byte[] encode(Outcome.Held held) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(held.key());
            out.writeLong(held.timestamp());
            out.writeInt(held.subjects().size());
            for (String subject : held.subjects()) {
                out.writeUTF(subject);
            }
            out.writeUTF(held.story());
            out.writeLong(held.version());
            out.writeLong(held.until() == null ? Long.MIN_VALUE : held.until().toEpochMilli());
            out.writeBoolean(held.withheld());
            out.writeInt(held.headers().size());
            for (RawRecord.Header header : held.headers()) {
                out.writeUTF(header.key());
                writeBytes(out, header.value());
            }
            ByteBuffer dispatch = Dispatch.getEncoder().encode(held.dispatch());
            byte[] dispatchBytes = new byte[dispatch.remaining()];
            dispatch.get(dispatchBytes);
            writeBytes(out, dispatchBytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Outcome.Held decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            String key = in.readUTF();
            long timestamp = in.readLong();
            List<String> subjects = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                subjects.add(in.readUTF());
            }
            String story = in.readUTF();
            long version = in.readLong();
            long until = in.readLong();
            boolean withheld = in.readBoolean();
            List<RawRecord.Header> headers = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                headers.add(new RawRecord.Header(in.readUTF(), readBytes(in)));
            }
            Dispatch dispatch = Dispatch.getDecoder().decode(readBytes(in));
            return new Outcome.Held(dispatch, key, timestamp, subjects, story, version,
                    until == Long.MIN_VALUE ? null : Instant.ofEpochMilli(until), withheld, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value == null ? -1 : value.length);
        if (value != null) {
            out.write(value);
        }
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        return length < 0 ? null : in.readNBytes(length);
    }
}
