package io.wirestream.dispatch;

import java.util.List;
import java.util.regex.Pattern;

/** Recognizes contact lines made only of e-mail addresses, without regular expressions that can recurse. */
final class Emails {

    private static final int MAX_ADDRESS = 254;
    /** Compiled once: {@code String.split} compiles a pattern of more than one character on every call. */
    private static final Pattern SEPARATORS = Pattern.compile("[ ,;/]+");

    private Emails() {
    }

    /** Adds the addresses of a line made only of e-mail addresses and returns true; otherwise adds none. */
    static boolean addIfOnlyAddresses(String line, List<String> emails) {
        if (line.indexOf('@') < 0) {
            return false;
        }
        String[] tokens = SEPARATORS.split(line);
        int found = 0;
        for (String token : tokens) {
            if (!token.isEmpty()) {
                if (!isAddress(token)) {
                    return false;
                }
                found++;
            }
        }
        if (found == 0) {
            return false;
        }
        for (String token : tokens) {
            if (!token.isEmpty()) {
                emails.add(token);
            }
        }
        return true;
    }

    /** {@code local@label.label.tld}: a plain local part, dot-separated labels, a final label of 2+ letters. */
    static boolean isAddress(String token) {
        int at = token.indexOf('@');
        if (at <= 0 || at != token.lastIndexOf('@') || token.length() > MAX_ADDRESS) {
            return false;
        }
        for (int i = 0; i < at; i++) {
            char c = token.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-')) {
                return false;
            }
        }
        int labels = 0;
        int labelStart = at + 1;
        for (int i = at + 1; i <= token.length(); i++) {
            if (i == token.length() || token.charAt(i) == '.') {
                if (i == labelStart) {
                    return false;
                }
                labels++;
                labelStart = i + 1;
            } else if (!isAsciiLetterOrDigit(token.charAt(i)) && token.charAt(i) != '-') {
                return false;
            }
        }
        int lastDot = token.lastIndexOf('.');
        if (labels < 2 || token.length() - lastDot - 1 < 2) {
            return false;
        }
        for (int i = lastDot + 1; i < token.length(); i++) {
            if (!Character.isLetter(token.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
