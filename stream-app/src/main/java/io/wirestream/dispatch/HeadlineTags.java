package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The leading tags of a headline line, such as {@code (2nd LD) (World Cup)}, and what they mean. */
final class HeadlineTags {

    static final int MAX_TAG_LENGTH = 80;
    private static final Pattern NTH_LEAD = Pattern.compile("(\\d{1,3})\\s?(?:st|nd|rd|th)\\s+(?:ld|lead)");

    final List<String> tags;
    final String headline;
    final int version;
    final boolean urgent;

    private HeadlineTags(List<String> tags, String headline, int version, boolean urgent) {
        this.tags = tags;
        this.headline = headline;
        this.version = version;
        this.urgent = urgent;
    }

    /** Splits a whitespace-normalized headline line into its leading tags and the headline proper. */
    static HeadlineTags parse(String line) {
        List<String> tags = new ArrayList<>(2);
        int version = 0;
        boolean urgent = false;
        int pos = 0;
        int n = line.length();
        while (pos < n && line.charAt(pos) == '(') {
            int close = tagEnd(line, pos);
            if (close < 0) {
                break;
            }
            String tag = line.substring(pos + 1, close).strip();
            tags.add(tag);
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("urgent")) {
                urgent = true;
            } else {
                version = Math.max(version, versionOf(lower));
            }
            pos = close + 1;
            while (pos < n && line.charAt(pos) == ' ') {
                pos++;
            }
        }
        return new HeadlineTags(tags, line.substring(pos), version, urgent);
    }

    /** Index of the ')' closing a tag opened at {@code open}, or -1 when no tag starts there. */
    private static int tagEnd(String line, int open) {
        int limit = Math.min(line.length(), open + MAX_TAG_LENGTH + 2);
        for (int i = open + 1; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '(') {
                return -1;
            }
            if (c == ')') {
                return line.substring(open + 1, i).isBlank() ? -1 : i;
            }
        }
        return -1;
    }

    private static int versionOf(String lowerTag) {
        if (lowerTag.equals("lead")) {
            return 1;
        }
        Matcher m = NTH_LEAD.matcher(lowerTag);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
