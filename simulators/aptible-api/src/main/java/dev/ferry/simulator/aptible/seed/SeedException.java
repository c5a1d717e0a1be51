package dev.ferry.simulator.aptible.seed;

import java.util.List;

/** Stops start-up when a seed cannot be read, breaks a rule or cannot be applied, naming every problem. */
public class SeedException extends RuntimeException {

    private final List<String> problems;

    public SeedException(String source, List<String> problems) {
        super("cannot seed the Aptible simulator from " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public SeedException(String source, String problem, Throwable cause) {
        super("cannot seed the Aptible simulator from " + source + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    /** The individual problems, one line each. */
    public List<String> problems() {
        return problems;
    }
}
