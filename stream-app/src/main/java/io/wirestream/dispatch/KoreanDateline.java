package io.wirestream.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The dateline-byline that opens a lead of Yonhap's Korean service, {@code (서울=연합뉴스) 홍길동 기자 = }: the city
 * (or cities, {@code 서울·워싱턴}), the agency, the reporters and their roles, and the day the lead gives
 * ({@code 북한이 27일 …}), since the dateline itself carries no date.
 */
final class KoreanDateline {

    private static final int MAX_PLACE = 30;
    private static final int MAX_AGENCY = 20;
    private static final int MAX_BYLINE = 60;
    /** Roles that follow the names they apply to: {@code 김철수 박성민 기자}, {@code 류지석 특파원}. */
    private static final Set<String> ROLES = Set.of("기자", "특파원", "통신원", "인턴기자", "선임기자", "전문기자",
            "객원기자", "사진기자", "영상기자", "기자들");
    /** A pool or a team signs as itself: {@code 공동취재단}, {@code 사진공동취재단}, {@code 특별취재팀}. */
    private static final List<String> TEAMS = List.of("취재단", "취재팀");
    private static final int MIN_NAME = 2;
    private static final int MAX_NAME = 5;

    private KoreanDateline() {
    }

    /** True when {@code line} opens with {@code (place=agency)}, as a Korean lead or a photo caption does. */
    static boolean opens(String line) {
        return placeEnd(line) > 0;
    }

    /**
     * The dateline-byline opening {@code paragraph}, or null when it has none. The match has the place as its city,
     * the agency, the names of the byline (when there is one before {@code =}), the day the rest of the lead gives
     * (0 when none) and that rest.
     */
    static DatelineParser.Match find(String paragraph) {
        int close = placeEnd(paragraph);
        if (close < 0) {
            return null;
        }
        int equals = paragraph.indexOf('=');
        String city = paragraph.substring(1, equals).strip();
        String agency = paragraph.substring(equals + 1, close).strip();
        int restStart = skipSpaces(paragraph, close + 1);
        List<String> names = List.of();
        int bylineEnd = paragraph.indexOf('=', restStart);
        if (bylineEnd >= 0 && bylineEnd - restStart <= MAX_BYLINE) {
            List<String> parsed = names(paragraph.substring(restStart, bylineEnd));
            if (parsed != null) {
                names = parsed;
                restStart = skipSpaces(paragraph, bylineEnd + 1);
            }
        }
        String rest = paragraph.substring(restStart);
        return new DatelineParser.Match(paragraph.substring(0, close + 1), city, null, 0, KoreanDays.dayOf(rest),
                agency, rest, names);
    }

    /** Index of the {@code )} closing a leading {@code (place=agency)}, or -1. */
    private static int placeEnd(String line) {
        if (line.length() < 5 || line.charAt(0) != '(') {
            return -1;
        }
        int equals = -1;
        int limit = Math.min(line.length(), MAX_PLACE + MAX_AGENCY + 3);
        for (int i = 1; i < limit; i++) {
            char c = line.charAt(i);
            if (c == '(') {
                return -1;
            }
            if (c == '=') {
                if (equals >= 0) {
                    return -1;
                }
                equals = i;
            } else if (c == ')') {
                boolean placed = equals > 1 && equals - 1 <= MAX_PLACE && i - equals - 1 <= MAX_AGENCY
                        && !line.substring(1, equals).isBlank() && hasHangul(line, equals + 1, i);
                return placed ? i : -1;
            }
        }
        return -1;
    }

    /**
     * The names of a Korean byline ({@code 김철수 박성민 기자}, {@code 한지민 기자 김동혁 특파원}, {@code 공동취재단}),
     * roles dropped and teams kept; null when the text is no byline. Empty (a bare {@code (서울=연합뉴스) = }) is a
     * byline without names.
     */
    static List<String> names(String byline) {
        List<String> names = new ArrayList<>(2);
        boolean pending = false;
        for (String token : byline.split("[ ·,]+")) {
            if (token.isEmpty()) {
                continue;
            }
            if (ROLES.contains(token)) {
                pending = false;
            } else if (isTeam(token)) {
                names.add(token);
                pending = false;
            } else if (isName(token)) {
                names.add(token);
                pending = true;
            } else {
                String role = attachedRole(token);
                if (role == null) {
                    return null;
                }
                names.add(token.substring(0, token.length() - role.length()));
                pending = false;
            }
        }
        // Names must be followed by a role: "환율 안정 =" is text, not a byline.
        return pending ? null : names;
    }

    private static boolean isTeam(String token) {
        for (String team : TEAMS) {
            if (token.endsWith(team) && isHangul(token, 0, token.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isName(String token) {
        return token.length() >= MIN_NAME && token.length() <= MAX_NAME && isHangul(token, 0, token.length());
    }

    /** {@code 김철수기자}: a name with its role written on. */
    private static String attachedRole(String token) {
        for (String role : ROLES) {
            if (token.endsWith(role) && isName(token.substring(0, token.length() - role.length()))) {
                return role;
            }
        }
        return null;
    }

    private static boolean isHangul(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '\uAC00' || c > '\uD7A3') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasHangul(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= '\uAC00' && c <= '\uD7A3') {
                return true;
            }
        }
        return false;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
