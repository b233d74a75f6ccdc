package io.wirestream.classify;

import java.util.List;

/** A rules file that cannot be used, with every problem found in it. */
public final class RulesException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param where   {@code rule <id>}, {@code subject <id>} or {@code file}
     * @param message what is wrong
     */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    private final String source;
    private final transient List<Problem> problems;

    public RulesException(String source, List<Problem> problems) {
        super(source + ": " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "\n  "
                + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }
}
