package io.wirestream.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Counts outcomes for the summary line a command prints on stderr when it is done. */
final class Tally {

    private int read;
    private final Map<String, Integer> outcomes = new LinkedHashMap<>();
    private final Map<String, Integer> reasons = new TreeMap<>();

    void read() {
        read++;
    }

    void outcome(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    void deadLetter(String reason) {
        outcome(DEAD_LETTERED);
        reasons.merge(reason, 1, Integer::sum);
    }

    int count(String outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    boolean any(String reason) {
        return reasons.containsKey(reason);
    }

    static final String DEAD_LETTERED = "dead-lettered";

    /** {@code 24 read, 22 parsed, 2 dead-lettered (EMPTY 1, INVALID_UTF8 1)}, outcomes in the order given. */
    void print(PrintWriter err, String... order) {
        StringBuilder line = new StringBuilder().append(read).append(" read");
        for (String outcome : order) {
            line.append(", ").append(count(outcome)).append(' ').append(outcome);
            if (outcome.equals(DEAD_LETTERED) && !reasons.isEmpty()) {
                line.append(" (").append(format(reasons)).append(')');
            }
        }
        err.println(line);
        err.flush();
    }

    static String format(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
