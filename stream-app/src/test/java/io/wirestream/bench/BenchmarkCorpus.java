package io.wirestream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirestream.LabelledCorpus;
import io.wirestream.dispatch.DispatchParser;
import io.wirestream.dispatch.ParseResult;
import io.wirestream.dispatch.RawDispatch;
import io.wirestream.schema.Dispatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic dispatches and alert queries for the benchmarks, built deterministically (fixed seeds) from the
 * labelled corpus, so that runs compare.
 */
final class BenchmarkCorpus {

    private BenchmarkCorpus() {
    }

    /**
     * Dispatches of about {@code targetBytes} each: a corpus story, lengthened with paragraphs of the next ones
     * where it is shorter. Their subjects mix as in the corpus.
     */
    static List<Dispatch> dispatches(int count, int targetBytes) {
        List<JsonNode> stories = stories();
        List<Dispatch> out = new ArrayList<>(count);
        DispatchParser parser = new DispatchParser();
        for (int i = 0; out.size() < count; i++) {
            StringBuilder text = new StringBuilder(stories.get(i % stories.size()).get("text").asText());
            int end = text.lastIndexOf("\n(END)");
            if (end > 0) {
                text.setLength(end);
            }
            for (int k = 1; text.length() < targetBytes; k++) {
                String[] lines = stories.get((i + k) % stories.size()).get("text").asText().split("\n");
                for (int l = 2; l < lines.length - 2 && text.length() < targetBytes; l++) {
                    text.append('\n').append(lines[l]);
                }
            }
            text.append("\n(END)");
            ParseResult result = parser.parse(RawDispatch.of(text.toString().getBytes(StandardCharsets.UTF_8),
                    Instant.parse("2024-06-01T00:00:00Z")));
            if (result instanceof ParseResult.Parsed parsed) {
                out.add(parsed.dispatch());
            }
        }
        return out;
    }

    private static List<JsonNode> stories() {
        return LabelledCorpus.entries().stream().filter(node -> node.get("text").asText().length() > 600).toList();
    }

    private static final String[] SURNAMES = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
        "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong"};
    private static final String[] SYLLABLES = {"min", "jae", "soo", "young", "ji", "hoon", "eun", "sung", "hyun", "woo",
        "seok", "ho", "jin", "kyung", "mi", "hee", "dong", "chul", "na", "ra"};
    private static final String[] PLACES = {"Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Sejong",
        "Pyeongtaek", "Pohang", "Jeju", "Gangneung", "Changwon", "Suwon", "Goyang", "Yongin", "Paju", "Cheongju",
        "Jeonju", "Andong", "Gimpo", "Osan", "Gunsan", "Mokpo", "Yeosu", "Tokyo", "Beijing", "Moscow", "Hanoi",
        "Jakarta", "Geneva", "Brussels", "Warsaw", "Canberra", "Manila", "Taipei", "Hawaii", "Guam", "Okinawa"};
    private static final String[] ORGANIZATIONS = {"Samsung Electronics", "SK hynix", "Hyundai Motor", "Kia", "LG Energy",
        "POSCO", "Korean Air", "Naver", "Kakao", "Hanwha Ocean", "HD Hyundai", "Lotte", "CJ", "KEPCO", "Coupang",
        "Bank of Korea", "Financial Services Commission", "National Assembly", "Constitutional Court", "KOSPI",
        "Unification Ministry", "Foreign Ministry", "Korea Coast Guard", "National Police Agency", "KBO", "K League"};
    private static final String[] TOPICS = {"strike", "walkout", "merger", "recall", "fire", "flood", "earthquake",
        "typhoon", "lawsuit", "indictment", "raid", "bribery", "export", "tariff", "subsidy", "election", "protest",
        "accident", "explosion", "outbreak", "vaccine", "semiconductor", "battery", "shipbuilding", "drone", "cyberattack",
        "heat wave", "housing prices", "interest rate", "birth rate", "tourism", "festival", "concert", "championship"};

    /**
     * {@code count} alert rules of the kinds users write: names, places, organizations and topics, as phrases,
     * proximity, conjunctions and field-restricted queries. Every alert is its own one-rule subject.
     */
    static String alertRulesYaml(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder("subjects:\n");
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: alert-").append(i).append(", topic: alert-").append(i)
                    .append(", threshold: 1, rules: [{id: alert-rule-").append(i).append(", query: '")
                    .append(alertQuery(random).replace("'", "''")).append("'}]}\n");
        }
        return yaml.toString();
    }

    private static String alertQuery(Random random) {
        String person = pick(random, SURNAMES) + " " + capitalize(pick(random, SYLLABLES)) + "-" + pick(random, SYLLABLES);
        switch (random.nextInt(6)) {
            case 0:
                return "\"" + person + "\"";
            case 1:
                return "\"" + pick(random, ORGANIZATIONS) + "\" AND (" + pick(random, TOPICS) + " OR "
                        + pick(random, TOPICS) + ")";
            case 2:
                return "headline:\"" + pick(random, ORGANIZATIONS) + "\"";
            case 3:
                return "\"" + pick(random, PLACES) + " " + pick(random, TOPICS) + "\"~3";
            case 4:
                return pick(random, PLACES) + " AND \"" + pick(random, TOPICS) + "\" -" + pick(random, TOPICS);
            default:
                return "\"" + person + "\" OR (\"" + pick(random, ORGANIZATIONS) + "\" AND " + pick(random, PLACES) + ")";
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
