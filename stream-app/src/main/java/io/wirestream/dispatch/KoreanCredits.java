package io.wirestream.dispatch;

import java.util.List;

/**
 * The photo and graphics matter that Yonhap's Korean copy carries inside its body, which is not story text: credit
 * lines ({@code [해군 제공. 재판매 및 DB 금지]}, {@code [조선중앙통신 연합뉴스 자료사진. …]}), the graphics desk's
 * footer ({@code X(트위터) @yonhap_graphics …}), and photo captions, which open like a lead
 * ({@code (부산=연합뉴스) 홍기원 기자 = … 2023.7.18}).
 */
final class KoreanCredits {

    private static final int MAX_CREDIT = 200;
    /** Words that make a bracketed line a credit: who provided the picture and how it may be used. */
    private static final List<String> CREDIT_WORDS = List.of("제공", "연합뉴스", "자료사진", "금지", "Redistribution");
    private static final String GRAPHICS_HANDLE = "@yonhap_graphics";

    private KoreanCredits() {
    }

    /** A credit line or the graphics footer: neither is a paragraph. */
    static boolean isCredit(String line) {
        if (line.indexOf(GRAPHICS_HANDLE) >= 0) {
            return true;
        }
        if (line.length() > MAX_CREDIT || line.length() < 3 || line.charAt(0) != '['
                || line.charAt(line.length() - 1) != ']' || !hasHangul(line)) {
            return false;
        }
        for (String word : CREDIT_WORDS) {
            if (line.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A photo caption known by itself: it opens like a lead and closes with the picture's date stamp
     * ({@code … 입항해 있다. 2023.7.18}), which no lead does.
     */
    static boolean isStampedCaption(String line) {
        return KoreanDateline.opens(line) && endsWithDateStamp(line);
    }

    /**
     * A paragraph after the lead that opens like a lead is the caption of the picture whose credit follows it
     * ({@code (서울=연합뉴스) 27일 제주 남방 …}, then {@code [국방부 제공. …]}).
     */
    static boolean isCaptionOfCredit(List<String> paragraphs) {
        int last = paragraphs.size() - 1;
        return last >= 1 && KoreanDateline.opens(paragraphs.get(last));
    }

    /** {@code 2023.7.18} at the end, after a space. */
    private static boolean endsWithDateStamp(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '.') {
            end--;
        }
        int[] lengths = new int[3];
        int part = 2;
        int i = end - 1;
        for (; i >= 0 && part >= 0; i--) {
            char c = line.charAt(i);
            if (c >= '0' && c <= '9') {
                lengths[part]++;
            } else if (c == '.' && part > 0 && lengths[part] > 0) {
                part--;
            } else {
                break;
            }
        }
        boolean shaped = part == 0 && lengths[0] == 4 && lengths[1] >= 1 && lengths[1] <= 2 && lengths[2] >= 1
                && lengths[2] <= 2;
        return shaped && i >= 0 && line.charAt(i) == ' ';
    }

    private static boolean hasHangul(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uAC00' && c <= '\uD7A3') {
                return true;
            }
        }
        return false;
    }
}
