package dev.ferry.executor.data.redis;

import java.time.Duration;
import java.util.List;

/**
 * What a Redis copy did: keys restored, keys that expired before they could be read, the key counts
 * on both sides after the copy, and any difference found (empty when the copy checks out).
 */
public record RedisCopyReport(
        long keysCopied,
        long keysExpired,
        long sourceKeys,
        long targetKeys,
        int typesChecked,
        List<String> differences,
        Duration elapsed) {

    public boolean ok() {
        return differences.isEmpty();
    }
}
