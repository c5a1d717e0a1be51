package dev.ferry.simulator.heroku.service;

import java.util.List;

/** Raised when an estate file cannot be read or breaks a rule, listing every problem found. */
public class EstateInvalidException extends RuntimeException {

    private final List<String> problems;

    public EstateInvalidException(String source, List<String> problems) {
        super("invalid estate " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public EstateInvalidException(String source, String problem, Throwable cause) {
        super("invalid estate " + source + ": " + problem, cause);
        this.problems = List.of(problem);
    }

    /** The individual problems, one line each. */
    public List<String> problems() {
        return problems;
    }
}
