package dev.ferry.inventory.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The pacer's decisions, with time passed in. */
class RatePacerTest {
    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    @Test
    void sendsAtOnceWhileTheAccountHasTokensAboveTheReserve() {
        RatePacer pacer = new RatePacer(10, 60, 2, 0);
        for (int i = 0; i < 7; i++) {
            assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        }
        assertThat(pacer.tokens(0)).isEqualTo(3.0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        assertThat(pacer.acquire(0)).isNotInstanceOf(RatePacer.Go.class);
    }

    @Test
    void whenLowItChecksTheRealCountOnceThenSpacesRequestsByTheRefill() {
        RatePacer pacer = new RatePacer(100, 60, 0, 0);
        pacer.observe(0, false, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Refresh.class);
        pacer.refreshed(0, 0);
        // One token a second: callers wait 1 s, 2 s, 3 s.
        assertThat(pacer.acquire(0)).isEqualTo(new RatePacer.Wait(Duration.ofSeconds(1)));
        assertThat(pacer.acquire(0)).isEqualTo(new RatePacer.Wait(Duration.ofSeconds(2)));
        assertThat(pacer.acquire(0)).isEqualTo(new RatePacer.Wait(Duration.ofSeconds(3)));
    }

    @Test
    void aRefreshThatFindsTokensLetsRequestsGo() {
        RatePacer pacer = new RatePacer(4500, 75, 20, 0);
        pacer.observe(5, false, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Refresh.class);
        assertThat(pacer.acquire(0))
                .as("others hold back while the check runs")
                .isEqualTo(new RatePacer.Recheck(Duration.ofMillis(50)));
        pacer.refreshed(4000, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
    }

    @Test
    void everyAnswerCorrectsTheEstimateLessWhatIsStillInFlight() {
        RatePacer pacer = new RatePacer(4500, 75, 0, 0);
        pacer.acquire(0);
        pacer.acquire(0);
        pacer.acquire(0);
        pacer.observe(100, true, 0);
        assertThat(pacer.tokens(0)).isEqualTo(98.0);
    }

    @Test
    void tokensRefillOverTimeUpToCapacity() {
        RatePacer pacer = new RatePacer(50, 60, 0, 0);
        pacer.observe(0, false, 0);
        assertThat(pacer.tokens(10 * SECOND)).isEqualTo(10.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(pacer.tokens(1000 * SECOND)).isEqualTo(50.0);
    }

    @Test
    void a429EmptiesTheEstimateAndForcesACheckEvenRightAfterOne() {
        RatePacer pacer = new RatePacer(4500, 75, 0, 0);
        pacer.observe(0, false, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Refresh.class);
        pacer.refreshed(3000, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        pacer.rateLimited(0);
        assertThat(pacer.tokens(0)).isEqualTo(0.0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Refresh.class);
        pacer.refreshed(null, 0);
        assertThat(pacer.acquire(0))
                .as("a failed check leaves the empty estimate")
                .isInstanceOf(RatePacer.Wait.class);
    }

    @Test
    void a429IsCheckedEvenWhenALateAnswerRaisedTheEstimate() {
        RatePacer pacer = new RatePacer(4500, 75, 20, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        pacer.rateLimited(0);
        pacer.observe(4000, true, 0); // the other request, sent before the 429, answers late
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Refresh.class);
        pacer.refreshed(3990, 0);
        assertThat(pacer.acquire(0)).isInstanceOf(RatePacer.Go.class);
        assertThat(pacer.tokens(0)).isEqualTo(3989.0);
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RatePacer(10, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RatePacer(10, 75, 10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
