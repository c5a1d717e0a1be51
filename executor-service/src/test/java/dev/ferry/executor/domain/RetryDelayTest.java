package dev.ferry.executor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.plan.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The backoff between attempts: its bound doubles per attempt up to the cap, the delay is drawn below it. */
class RetryDelayTest {
    /** Always draws the largest value allowed, so the delay is the bound itself. */
    private static final RandomGenerator HIGHEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return bound - 1;
        }
    };

    /** Always draws zero. */
    private static final RandomGenerator LOWEST = new RandomGenerator() {
        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only bounded draws are expected");
        }

        @Override
        public long nextLong(long bound) {
            return 0;
        }
    };

    private static long highest(RetryPolicy policy, int attemptsMade) {
        return RetryDelay.fullJitter(policy, attemptsMade, HIGHEST).toMillis();
    }

    @Test
    void theBoundStartsAtTheInitialBackoffAndDoublesWithEachAttempt() {
        RetryPolicy policy = new RetryPolicy(10, 100, 1_000_000);

        assertThat(IntStream.rangeClosed(1, 6).mapToLong(n -> highest(policy, n)))
                .containsExactly(100L, 200L, 400L, 800L, 1600L, 3200L);
        assertThat(highest(policy, 0))
                .as("no attempt counted yet: the first bound")
                .isEqualTo(100);
    }

    @Test
    void theBoundStopsAtTheCapAndStaysThere() {
        RetryPolicy policy = new RetryPolicy(100, 500, 30_000);

        assertThat(IntStream.rangeClosed(1, 8).mapToLong(n -> highest(policy, n)))
                .containsExactly(500L, 1000L, 2000L, 4000L, 8000L, 16_000L, 30_000L, 30_000L);
        assertThat(IntStream.of(20, 31, 40, 63, 64, 1000, Integer.MAX_VALUE).mapToLong(n -> highest(policy, n)))
                .containsOnly(30_000L);
    }

    @Test
    void hugeBackoffsSaturateAtTheCapInsteadOfOverflowing() {
        RetryPolicy policy = new RetryPolicy(100, 1L << 40, 1L << 50);

        assertThat(highest(policy, 11)).isEqualTo(1L << 50);
        assertThat(highest(policy, 31)).isEqualTo(1L << 50);
        assertThat(highest(new RetryPolicy(100, Long.MAX_VALUE, Long.MAX_VALUE), 2))
                .isEqualTo(Long.MAX_VALUE - 1);
    }

    @Test
    void theDelayIsDrawnFromZeroUpToTheBoundIncluded() {
        RetryPolicy policy = new RetryPolicy(10, 100, 30_000);

        assertThat(RetryDelay.fullJitter(policy, 3, LOWEST)).isEqualTo(Duration.ZERO);
        assertThat(RetryDelay.fullJitter(policy, 3, HIGHEST)).isEqualTo(Duration.ofMillis(400));

        SplittableRandom random = new SplittableRandom(42);
        List<Long> delays = LongStream.range(0, 20_000)
                .map(i -> RetryDelay.fullJitter(policy, 3, random).toMillis())
                .boxed()
                .toList();
        assertThat(delays).allSatisfy(d -> assertThat(d).isBetween(0L, 400L));
        assertThat(delays.stream().mapToLong(Long::longValue).min().orElseThrow())
                .as("full jitter reaches down to zero")
                .isLessThan(5);
        assertThat(delays.stream().mapToLong(Long::longValue).max().orElseThrow())
                .as("and up to the bound")
                .isGreaterThan(395);
        assertThat(delays.stream().mapToLong(Long::longValue).average().orElseThrow())
                .as("uniformly: the mean is half the bound")
                .isBetween(190.0, 210.0);
    }

    @Test
    void noBackoffMeansNoDelay() {
        assertThat(RetryDelay.fullJitter(new RetryPolicy(3, 0, 30_000), 5, HIGHEST))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryDelay.fullJitter(new RetryPolicy(3, 500, 0), 5, HIGHEST))
                .isEqualTo(Duration.ZERO);
        assertThat(RetryDelay.fullJitter(new RetryPolicy(3, -5, 30_000), 2, HIGHEST))
                .isEqualTo(Duration.ZERO);
    }
}
