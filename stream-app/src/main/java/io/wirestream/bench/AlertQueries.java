package io.wirestream.bench;

import java.util.Random;

/**
 * Alert queries of the kinds users write (names, places, organizations and topics, as phrases, proximity,
 * conjunctions and headline-only queries), generated from a fixed seed, for measuring the classifier with many
 * rules: the JMH benchmark and {@code wirestream bench}.
 */
public final class AlertQueries {

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
    private static final String[] SYLLABLES = {"min", "jae", "soo", "young", "ji", "hoon", "eun", "sung", "hyun", "woo",
        "seok", "ho", "jin", "kyung", "mi", "hee", "dong", "chul", "na", "ra"};

    private AlertQueries() {
    }

    /**
     * {@code count} alerts as a rules file's subjects, each alert its own one-rule subject with its own topic
     * ({@code alert-N}), to be appended under {@code subjects:}.
     */
    public static String asSubjects(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < count; i++) {
            yaml.append("  - {id: alert-").append(i).append(", topic: alert-").append(i)
                    .append(", threshold: 1, rules: [{id: alert-rule-").append(i).append(", query: ")
                    .append(quoted(next(random))).append("}]}\n");
        }
        return yaml.toString();
    }

    /**
     * {@code count} alerts shared out among {@code desks} subjects ({@code alerts-1}, …, topics
     * {@code topicPrefix + "alerts-1"}, …), each alert one rule that routes on its own (threshold 1): as many
     * queries as {@link #asSubjects}, without a topic per alert. To be appended under {@code subjects:}.
     */
    public static String asDesks(int count, int desks, long seed, String topicPrefix) {
        Random random = new Random(seed);
        StringBuilder yaml = new StringBuilder();
        for (int desk = 1; desk <= desks; desk++) {
            yaml.append("  - id: alerts-").append(desk).append("\n    topic: ").append(topicPrefix).append("alerts-")
                    .append(desk).append("\n    threshold: 1\n    rules:\n");
            for (int i = desk - 1; i < count; i += desks) {
                yaml.append("      - {id: alert-").append(i).append(", query: ").append(quoted(next(random)))
                        .append("}\n");
            }
        }
        return yaml.toString();
    }

    private static String quoted(String query) {
        return "'" + query.replace("'", "''") + "'";
    }

    private static String next(Random random) {
        String person = pick(random, Words.SURNAMES) + " " + capitalize(pick(random, SYLLABLES)) + "-"
                + pick(random, SYLLABLES);
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
