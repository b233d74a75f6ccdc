package io.wirestream.dispatch;

import java.util.List;

/**
 * The day a Korean lead is dated by: {@code 북한이 27일 …}, {@code 27일(현지시간)}. Korean datelines carry no date,
 * so a day of the month the lead names stands for it. A lead often names the day of an event and then the day it
 * was told ({@code 북한이 30일 밤 … 발사했다고 합동참모본부가 31일 새벽 밝혔다}): the day of the telling, a day
 * followed by a verb of saying, is the story's. Without one, the first day that is plainly not another one counts:
 * not one written with its month ({@code 1월 6일}: a date being reported), one said to be past or to come
 * ({@code 지난 3일}, {@code 오는 15일}), a number of days ({@code 11일간}, {@code 3일째}, {@code 8일 만에}) or the end
 * of a span ({@code 5일까지}).
 */
final class KoreanDays {

    private static final int MAX_DAY = 31;
    private static final char DAY = '일';
    /** How far after {@code N일} a verb of saying may start: {@code 28일 동시에 보도했다}. */
    private static final int SAYING_WINDOW = 12;
    /** Words before a day that make it another day than the story's. */
    private static final List<String> NOT_TODAY_BEFORE = List.of("지난", "오는", "내달", "지난달", "다음달", "다음 달",
            "이달", "전날인", "다음날인");
    /** Words right after {@code N일} that make it a number of days. */
    private static final List<String> DURATION_AFTER = List.of("간", "째", "동안", " 동안", "만에", " 만에", "만의",
            " 만의", "만이", " 만이", "씩", "치");
    private static final String SPAN_END = "까지";
    /**
     * The verbs of saying with which a lead tells who said or reported it, and when, and their passives
     * ({@code 16일 확인됐다}: it was learned that day).
     */
    private static final List<String> SAYING = List.of("밝혔", "밝히", "보도했", "발표했", "전했", "말했", "알렸",
            "공개했", "주장했", "확인했", "통보했", "공지했", "확인됐", "알려졌", "전해졌", "파악됐");

    private KoreanDays() {
    }

    /** The day of the month {@code lead} is dated by, or 0 when it names none. */
    static int dayOf(String lead) {
        int first = 0;
        int firstNotSpanEnd = 0;
        for (int at = lead.indexOf(DAY); at >= 0; at = lead.indexOf(DAY, at + 1)) {
            int start = at;
            while (start > 0 && isDigit(lead.charAt(start - 1))) {
                start--;
            }
            // "제27일" or "A27일" is part of another word, not a day.
            if (start == at || at - start > 2 || (start > 0 && Character.isLetter(lead.charAt(start - 1)))) {
                continue;
            }
            int day = Integer.parseInt(lead.substring(start, at));
            if (day < 1 || day > MAX_DAY || withMonth(lead, start) || saidOtherDay(lead, start)
                    || startsWithAny(lead, at + 1, DURATION_AFTER)) {
                continue;
            }
            if (toldThatDay(lead, at + 1)) {
                return day;
            }
            first = first == 0 ? day : first;
            if (firstNotSpanEnd == 0 && !lead.startsWith(SPAN_END, at + 1)) {
                firstNotSpanEnd = day;
            }
        }
        return firstNotSpanEnd != 0 ? firstNotSpanEnd : first;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code 1월 6일}: a date given in full is a date being reported, not the story's day. */
    private static boolean withMonth(String lead, int start) {
        int i = start;
        while (i > 0 && lead.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 && lead.charAt(i - 1) == '월';
    }

    private static boolean saidOtherDay(String lead, int start) {
        String before = lead.substring(Math.max(0, start - 6), start).stripTrailing();
        for (String word : NOT_TODAY_BEFORE) {
            if (before.endsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** A verb of saying shortly after the day: {@code 14일 밝혔다}, {@code 31일 새벽 밝혔다}. */
    private static boolean toldThatDay(String lead, int after) {
        int end = Math.min(lead.length(), after + SAYING_WINDOW);
        for (int i = after; i < end; i++) {
            if (startsWithAny(lead, i, SAYING)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String text, int at, List<String> words) {
        for (String word : words) {
            if (text.startsWith(word, at)) {
                return true;
            }
        }
        return false;
    }
}
