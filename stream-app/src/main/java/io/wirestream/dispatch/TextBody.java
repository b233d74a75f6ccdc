package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines after a headline (sections 3 and 4 of {@code docs/parsing.md}): editor's notes and bylines, the
 * paragraphs and contacts up to {@code (END)} (the Korean service's {@code (끝)}), and what a captured page listed
 * after it. Photo captions and credits of the Korean service are not paragraphs.
 */
final class TextBody {

    static final String END = "(END)";
    /** The Korean service's end mark. */
    static final String KOREAN_END = "(끝)";

    final List<String> notes = new ArrayList<>(1);
    final List<String> bylines = new ArrayList<>(2);
    final List<String> paragraphs = new ArrayList<>(16);
    final List<String> emails = new ArrayList<>(1);
    final List<String> related = new ArrayList<>();
    boolean endSeen;
    /** Index of the first line after the story: the end of the text the content id covers. */
    int storyEnd;

    private TextBody() {
    }

    /** Reads notes and bylines from {@code start}, then the body up to its end, then the related list. */
    static TextBody read(List<String> lines, int start) {
        TextBody body = new TextBody();
        int i = body.readHeader(lines, start);
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            if (isEnd(line)) {
                body.endSeen = true;
                i++;
                break;
            }
            if (line.equals("-")) {
                break;
            }
            if (endsWithEnd(line)) {
                body.add(withoutEnd(line));
                body.endSeen = true;
                i++;
                break;
            }
            body.add(line);
        }
        body.storyEnd = i;
        body.readRelated(lines, i);
        return body;
    }

    /** A story that ended on its headline line: everything after it is the related list. */
    static TextBody closedAt(List<String> lines, int storyEnd) {
        TextBody body = new TextBody();
        body.endSeen = true;
        body.storyEnd = storyEnd;
        body.readRelated(lines, storyEnd);
        return body;
    }

    /** Reads editor's notes and bylines; returns the index of the first body line. */
    private int readHeader(List<String> lines, int start) {
        int i = start;
        for (; i < lines.size(); i++) {
            String line = lines.get(i);
            List<String> names;
            if (isEditorNote(line)) {
                notes.add(line.substring(1, line.length() - 1).strip());
            } else if ((names = Bylines.names(line)) != null) {
                bylines.addAll(names);
            } else {
                break;
            }
        }
        return i;
    }

    private void add(String line) {
        if (line.isEmpty() || Emails.addIfOnlyAddresses(line, emails) || KoreanCredits.isStampedCaption(line)) {
            return;
        }
        if (KoreanCredits.isCredit(line)) {
            if (KoreanCredits.isCaptionOfCredit(paragraphs)) {
                paragraphs.remove(paragraphs.size() - 1);
            }
            return;
        }
        paragraphs.add(line);
    }

    private void readRelated(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).equals("-")) {
                related.add(lines.get(i));
            }
        }
    }

    /** A whole line in parentheses; not an end mark, and not a Korean lead that happens to end in one. */
    static boolean isEditorNote(String line) {
        return line.length() > 2 && line.charAt(0) == '(' && line.charAt(line.length() - 1) == ')'
                && !isEnd(line) && !KoreanDateline.opens(line);
    }

    /** {@code (END)} in any case, or {@code (끝)}. */
    static boolean isEnd(String line) {
        return line.equalsIgnoreCase(END) || line.equals(KOREAN_END);
    }

    /** A line closed by an end mark after some text: {@code ... said Friday. (END)}, {@code …밝혔다.(끝)}. */
    static boolean endsWithEnd(String line) {
        int at = line.length() - END.length();
        int atKorean = line.length() - KOREAN_END.length();
        return (at > 0 && line.regionMatches(true, at, END, 0, END.length()))
                || (atKorean > 0 && line.startsWith(KOREAN_END, atKorean));
    }

    static String withoutEnd(String line) {
        int mark = line.endsWith(KOREAN_END) ? KOREAN_END.length() : END.length();
        return line.substring(0, line.length() - mark).strip();
    }
}
