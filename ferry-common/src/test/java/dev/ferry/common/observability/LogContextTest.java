package dev.ferry.common.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void setsKeysAroundWorkAndRestoresWhatWasThere() {
        MDC.put(LogContext.MIGRATION_ID, "outer");
        try (LogContext.Scope ignored = LogContext.with(
                LogContext.MIGRATION_ID, "m-1", LogContext.STEP_ID, "s-1", LogContext.STEP_TYPE, null)) {
            assertThat(MDC.get(LogContext.MIGRATION_ID)).isEqualTo("m-1");
            assertThat(MDC.get(LogContext.STEP_ID)).isEqualTo("s-1");
            assertThat(MDC.get(LogContext.STEP_TYPE)).isNull();
        }
        assertThat(MDC.get(LogContext.MIGRATION_ID)).isEqualTo("outer");
        assertThat(MDC.get(LogContext.STEP_ID)).isNull();
    }

    @Test
    void aroundCoversTheReactiveWorkAndClearsAfterItEndsEvenOnFailure() {
        AtomicReference<Object> seen = new AtomicReference<>();
        Uni<String> failing = LogContext.around(
                () -> {
                    seen.set(MDC.get(LogContext.PLAN_ID));
                    return Uni.createFrom().failure(new IllegalStateException("boom"));
                },
                LogContext.PLAN_ID,
                "p-9");
        assertThat(MDC.get(LogContext.PLAN_ID)).isNull(); // nothing happens before subscription
        failing.onFailure().recoverWithItem("recovered").await().indefinitely();
        assertThat(seen.get()).isEqualTo("p-9");
        assertThat(MDC.get(LogContext.PLAN_ID)).isNull();
    }

    @Test
    void capturedKeysTravelToAWorkerThreadAndLeaveItClean() throws Exception {
        MDC.put(LogContext.DISCOVERY_ID, "d-3");
        var captured = LogContext.capture();
        MDC.clear(); // the worker must not inherit it
        AtomicReference<Object> during = new AtomicReference<>();
        AtomicReference<Object> after = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try (LogContext.Scope ignored = LogContext.restore(captured)) {
                during.set(MDC.get(LogContext.DISCOVERY_ID));
            }
            after.set(MDC.get(LogContext.DISCOVERY_ID));
        });
        worker.start();
        worker.join();
        assertThat(during.get()).isEqualTo("d-3");
        assertThat(after.get()).isNull();
    }
}
