package io.wirestream.topology;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stories of one task, in the {@value RoutingTopology#STORY_STORE} store: for each story delivered within the
 * deduplication window, its subjects and highest version, with the wall-clock time it was last delivered. A story
 * quiet for longer than the window is forgotten by a punctuation, as a repeat of its content would be.
 */
final class StoryStore implements KnownStories {

    private final ProcessorContext<?, ?> context;
    private final KeyValueStore<String, byte[]> store;
    private final Duration window;

    private StoryStore(ProcessorContext<?, ?> context, Duration window) {
        this.context = context;
        this.store = context.getStateStore(RoutingTopology.STORY_STORE);
        this.window = window;
    }

    /** The task's stories, with their expiry scheduled as that of seen content. */
    static KnownStories open(ProcessorContext<?, ?> context, Duration window) {
        StoryStore stories = new StoryStore(context, window);
        context.schedule(SeenContentStore.expiryInterval(window), PunctuationType.WALL_CLOCK_TIME,
                stories::forgetExpired);
        return stories;
    }

    @Override
    public StoryState get(String story) {
        byte[] value = store.get(story);
        if (value == null) {
            return null;
        }
        Entry entry = decode(value);
        return context.currentSystemTimeMs() - entry.lastSeen < window.toMillis() ? entry.state : null;
    }

    @Override
    public void remember(String story, StoryState state) {
        store.put(story, encode(new Entry(state, context.currentSystemTimeMs())));
    }

    private void forgetExpired(long now) {
        long oldest = now - window.toMillis();
        try (KeyValueIterator<String, byte[]> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, byte[]> entry = all.next();
                if (decode(entry.value).lastSeen < oldest) {
                    store.delete(entry.key);
                }
            }
        }
    }

    private record Entry(StoryState state, long lastSeen) {
    }

    static byte[] encode(Entry entry) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeLong(entry.lastSeen);
            out.writeLong(entry.state.version());
            out.writeInt(entry.state.subjects().size());
            for (String subject : entry.state.subjects()) {
                out.writeUTF(subject);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static Entry decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            long lastSeen = in.readLong();
            long version = in.readLong();
            int count = in.readInt();
            List<String> subjects = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                subjects.add(in.readUTF());
            }
            return new Entry(new StoryState(subjects, version), lastSeen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
