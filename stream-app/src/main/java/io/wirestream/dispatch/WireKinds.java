package io.wirestream.dispatch;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of wire copy that headline tags and editor's notes announce: editorial reprints, interviews,
 * analyses, features, corrections, advisories, and kill or withdrawal notices; in the Korean service also
 * editorials ({@code [사설]}) and graphics ({@code [그래픽]}).
 */
final class WireKinds {

    static final String EDITORIAL = "editorial";
    private static final String EDITORIAL_FROM = "editorial from ";
    /** An editorial's title takes one line, or two when the paper gives a title and a subtitle. */
    private static final int MAX_TITLE_LINES = 2;
    private static final int MAX_TITLE_CONTINUATION = 100;
    private static final String SENTENCE_ENDS = ".!?:;,\"'\u201D\u2019)";
    /** Tags whose only meaning is that the story is killed or withdrawn. */
    private static final Set<String> KILL_TAGS = Set.of("kill", "killed", "kills", "withdrawn", "withdrawal",
            "withdraw", "withdraws", "cancel", "canceled", "cancelled", "cancellation", "elimination");
    /**
     * Edit verbs that, upper case in an editor's note as the wire writes its verbs ("ATTN: WITHDRAWS story"), announce
     * a kill. Lower case they are news ("... killed in the blast"), so case matters.
     */
    private static final Set<String> KILL_NOTE_VERBS = Set.of("WITHDRAW", "WITHDRAWS", "WITHDRAWN", "WITHDRAWAL",
            "KILL", "KILLS", "KILLED");
    /** Phrases, in any case, with which a note tells clients not to run a story. */
    private static final List<String> KILL_NOTE_PHRASES = List.of("do not use", "not to be used", "should not be used");
    /** Headline words that open a kill notice written as the headline: "KILL -- ...", "WITHDRAWAL: ...". */
    private static final List<String> KILL_HEADLINES = List.of("KILL", "WITHDRAWAL", "WITHDRAWN");

    private WireKinds() {
    }

    /** The genre the first tag that names one announces, or null for a plain story. */
    static String genreOf(List<String> tags) {
        for (String tag : tags) {
            String genre = genreOfTag(tag.toLowerCase(Locale.ROOT));
            if (genre != null) {
                return genre;
            }
        }
        return null;
    }

    private static String genreOfTag(String tag) {
        if (tag.equals(EDITORIAL) || tag.startsWith(EDITORIAL_FROM)) {
            return EDITORIAL;
        }
        return switch (tag) {
            case "yonhap interview", "interview", "인터뷰", "연합뉴스 인터뷰" -> "interview";
            case "news focus", "news analysis", "analysis", "해설" -> "analysis";
            case "yonhap feature", "feature", "르포" -> "feature";
            case "corrected", "correction", "correct" -> "correction";
            case "advisory", "news advisory", "yonhap advisory" -> "advisory";
            case "obituary", "부고" -> "obituary";
            case "사설" -> EDITORIAL;
            case "그래픽" -> "graphics";
            default -> null;
        };
    }

    /** The paper of an {@code EDITORIAL from <paper> on <date>} tag, or null when the tag is not one. */
    static String editorialPaper(String tag) {
        if (!tag.regionMatches(true, 0, EDITORIAL_FROM, 0, EDITORIAL_FROM.length())) {
            return null;
        }
        String rest = tag.substring(EDITORIAL_FROM.length());
        int on = rest.lastIndexOf(" on ");
        String paper = (on > 0 ? rest.substring(0, on) : rest).strip();
        return paper.isEmpty() ? null : paper;
    }

    /** The first editorial paper among {@code tags}, or null. */
    static String editorialPaper(List<String> tags) {
        for (String tag : tags) {
            String paper = editorialPaper(tag);
            if (paper != null) {
                return paper;
            }
        }
        return null;
    }

    /**
     * The end (exclusive) of the title lines of an editorial reprint starting at {@code from}, the line after its
     * tag line; {@code from} when there is no title there. The first line is the title unless it is a dateline,
     * byline, note or {@code (END)}. A second line continues it only when neither ends a sentence, the second is
     * short, and a line is left for the text: body paragraphs are sentences, titles are not.
     */
    static int editorialTitleEnd(List<String> lines, int from) {
        if (from >= lines.size() || !canBeTitle(lines.get(from))) {
            return from;
        }
        int end = from + 1;
        while (end - from < MAX_TITLE_LINES && end + 1 < lines.size() && !endsSentence(lines.get(end - 1))
                && lines.get(end).length() <= MAX_TITLE_CONTINUATION && canBeTitle(lines.get(end))
                && !endsSentence(lines.get(end))) {
            end++;
        }
        return end;
    }

    private static boolean canBeTitle(String line) {
        return line.length() <= DispatchParser.MAX_HEADLINE_CHARS && !line.equals("-") && !TextBody.isEditorNote(line)
                && !TextBody.endsWithEnd(line) && DispatchParser.notAHeadline(line) == null;
    }

    private static boolean endsSentence(String line) {
        return SENTENCE_ENDS.indexOf(line.charAt(line.length() - 1)) >= 0;
    }

    /** True when the tags, the headline or an editor's note say the story is killed or withdrawn. */
    static boolean isKill(List<String> tags, String headline, List<String> notes) {
        for (String tag : tags) {
            if (KILL_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        if (killWord(headline) != null) {
            return true;
        }
        for (String note : notes) {
            if (isKillNote(note)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The headline of the story a kill notice names: its own headline without an opening {@code KILL},
     * {@code WITHDRAWAL} or {@code WITHDRAWN} and the dashes, colons and spaces after it ("KILL -- S. Korea, Japan
     * agree ..." names "S. Korea, Japan agree ..."); the headline itself when it opens with none.
     */
    static String killedHeadline(String headline) {
        String word = killWord(headline);
        if (word == null) {
            return headline;
        }
        int at = word.length();
        while (at < headline.length() && !Character.isLetterOrDigit(headline.charAt(at))) {
            at++;
        }
        return at == headline.length() ? headline : headline.substring(at);
    }

    /** The kill word the headline opens with, or null. */
    private static String killWord(String headline) {
        for (String word : KILL_HEADLINES) {
            // Upper case only: "Kill switch ..." is a headline, "KILL -- ..." is a notice.
            if (headline.startsWith(word) && (headline.length() == word.length()
                    || !Character.isLetterOrDigit(headline.charAt(word.length())))) {
                return word;
            }
        }
        return null;
    }

    private static boolean isKillNote(String note) {
        for (String word : note.split("[^\\p{L}]+")) {
            if (KILL_NOTE_VERBS.contains(word)) {
                return true;
            }
        }
        String lower = note.toLowerCase(Locale.ROOT);
        for (String phrase : KILL_NOTE_PHRASES) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
