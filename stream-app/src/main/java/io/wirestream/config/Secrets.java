package io.wirestream.config;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which settings are secret, and how they are shown: by name (password, token, JAAS, …) and inside URLs. */
final class Secrets {

    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "token", "user.info", "jaas", "key");

    private Secrets() {
    }

    /** The value as it may be shown: {@code [hidden]} for a secret key, URL credentials hidden. */
    static String mask(String key, String value) {
        if (value == null) {
            return null;
        }
        String lower = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (lower.contains(word) && !lower.endsWith(".location") && !lower.endsWith(".type")) {
                return "[hidden]";
            }
        }
        return value.replaceAll("//[^/]*@", "//[hidden]@");
    }

    static Map<String, String> masked(Map<String, String> values) {
        Map<String, String> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k, mask(k, v)));
        return shown;
    }
}
