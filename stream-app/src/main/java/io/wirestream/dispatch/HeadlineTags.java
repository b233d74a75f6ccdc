package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tags of a headline line and what they mean: the English service's leading {@code (2nd LD) (World Cup)}, and
 * the Korean service's leading {@code [속보]}, {@code [1보]}, {@code [사설]} and trailing {@code (종합2보)}.
 */
final class HeadlineTags {

    static final int MAX_TAG_LENGTH = 80;
    private static final Pattern NTH_LEAD = Pattern.compile("(\\d{1,3})\\s?(?:st|nd|rd|th)\\s+(?:ld|lead)");
    /** {@code 종합}, {@code 종합2보}: Yonhap's Korean rewrites, counted like (LEAD) and (Nth LD). */
    private static final Pattern KOREAN_REWRITE = Pattern.compile("종합(?: ?(\\d{1,2}) ?보)?");
    /** {@code 1보}, {@code 2보}: the Korean takes of a story; the second take is its first update. */
    private static final Pattern KOREAN_TAKE = Pattern.compile("(\\d{1,2}) ?보");
    /**
     * Tags the Korean service puts after the headline: versions and a few kinds of copy. A closed list, because a
     * headline may well end in an ordinary parenthesis: {@code …방위비분담특별협정(SMA)}.
     */
    private static final Pattern KOREAN_TRAILING = Pattern.compile(
            "종합(?: ?\\d{1,2} ?보)?|\\d{1,2} ?보|속보|영상|사진|그래픽|인터뷰|일문일답|전문");

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

    /**
     * Splits a whitespace-normalized headline line into its tags and the headline proper: leading tags in
     * parentheses or square brackets, then the Korean tags that trail the headline. {@code tags} lists them in
     * the order received.
     */
    static HeadlineTags parse(String line) {
        List<String> tags = new ArrayList<>(2);
        int pos = 0;
        int n = line.length();
        while (pos < n && (line.charAt(pos) == '(' || line.charAt(pos) == '[')) {
            int close = tagEnd(line, pos);
            if (close < 0) {
                break;
            }
            tags.add(line.substring(pos + 1, close).strip());
            pos = close + 1;
            while (pos < n && line.charAt(pos) == ' ') {
                pos++;
            }
        }
        int end = n;
        int leading = tags.size();
        for (int start = trailingTagStart(line, pos, end); start >= 0; start = trailingTagStart(line, pos, end)) {
            tags.add(leading, line.substring(start + 1, end - 1));
            end = start;
            while (end > pos && line.charAt(end - 1) == ' ') {
                end--;
            }
        }
        int version = 0;
        boolean urgent = false;
        for (String tag : tags) {
            String lower = tag.toLowerCase(Locale.ROOT);
            if (lower.equals("urgent") || lower.equals("속보") || lower.equals("긴급")) {
                urgent = true;
            } else {
                version = Math.max(version, versionOf(lower));
            }
        }
        return new HeadlineTags(tags, line.substring(pos, end), version, urgent);
    }

    /** Index of the bracket closing a tag opened at {@code open}, or -1 when no tag starts there. */
    private static int tagEnd(String line, int open) {
        char opening = line.charAt(open);
        char closing = opening == '(' ? ')' : ']';
        int limit = Math.min(line.length(), open + MAX_TAG_LENGTH + 2);
        for (int i = open + 1; i < limit; i++) {
            char c = line.charAt(i);
            if (c == opening) {
                return -1;
            }
            if (c == closing) {
                return line.substring(open + 1, i).isBlank() ? -1 : i;
            }
        }
        return -1;
    }

    /**
     * Where a Korean tag ending at {@code end} opens ({@code (} of {@code …발사(종합)}), or -1 when the line does not
     * end in one there. Some headline must be left before it.
     */
    private static int trailingTagStart(String line, int from, int end) {
        if (end - from < 3 || line.charAt(end - 1) != ')') {
            return -1;
        }
        int open = line.lastIndexOf('(', end - 2);
        if (open <= from || !KOREAN_TRAILING.matcher(line).region(open + 1, end - 1).matches()) {
            return -1;
        }
        return line.substring(from, open).isBlank() ? -1 : open;
    }

    private static int versionOf(String lowerTag) {
        if (lowerTag.equals("lead")) {
            return 1;
        }
        Matcher lead = NTH_LEAD.matcher(lowerTag);
        if (lead.matches()) {
            return Integer.parseInt(lead.group(1));
        }
        Matcher rewrite = KOREAN_REWRITE.matcher(lowerTag);
        if (rewrite.matches()) {
            return rewrite.group(1) == null ? 1 : Integer.parseInt(rewrite.group(1));
        }
        Matcher take = KOREAN_TAKE.matcher(lowerTag);
        return take.matches() ? Math.max(0, Integer.parseInt(take.group(1)) - 1) : 0;
    }
}
