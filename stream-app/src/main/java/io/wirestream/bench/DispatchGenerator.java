package io.wirestream.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Wire-style raw dispatches for the benchmark, written the way the wire writes them (docs/parsing.md): tags and
 * editor's notes on updates, a byline, a {@code CITY, Month Day (Yonhap) --} dateline, paragraphs, the reporter's
 * e-mail, {@code (END)}, now and then the related headlines of a captured page, and about one in a hundred inputs
 * that are not dispatches at all (a web page, broken UTF-8), for the dead-letter path.
 *
 * <p>Dispatch {@code i} depends only on the seed, {@code i} and the base date, so runs compare, and any range of
 * indexes can be made without the ones before it. Each is 2-4 KB and distinct in content (a figure in it is
 * derived from {@code i}), so the pipeline's deduplication drops none. About a third are about a subject of the
 * bundled rules (North Korea, the alliance, defense costs); the rest are economy, culture, sports and society.
 */
public final class DispatchGenerator {

    /** One generated input record: its Kafka key (the story; updates share it) and value. */
    public record Raw(byte[] key, byte[] value) {
    }

    private static final int MIN_BYTES = 2_100;
    /** The body stops growing here; the sentence that crosses it, the e-mail and any related headlines follow. */
    private static final int MAX_BYTES = 3_500;
    private static final int RELATED_UNTIL = 3_700;
    private static final String[] MONTHS = {"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
        "Oct.", "Nov.", "Dec."};

    private final long seed;
    private final LocalDate today;

    /** {@code today}: the date of the datelines (and the day before), as for live traffic. */
    public DispatchGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** Dispatch number {@code index}. */
    public Raw generate(long index) {
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        // Every tenth story or so is an update of one a little earlier: same story key, a version tag.
        long story = index;
        int version = 0;
        if (index >= 20 && random.nextInt(10) == 0) {
            story = index - 1 - random.nextInt(19);
            version = 1 + random.nextInt(3);
        }
        byte[] key = ("story-" + story).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(100) == 0) {
            return new Raw(key, notADispatch(random, index));
        }
        // The story's theme and headline come from the story's own seed, so updates keep them.
        SplittableRandom storyRandom = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + story * 31 + 7);
        Theme theme = Theme.pick(storyRandom);
        String headline = Words.fill(theme.headline(storyRandom), storyRandom);
        String byline = person(storyRandom);
        String city = theme.city(storyRandom);
        return new Raw(key, text(random, index, version, theme, headline, byline, city)
                .getBytes(StandardCharsets.UTF_8));
    }

    private String text(SplittableRandom random, long index, int version, Theme theme, String headline,
            String byline, String city) {
        int target = MIN_BYTES + random.nextInt(MAX_BYTES - MIN_BYTES);
        StringBuilder text = new StringBuilder(target + 600);
        if (version == 1) {
            text.append("(LEAD) ");
        } else if (version > 1) {
            text.append('(').append(ordinal(version)).append(" LD) ");
        } else if (random.nextInt(15) == 0) {
            text.append(random.nextBoolean() ? "(News Focus) " : "(Yonhap Interview) ");
        }
        text.append(headline).append('\n');
        if (version > 0) {
            text.append("(ATTN: UPDATES with details in paras ").append(3 + random.nextInt(4)).append("-")
                    .append(7 + random.nextInt(3)).append(")\n");
        }
        text.append("By ").append(byline);
        if (random.nextInt(5) == 0) {
            text.append(" and ").append(person(random));
        }
        LocalDate date = today.minusDays(random.nextInt(2));
        text.append('\n').append(city).append(", ").append(MONTHS[date.getMonthValue() - 1]).append(' ')
                .append(date.getDayOfMonth()).append(" (Yonhap) -- ");
        text.append(Words.fill(theme.lead(random), random)).append('\n');
        // A figure only this dispatch has: no two are the same content.
        text.append(String.format(Locale.ROOT, theme.figure(random), 10_000 + index)).append('\n');
        while (text.length() < target) {
            text.append(Words.fill(theme.sentence(random), random));
            text.append(random.nextInt(3) == 0 ? ' ' : '\n');
            if (random.nextInt(4) == 0) {
                text.append(Words.fill(Theme.COMMON[random.nextInt(Theme.COMMON.length)], random)).append('\n');
            }
        }
        if (text.charAt(text.length() - 1) == ' ') {
            text.setCharAt(text.length() - 1, '\n');
        }
        text.append(email(byline)).append("\n(END)\n");
        if (random.nextInt(20) == 0 && text.length() < RELATED_UNTIL) {
            // A captured web page: the site's related headlines follow the story.
            for (int i = 0; i < 3 + random.nextInt(4); i++) {
                Theme other = Theme.pick(random);
                text.append(Words.fill(other.headline(random), random)).append('\n');
            }
        }
        return text.toString();
    }

    private static byte[] notADispatch(SplittableRandom random, long index) {
        if (random.nextBoolean()) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html><head><title>Page ").append(index)
                    .append("</title></head><body>\n");
            while (page.length() < MIN_BYTES) {
                page.append("<div class=\"item\"><a href=\"/view/").append(random.nextInt(1_000_000))
                        .append("\">").append(Words.fill("{company} {pct} percent", random)).append("</a></div>\n");
            }
            return page.append("</body></html>\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] bytes = ("Seoul shares close higher " + index + "\nSEOUL -- ").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(bytes, MIN_BYTES);
        for (int i = bytes.length; i < broken.length; i++) {
            broken[i] = (byte) (i % 97 == 0 ? 0xC3 : 'a' + i % 26); // a lone lead byte: not UTF-8
        }
        return broken;
    }

    private static String person(SplittableRandom random) {
        return Words.pick(Words.SURNAMES, random) + " " + Words.givenName(random);
    }

    /** {@code Kim Min-ji} → {@code mjkim@yna.co.kr}. */
    static String email(String byline) {
        String[] parts = byline.split(" ", 2);
        String[] given = parts[1].split("-");
        StringBuilder local = new StringBuilder();
        for (String syllable : given) {
            local.append(Character.toLowerCase(syllable.charAt(0)));
        }
        return local.append(parts[0].toLowerCase(Locale.ROOT)).append("@yna.co.kr").toString();
    }

    private static String ordinal(int n) {
        return n + (n == 2 ? "nd" : n == 3 ? "rd" : "th");
    }
}
