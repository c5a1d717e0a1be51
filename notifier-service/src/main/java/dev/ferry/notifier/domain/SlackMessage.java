package dev.ferry.notifier.domain;

import java.util.List;

/**
 * The JSON body of an incoming-webhook post: Block Kit blocks, and {@code text} as the fallback
 * that notifications and old clients show.
 */
public record SlackMessage(String text, List<Block> blocks) {}
