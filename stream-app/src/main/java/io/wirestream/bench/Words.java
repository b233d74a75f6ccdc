package io.wirestream.bench;

import java.util.Locale;
import java.util.SplittableRandom;

/** The names, places and figures that fill the generator's templates: {@code {person}}, {@code {pct}}, …. */
final class Words {

    static final String[] SURNAMES = {"Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim",
        "Han", "Oh", "Seo", "Shin", "Kwon", "Hwang", "Ahn", "Song", "Yoo", "Hong"};
    private static final String[] SYLLABLES = {"min", "jae", "soo", "young", "ji", "hoon", "eun", "sung", "hyun", "woo",
        "seok", "ho", "jin", "kyung", "mi", "hee", "dong", "chul", "na", "ra", "bo", "yeon", "tae", "gyu"};
    private static final String[] CITIES = {"Busan", "Incheon", "Daegu", "Gwangju", "Daejeon", "Ulsan", "Sejong",
        "Suwon", "Changwon", "Cheongju", "Jeonju", "Pohang", "Gangneung", "Jeju", "Andong", "Yeosu", "Mokpo"};
    private static final String[] COMPANIES = {"Samsung Electronics", "SK hynix", "Hyundai Motor", "Kia", "LG Energy "
        + "Solution", "POSCO Holdings", "Naver", "Kakao", "Hanwha Aerospace", "HD Hyundai Heavy Industries", "Lotte "
        + "Chemical", "CJ CheilJedang", "Korea Electric Power Corp.", "Coupang", "Celltrion", "Doosan Enerbility"};
    private static final String[] TITLES = {"a senior official", "a ministry spokesperson", "a government official",
        "a researcher", "an analyst", "a professor", "a spokesperson"};
    private static final String[] TEAMS = {"Ulsan HD", "Jeonbuk Hyundai Motors", "Pohang Steelers", "FC Seoul",
        "LG Twins", "Kia Tigers", "Doosan Bears", "Samsung Lions", "SSG Landers", "KT Wiz"};
    private static final String[] GROUPS = {"NOVA", "Aster", "LUMEN", "BLOOM", "Orbit", "HALO", "Sunday Rain",
        "Velvet Tide", "Neon Garden", "Polaris"};
    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    private static final String[] MINISTRIES = {"finance ministry", "industry ministry", "health ministry",
        "education ministry", "land ministry", "environment ministry", "interior ministry", "science ministry"};

    private Words() {
    }

    static String pick(String[] values, SplittableRandom random) {
        return values[random.nextInt(values.length)];
    }

    /** {@code Min-ji}. */
    static String givenName(SplittableRandom random) {
        return capitalize(pick(SYLLABLES, random)) + "-" + pick(SYLLABLES, random);
    }

    /** The template with each {@code {slot}} replaced by a value drawn from its list. */
    static String fill(String template, SplittableRandom random) {
        StringBuilder out = new StringBuilder(template.length() + 64);
        int at = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', at)) {
            int close = template.indexOf('}', open);
            out.append(template, at, open).append(value(template.substring(open + 1, close), random));
            at = close + 1;
        }
        return out.append(template, at, template.length()).toString();
    }

    private static String value(String slot, SplittableRandom random) {
        switch (slot) {
            case "person": return pick(SURNAMES, random) + " " + givenName(random);
            case "title": return pick(TITLES, random);
            case "city": return pick(CITIES, random);
            case "company": return pick(COMPANIES, random);
            case "team": return pick(TEAMS, random);
            case "group": return pick(GROUPS, random);
            case "day": return pick(DAYS, random);
            case "ministry": return pick(MINISTRIES, random);
            case "pct": return String.format(Locale.ROOT, "%.1f", 0.1 + random.nextInt(150) / 10.0);
            case "num": return Integer.toString(2 + random.nextInt(98));
            case "big": return String.format(Locale.ROOT, "%,d", 1_000 + random.nextInt(900_000));
            case "won": return String.format(Locale.ROOT, "%.1f", 1 + random.nextInt(900) / 10.0);
            case "year": return Integer.toString(2020 + random.nextInt(8));
            default: throw new IllegalArgumentException("no words for {" + slot + "}");
        }
    }

    private static String capitalize(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
