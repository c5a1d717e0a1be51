package dev.ferry.simulator.slack.domain;

/** A refusal reported with one of Slack's error words, plus a human detail for debugging. */
public class SlackError extends RuntimeException {

    private final String word;

    public SlackError(String word, String detail) {
        super(detail);
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static SlackError invalidBlocks(String detail) {
        return new SlackError("invalid_blocks", detail);
    }
}
