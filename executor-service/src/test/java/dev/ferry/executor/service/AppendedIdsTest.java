package dev.ferry.executor.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppendedIdsTest {
    @Test
    void remembersWhatWasAppendedUpToItsCapacityOldestFirstOut() {
        AppendedIds ids = new AppendedIds(2);
        ids.add("a");
        ids.add("b");
        assertThat(ids.contains("a")).isTrue();
        ids.add("c");
        assertThat(ids.contains("a")).as("the oldest is forgotten").isFalse();
        assertThat(ids.contains("b")).isTrue();
        assertThat(ids.contains("c")).isTrue();
        assertThat(ids.contains("d")).isFalse();
    }
}
