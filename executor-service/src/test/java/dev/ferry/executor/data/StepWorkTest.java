package dev.ferry.executor.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.plan.PlanStep;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.data.postgres.DataCopyException;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A data step's blocking work keeps running after its attempt timed out (JDBC calls cannot be
 * interrupted); the next attempt of the same step must not start its copy until that work ended.
 */
class StepWorkTest {
    private static final SecretBox BOX = SecretBox.of("k1", Base64.getEncoder().encodeToString(new byte[32]));
    private static final Duration TIMEOUT = Duration.ofMillis(200);

    private final DataSteps data = new DataSteps(
            BOX,
            new MapTargetDatabases(),
            new DataSteps.Settings(Optional.empty(), 1, 1L << 20, "64MB", Duration.ofSeconds(1), 100));
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> order = new CopyOnWriteArrayList<>();

    @AfterEach
    void releaseWhatIsLeft() {
        release.countDown();
    }

    private static StepContext context(String migrationId, String stepId) {
        PlanStep step = new PlanStep(stepId, "copy-postgres", "t", "r", List.of(), Map.of(), Map.of());
        return new StepContext(migrationId, "acme-production", step, Map.of());
    }

    /** One attempt as StepAttempts runs it: bounded by the step's timeout. */
    private static <T> Uni<T> attempt(Uni<T> work) {
        return work.ifNoItem().after(TIMEOUT).failWith(() -> new StepException("Attempt timed out after 0 s", true));
    }

    /** Work that runs until the test releases it, like a copy that outlives its attempt. */
    private Supplier<String> held(String name) {
        return () -> {
            order.add(name + " started");
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add(name + " ended");
            return name;
        };
    }

    private Supplier<String> quick(String name) {
        return () -> {
            order.add(name + " started");
            return name;
        };
    }

    @Test
    void aRetryStartsOnlyOnceTheTimedOutAttemptsWorkHasReallyEnded() throws Exception {
        StepContext step = context("mig-1", "data:copy");
        assertThatThrownBy(() ->
                        attempt(data.blocking(step, held("first"))).await().indefinitely())
                .isInstanceOf(StepException.class)
                .hasMessageContaining("timed out");
        assertThat(order).as("the timed-out work still runs").containsExactly("first started");

        CompletableFuture<String> retry = data.blocking(step, quick("retry")).subscribeAsCompletionStage();

        assertThatThrownBy(() -> retry.get(500, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);
        assertThat(order).containsExactly("first started");
        release.countDown();
        assertThat(retry.get(10, TimeUnit.SECONDS)).isEqualTo("retry");
        assertThat(order).containsExactly("first started", "first ended", "retry started");
    }

    @Test
    void anAttemptThatTimedOutWhileWaitingNeverStartsItsWork() throws Exception {
        StepContext step = context("mig-1", "data:copy");
        CompletableFuture<String> first =
                attempt(data.blocking(step, held("first"))).subscribeAsCompletionStage();
        AtomicBoolean secondRan = new AtomicBoolean();
        Supplier<String> second = () -> {
            secondRan.set(true);
            return "second";
        };
        assertThatThrownBy(() -> attempt(data.blocking(step, second)).await().indefinitely())
                .isInstanceOf(StepException.class);
        assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(StepException.class);

        CompletableFuture<String> third = data.blocking(step, quick("third")).subscribeAsCompletionStage();
        assertThatThrownBy(() -> third.get(500, TimeUnit.MILLISECONDS))
                .as("the third waits for the first, though the second gave up")
                .isInstanceOf(TimeoutException.class);
        release.countDown();

        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo("third");
        assertThat(secondRan)
                .as("nobody waited for the second attempt's work any more")
                .isFalse();
        assertThat(order).containsExactly("first started", "first ended", "third started");
    }

    @Test
    void otherStepsAndOtherMigrationsDoNotWait() throws Exception {
        CompletableFuture<String> busy =
                data.blocking(context("mig-1", "data:copy"), held("busy")).subscribeAsCompletionStage();

        assertThat(data.blocking(context("mig-1", "data:verify"), quick("other step"))
                        .await()
                        .atMost(Duration.ofSeconds(5)))
                .isEqualTo("other step");
        assertThat(data.blocking(context("mig-2", "data:copy"), quick("other migration"))
                        .await()
                        .atMost(Duration.ofSeconds(5)))
                .isEqualTo("other migration");
        assertThat(busy).isNotDone();
        release.countDown();
        assertThat(busy.get(10, TimeUnit.SECONDS)).isEqualTo("busy");
    }

    @Test
    void aFailedAttemptIsAStepFailureWithItsRetryabilityAndLeavesTheStepFree() {
        StepContext step = context("mig-1", "data:copy");
        Supplier<String> lost = () -> {
            throw new DataCopyException("Lost the connection to the source database", true);
        };

        assertThatThrownBy(() -> data.blocking(step, lost).await().atMost(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(
                        StepException.class, e -> assertThat(e.retryable()).isTrue())
                .hasMessage("Lost the connection to the source database");
        assertThat(data.blocking(step, quick("next")).await().atMost(Duration.ofSeconds(5)))
                .isEqualTo("next");
    }
}
