package dev.ferry.executor.data;

import dev.ferry.common.observability.LogContext;
import dev.ferry.events.secret.SealedSecret;
import dev.ferry.events.secret.SecretBox;
import dev.ferry.executor.data.postgres.CopyOptions;
import dev.ferry.executor.data.postgres.CopyOwner;
import dev.ferry.executor.data.postgres.DataCopyException;
import dev.ferry.executor.data.postgres.PgTools;
import dev.ferry.executor.step.StepContext;
import dev.ferry.executor.step.StepException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the data steps share: opening the sealed source URL, resolving the target URL by handle,
 * running the blocking copy off the event loop, and turning engine failures into step failures.
 */
@ApplicationScoped
public class DataSteps {

    /** The engine settings, from {@link DataCopyConfig} or given directly in tests. */
    public record Settings(
            Optional<Path> postgresBin,
            int jobs,
            long splitTableBytes,
            String maintenanceWorkMem,
            Duration progressEvery,
            int redisBatch) {

        public CopyOptions options(int jobs) {
            return new CopyOptions(jobs, splitTableBytes, maintenanceWorkMem, progressEvery);
        }
    }

    private final SecretBox secrets;
    private final TargetDatabases targets;
    private final Settings settings;
    private final PgTools tools;
    private final CopyMetrics metrics;
    private final StepWork steps;

    @Inject
    public DataSteps(
            SecretBox secrets, Instance<TargetDatabases> targets, DataCopyConfig config, MeterRegistry registry) {
        this(
                secrets,
                targets.isResolvable() ? targets.get() : null,
                new Settings(
                        config.postgresBin().map(Path::of),
                        config.jobs(),
                        config.splitTableMb() << 20,
                        config.maintenanceWorkMem(),
                        config.progressEvery(),
                        config.redisBatch()),
                registry);
    }

    public DataSteps(SecretBox secrets, TargetDatabases targets, Settings settings) {
        this(secrets, targets, settings, new SimpleMeterRegistry());
    }

    public DataSteps(SecretBox secrets, TargetDatabases targets, Settings settings, MeterRegistry registry) {
        this.secrets = secrets;
        this.targets = targets;
        this.settings = settings;
        this.tools = new PgTools(settings.postgresBin());
        this.metrics = new CopyMetrics(registry);
        this.steps = new StepWork(Infrastructure.getDefaultWorkerPool());
    }

    public CopyMetrics metrics() {
        return metrics;
    }

    public Settings settings() {
        return settings;
    }

    public PgTools tools() {
        return tools;
    }

    /** Opens a sealed secret input of the step; its value never leaves this process in plaintext. */
    public String secret(StepContext context, String name) {
        SealedSecret sealed = context.step().secrets() == null
                ? null
                : context.step().secrets().get(name);
        if (sealed == null) {
            throw new StepException("Step " + context.step().id() + " lacks the secret '" + name + "'", false);
        }
        return secrets.open(sealed);
    }

    /**
     * The target database's URL, looked up when the step runs: by the id the step that provisioned it
     * recorded, else by its handle within the step's {@code environment} when it names one.
     */
    public Uni<String> targetUrl(StepContext context, String handle) {
        if (targets == null) {
            return Uni.createFrom()
                    .failure(new StepException(
                            "No TargetDatabases implementation is available to find database " + handle, false));
        }
        return targets.connectionUrl(target(context, handle))
                .onFailure(f -> !(f instanceof StepException))
                .transform(f -> new StepException(
                        "Cannot find the connection URL of database " + handle + ": " + f.getMessage(), true));
    }

    /** The database a step means; the provisioning step's recorded id only when exactly one step recorded it. */
    static TargetDatabases.Target target(StepContext context, String handle) {
        String environment = context.step().parameters().get("environment");
        List<String> ids = context.outputs().values().stream()
                .filter(out -> handle.equals(out.get("databaseHandle")) && out.get("databaseId") != null)
                .map(out -> out.get("databaseId"))
                .distinct()
                .toList();
        Long id = ids.size() == 1 ? Long.valueOf(ids.get(0)) : null;
        return new TargetDatabases.Target(
                handle, environment == null || environment.isBlank() ? null : environment, id);
    }

    /** Which migration step a copy belongs to, so that only its own earlier copy is ever dropped or overwritten. */
    public static CopyOwner owner(StepContext context) {
        return new CopyOwner(context.migrationId(), context.step().id());
    }

    /**
     * Runs an attempt's blocking engine work on a worker thread, after any earlier attempt's work of
     * the same step has ended (see {@link StepWork}); engine failures become step failures with the
     * same retryability.
     */
    public <T> Uni<T> blocking(StepContext context, Supplier<T> work) {
        return failures(steps.run(context.migrationId() + "/" + context.step().id(), withMdc(work)));
    }

    /** Runs blocking work that changes nothing (a dry run's checks) on a worker thread, alongside anything. */
    public <T> Uni<T> blocking(Supplier<T> work) {
        return failures(Uni.createFrom().item(withMdc(work)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    /** The worker thread logs with the caller's MDC (migration and step ids), then drops it. */
    private static <T> Supplier<T> withMdc(Supplier<T> work) {
        Map<String, Object> mdc = LogContext.capture();
        return () -> {
            try (LogContext.Scope ignored = LogContext.restore(mdc)) {
                return work.get();
            }
        };
    }

    private static <T> Uni<T> failures(Uni<T> work) {
        return work.onFailure(DataCopyException.class)
                .transform(f -> new StepException(f.getMessage(), ((DataCopyException) f).retryable()))
                .onFailure(IllegalArgumentException.class)
                .transform(f -> new StepException(f.getMessage(), false));
    }

    /** A positive integer parameter, or the default when absent. */
    public static int intParameter(StepContext context, String name, int fallback) {
        String value = context.step().parameters().get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > 64) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new StepException(
                    "Step " + context.step().id() + ": " + name + " must be a number from 1 to 64, was '" + value + "'",
                    false);
        }
    }
}
