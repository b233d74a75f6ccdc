package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Recognizes byline lines ({@code By Yoo Jee-ho and Kim Boram}) and splits them into names. */
final class Bylines {

    static final int MAX_CHARS = 120;
    private static final Pattern SEPARATOR = Pattern.compile(", and |, | and | & ");
    /** Words that end a role rather than a name: {@code By Kim Eun-jung, Yonhap correspondent}. */
    private static final Set<String> ROLE_WORDS = Set.of("correspondent", "correspondents", "reporter", "reporters",
            "writer", "writers", "editor", "editors", "photographer", "photographers", "intern", "staff", "desk");

    private Bylines() {
    }

    /**
     * The names of a byline line, or null when the line is not one. A byline starts with {@code By }, is short, and
     * holds only names (words starting with a capital) and roles; {@code By the end of the year, ...} is a sentence.
     */
    static List<String> names(String line) {
        if (!line.startsWith("By ") || line.length() <= 3 || line.length() > MAX_CHARS + 3) {
            return null;
        }
        List<String> names = new ArrayList<>(2);
        for (String segment : SEPARATOR.split(line.substring(3))) {
            String name = segment.strip();
            if (name.isEmpty() || isRole(name)) {
                continue;
            }
            if (!isName(name)) {
                return null;
            }
            names.add(name);
        }
        return names.isEmpty() ? null : names;
    }

    /** True when the last word of {@code segment} (stripped) is a role's. */
    private static boolean isRole(String segment) {
        return ROLE_WORDS.contains(segment.substring(segment.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT));
    }

    /** True when every word of {@code segment} (stripped; words apart by one space) starts with a capital. */
    private static boolean isName(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            if ((i == 0 || segment.charAt(i - 1) == ' ') && !Character.isUpperCase(segment.charAt(i))) {
                return false;
            }
        }
        return !segment.endsWith(".") && !segment.endsWith(":");
    }
}
