package io.wirestream.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.wirestream.config.ConfigLoader;
import io.wirestream.config.Setting;
import io.wirestream.config.WirestreamConfig;
import io.wirestream.runtime.StreamsRunner;
import io.wirestream.runtime.Topics;
import io.wirestream.testing.Outcomes;
import io.wirestream.testing.RealServices;
import io.wirestream.testing.TracedInputs;
import io.wirestream.topology.CarriedHeaders;
import io.wirestream.topology.Collaborators;
import io.wirestream.topology.DeadLetterHeaders;
import io.wirestream.topology.RoutingConfig;
import io.wirestream.topology.RoutingTopology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

/**
 * 10,000 fuzzed inputs (seeded, so that a failure repeats) against the running topology on a real broker and
 * registry, with the default settings (deduplication on): random bytes, truncated and mangled dispatches, control
 * characters, invalid UTF-8, HTML and XML pages, Korean-language text, empty and null values, lines of a megabyte
 * and more, big headers and forged dead-letter headers. No stream thread may die - the streams stay RUNNING with
 * their one thread throughout - and each input must end routed, unrouted, dead-lettered with its reason and its
 * original bytes, or counted as a duplicate: exactly one fate, the one the parser and rules predict.
 */
class FuzzIT {

    private static final int INPUTS = 10_000;
    private static final long SEED = 20_240_607L;
    private static final List<String> CORPUS = TracedInputs.corpusTexts();

    @Test
    void shouldGiveEveryFuzzedInputExactlyOneFateWithoutLosingAStreamThread() throws Exception {
        try (RealServices services = RealServices.start()) {
            WirestreamConfig settings = ConfigLoader.load(Map.of(), Map.of(), Map.of(
                    Setting.BOOTSTRAP_SERVERS, services.bootstrapServers(),
                    Setting.SCHEMA_REGISTRY_URL, services.registryUrl(),
                    Setting.APPLICATION_ID, "fuzz-it",
                    // Each input is its own story, its fate predicted from its own text: no story is followed,
                    // and an embargo or a kill is delivered as it comes.
                    Setting.STICKY_ROUTING, "false",
                    Setting.EMBARGO_MODE, "pass",
                    Setting.DATA_DIR, services.dir().resolve("app").toString()));
            Map<String, Object> client = settings.kafkaClientConfig();
            Topics.ensure(client, TracedInputs.TOPICS.all(TracedInputs.CLASSIFIER.ruleSet()), 3);
            List<TracedInputs.Input> inputs = withDuplicatesMarked(fuzz(new Random(SEED)));
            try (StreamsRunner runner = StreamsRunner.start(settings,
                    RoutingConfig.of(settings).withTopics(TracedInputs.TOPICS),
                    Collaborators.of(settings, TracedInputs.CLASSIFIER))) {
                assertThat(runner.awaitRunning(Duration.ofSeconds(120))).as("streams running").isTrue();
                Queue<String> troubles = new ConcurrentLinkedQueue<>();
                AtomicBoolean watching = new AtomicBoolean(true);
                Thread watcher = new Thread(() -> watch(runner, watching, troubles), "fuzz-watcher");
                watcher.start();
                try {
                    TracedInputs.produce(client, TracedInputs.TOPICS.input(), inputs);
                    long expected = inputs.stream().mapToLong(i -> i.expected().size()).sum();
                    Outcomes outcomes = Outcomes.read(client, "z", expected, Duration.ofMinutes(3));
                    long duplicates = inputs.stream().filter(i -> i.expected().isEmpty()).count();
                    await("the duplicates counted").atMost(Duration.ofMinutes(1)).until(runner::duplicates,
                            equalTo(duplicates));

                    outcomes.assertExactly(inputs);
                    assertThat(inputs).as("inputs the parser or classifier broke on").noneMatch(
                            i -> DeadLetterHeaders.PROCESSING_ERROR.equals(i.reason()));
                    assertVaried(inputs, outcomes);
                } finally {
                    watching.set(false);
                    watcher.join();
                }
                assertThat(troubles).as("moments the streams were not RUNNING with their one thread").isEmpty();
                assertThat(runner.failure()).isNull();
            }
        }
    }

    /** Samples the streams' state and threads until told to stop, keeping every sample that is not as it should be. */
    private static void watch(StreamsRunner runner, AtomicBoolean watching, Queue<String> troubles) {
        while (watching.get()) {
            KafkaStreams.State state = runner.state();
            int threads = runner.aliveThreads();
            if (state != KafkaStreams.State.RUNNING || threads != 1) {
                troubles.add(Instant.now() + ": " + state + " with " + threads + " threads");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The fuzz covered what it should: every fate, many reasons, a dead letter cut to fit, the large inputs. */
    private static void assertVaried(List<TracedInputs.Input> inputs, Outcomes outcomes) {
        Set<String> reasons = new HashSet<>();
        Set<String> fates = new HashSet<>();
        for (TracedInputs.Input input : inputs) {
            fates.addAll(input.expected().isEmpty() ? List.of("duplicate") : input.expected());
            if (input.reason() != null) {
                reasons.add(input.reason());
            }
        }
        assertThat(fates).contains("duplicate", "unrouted", "raw-feed.dlq", "north-korea", "alliance", "defense-cost");
        assertThat(reasons).contains("EMPTY", "INVALID_UTF8", "BINARY", "MARKUP", "TOO_LARGE", "NO_BODY");
        assertThat(inputs).filteredOn(i -> i.value() != null && i.value().length > RoutingTopology.MAX_DEAD_LETTER_BYTES)
                .singleElement().satisfies(i -> assertThat(Outcomes.header(outcomes.of(i.trace()).get(0),
                        DeadLetterHeaders.ORIGINAL_LENGTH)).isEqualTo(Integer.toString(i.value().length)));
        assertThat(inputs).filteredOn(i -> i.value() != null && i.value().length > 900_000 && i.reason() == null)
                .as("a dispatch of nearly a megabyte, routed").isNotEmpty();
        assertThat(outcomes.of("z6000")).as("the dispatch whose headers filled its input").isNotEmpty()
                .allSatisfy(r -> assertThat(Outcomes.header(r, CarriedHeaders.DROPPED)).endsWith(": x-filler"));
        assertThat(outcomes.of("z7000")).singleElement().satisfies(r -> assertThat(r.headers().lastHeader("x-filler"))
                .as("headers that fit are carried, the value cut to make room").isNotNull());
    }

    /**
     * Keys each parsed input by its content id, so that repeats meet on one partition and so in one task's
     * record of what it has seen; there the first is routed and every later one counted as a duplicate.
     */
    private static List<TracedInputs.Input> withDuplicatesMarked(List<TracedInputs.Input> inputs) {
        Set<String> seen = new HashSet<>();
        List<TracedInputs.Input> marked = new ArrayList<>(inputs.size());
        for (TracedInputs.Input input : inputs) {
            if (input.contentId() == null) {
                marked.add(input);
                continue;
            }
            TracedInputs.Input keyed = new TracedInputs.Input(input.trace(),
                    input.contentId().getBytes(StandardCharsets.UTF_8), input.value(), input.timestamp(), input.headers(),
                    input.expected(), input.reason(), input.contentId());
            marked.add(seen.add(input.contentId()) ? keyed : keyed.asDuplicate());
        }
        return marked;
    }

    private static List<TracedInputs.Input> fuzz(Random random) {
        List<TracedInputs.Input> inputs = new ArrayList<>(INPUTS);
        for (int i = 0; i < INPUTS; i++) {
            byte[] key = random.nextInt(4) == 0 ? null : ("k" + random.nextInt(500)).getBytes(StandardCharsets.UTF_8);
            long timestamp = random.nextInt(50) == 0 ? 0
                    : Instant.parse("2015-01-01T00:00:00Z").toEpochMilli() + (long) (random.nextDouble() * 3.5e11);
            List<Header> headers = random.nextInt(100) == 0 ? forgedHeaders(random) : List.of();
            byte[] value = value(i, random);
            if (i == 6000 || i == 7000) {
                // Headers that fill the input up to the topic's limit (the producer counts some 300 bytes more):
                // the outcome, with more to carry, must still fit its topic.
                value = i == 6000 ? megabyteDispatch(random, 20_000) : oneLine(random, 7 << 20);
                byte[] filler = new byte[Topics.MAX_MESSAGE_BYTES - value.length - 200];
                random.nextBytes(filler);
                headers = List.of(new RecordHeader("x-filler", filler));
            }
            inputs.add(TracedInputs.predict("z" + i, key, value, timestamp, headers));
        }
        return inputs;
    }

    /** The i-th fuzzed value: a few large ones at fixed places, the rest drawn by kind. */
    private static byte[] value(int i, Random random) {
        switch (i) {
            case 1000: return megabyteDispatch(random, 950_000);
            case 2000: return megabyteDispatch(random, (1 << 20) + 1);
            case 3000: return oneLine(random, 3 << 20);
            case 4000: return oneLine(random, RoutingTopology.MAX_DEAD_LETTER_BYTES + 32 * 1024);
            case 5000: return megabyteDispatch(random, 1_040_000);
            default: break;
        }
        int kind = random.nextInt(100);
        if (kind < 15) {
            return randomBytes(random);
        } else if (kind < 35) {
            return truncated(random);
        } else if (kind < 45) {
            return withControlCharacters(random);
        } else if (kind < 55) {
            return withInvalidUtf8(random);
        } else if (kind < 63) {
            return markup(random);
        } else if (kind < 73) {
            return korean(random);
        } else if (kind < 76) {
            return new byte[0];
        } else if (kind < 79) {
            return null;
        } else if (kind < 81) {
            return " \t\r\n \u00a0\n".repeat(random.nextInt(5) + 1).getBytes(StandardCharsets.UTF_8);
        } else if (kind < 84) {
            return oddlyShaped(random);
        } else if (kind < 92) {
            return story(random).getBytes(StandardCharsets.UTF_8);
        }
        return repeated(random);
    }

    private static String story(Random random) {
        return CORPUS.get(random.nextInt(CORPUS.size()));
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(4) == 0 ? random.nextInt(16) : random.nextInt(4096)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A dispatch cut anywhere, at the end or the start, through a character or not. */
    private static byte[] truncated(Random random) {
        byte[] bytes = story(random).getBytes(StandardCharsets.UTF_8);
        int cut = random.nextInt(bytes.length + 1);
        return random.nextBoolean() ? java.util.Arrays.copyOf(bytes, cut)
                : java.util.Arrays.copyOfRange(bytes, cut, bytes.length);
    }

    private static byte[] withControlCharacters(Random random) {
        StringBuilder text = new StringBuilder(story(random));
        int count = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
        for (int n = 0; n < count; n++) {
            char control = random.nextInt(10) == 0 ? '\u0000' : (char) (1 + random.nextInt(31));
            text.insert(random.nextInt(text.length() + 1), random.nextInt(8) == 0 ? '\u007f' : control);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
        {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
        {(byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private static byte[] withInvalidUtf8(Random random) {
        byte[] text = story(random).getBytes(StandardCharsets.UTF_8);
        byte[] bad = BAD_UTF8[random.nextInt(BAD_UTF8.length)];
        int at = random.nextInt(text.length + 1);
        byte[] out = new byte[text.length + bad.length];
        System.arraycopy(text, 0, out, 0, at);
        System.arraycopy(bad, 0, out, at, bad.length);
        System.arraycopy(text, at, out, at + bad.length, text.length - at);
        return out;
    }

    private static byte[] markup(Random random) {
        String story = story(random).replace("&", "&amp;").replace("<", "&lt;");
        String page = switch (random.nextInt(4)) {
            case 0 -> "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Yonhap News Agency</title>"
                    + "<script>window.dataLayer=[];</script></head>\n<body><article><pre>" + story
                    + "</pre></article></body></html>\n";
            case 1 -> "<html><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>";
            case 2 -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><item><title>"
                    + story.lines().findFirst().orElse("") + "</title><description>" + story
                    + "</description></item></channel></rss>\n";
            default -> "<p>" + story.replace("\n", "</p>\n<p>") + "</p>";
        };
        return page.getBytes(StandardCharsets.UTF_8);
    }

    private static final String[] KOREAN = {
        "북한, 동해상으로 탄도미사일 발사…합참 \"경계 강화\"\n(서울=연합뉴스) 김민수 기자 = 북한이 %d일 오전 동해상으로 "
                + "탄도미사일을 발사했다고 합동참모본부가 밝혔다.\n합참은 \"우리 군은 감시와 경계를 강화하고 있다\"고 말했다.\n(끝)",
        "한미, 연합 공중훈련 %d회차 실시\n(서울=연합뉴스) 이지은 기자 = 한국과 미국 공군이 연합 공중훈련을 실시했다고 "
                + "국방부가 밝혔다.\n훈련에는 양국 전투기 수십 대가 참가했다.\n(끝)",
        "내년 국방예산 %d조원 편성\n(세종=연합뉴스) 박서준 기자 = 정부가 내년도 국방예산안을 편성했다.\n"
                + "전력 증강 예산이 크게 늘었다.\n(끝)",
        "(LEAD) 서울 아파트값 %d주 연속 상승\nSEOUL, March 3 (Yonhap) -- 서울 아파트 가격이 상승세를 이어갔다고 "
                + "한국부동산원이 밝혔다.\n(END)",
        "%d일 날씨: 전국 맑고 일교차 커"};

    private static byte[] korean(Random random) {
        String text = String.format(java.util.Locale.ROOT, KOREAN[random.nextInt(KOREAN.length)], random.nextInt(40));
        if (random.nextInt(4) == 0) {
            text = story(random).replace("(END)", text + "\n(END)");
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Wire text in the wrong shape: a byte-order mark, CRLF, no headline, a headline too long, only the end. */
    private static byte[] oddlyShaped(Random random) {
        String story = story(random);
        String text = switch (random.nextInt(6)) {
            case 0 -> "\ufeff" + story;
            case 1 -> story.replace("\n", "\r\n");
            case 2 -> "(END)";
            case 3 -> story.replace("\n", " ");
            case 4 -> story.substring(story.indexOf('\n') + 1);
            default -> "(URGENT)\n" + story;
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A story with its last paragraph repeated, so that many inputs share a headline but not their content. */
    private static byte[] repeated(Random random) {
        String story = story(random);
        int end = story.lastIndexOf("\n(END)");
        String body = end < 0 ? story : story.substring(0, end);
        String last = body.substring(body.lastIndexOf('\n') + 1);
        return (body + ("\n" + last).repeat(random.nextInt(3)) + "\n(END)").getBytes(StandardCharsets.UTF_8);
    }

    /** A dispatch of about {@code size} bytes: a headline, a dateline and paragraph after paragraph. */
    private static byte[] megabyteDispatch(Random random, int size) {
        StringBuilder text = new StringBuilder("N. Korea publishes record-long party document " + random.nextInt()
                + "\nSEOUL, Jan. 2 (Yonhap) -- North Korea published a long party document, KCNA said.\n");
        while (text.length() < size - 6) {
            String[] lines = story(random).split("\n");
            text.append(lines[lines.length / 2]).append('\n');
        }
        text.setLength(size - 6);
        return text.append("\n(END)").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One line of {@code size} bytes, no line break: a feed that lost its newlines. */
    private static byte[] oneLine(Random random, int size) {
        byte[] line = new byte[size];
        byte[] story = story(random).replace('\n', ' ').getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at < size; at += story.length) {
            System.arraycopy(story, 0, line, at, Math.min(story.length, size - at));
        }
        return line;
    }

    /** Many headers, a big one, and headers that pretend to be a dead letter's. */
    private static List<Header> forgedHeaders(Random random) {
        List<Header> headers = new ArrayList<>();
        headers.add(new RecordHeader(DeadLetterHeaders.REASON, "FORGED".getBytes(StandardCharsets.UTF_8)));
        headers.add(new RecordHeader(DeadLetterHeaders.EXCEPTION, "java.lang.Error".getBytes(StandardCharsets.UTF_8)));
        for (int n = 0; n < 200; n++) {
            headers.add(new RecordHeader("x-trace-" + n, new byte[random.nextInt(64)]));
        }
        byte[] big = new byte[random.nextInt(256 * 1024)];
        random.nextBytes(big);
        headers.add(new RecordHeader("x-big", big));
        headers.add(new RecordHeader("x-null", null));
        return Collections.unmodifiableList(headers);
    }
}
