package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines after a headline (sections 3 and 4 of {@code docs/parsing.md}): editor's notes and bylines, the
 * paragraphs and contacts up to {@code (END)}, and what a captured page listed after it.
 */
final class TextBody {

    static final String END = "(END)";

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
            if (line.equalsIgnoreCase(END)) {
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
        if (!line.isEmpty() && !Emails.addIfOnlyAddresses(line, emails)) {
            paragraphs.add(line);
        }
    }

    private void readRelated(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).equals("-")) {
                related.add(lines.get(i));
            }
        }
    }

    static boolean isEditorNote(String line) {
        return line.length() > 2 && line.charAt(0) == '(' && line.charAt(line.length() - 1) == ')'
                && !line.equalsIgnoreCase(END);
    }

    /** A line closed by {@code (END)} after some text: {@code ... said Friday. (END)}. */
    static boolean endsWithEnd(String line) {
        int at = line.length() - END.length();
        return at > 0 && line.regionMatches(true, at, END, 0, END.length());
    }

    static String withoutEnd(String line) {
        return line.substring(0, line.length() - END.length()).strip();
    }
}
