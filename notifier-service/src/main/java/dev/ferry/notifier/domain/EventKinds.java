package dev.ferry.notifier.domain;

import dev.ferry.events.FerryEvent;
import dev.ferry.events.migration.GateApproved;
import dev.ferry.events.migration.GateOpened;
import dev.ferry.events.migration.MigrationCancelled;
import dev.ferry.events.migration.MigrationCompleted;
import dev.ferry.events.migration.MigrationFailed;
import dev.ferry.events.migration.MigrationPaused;
import dev.ferry.events.migration.MigrationResumed;
import dev.ferry.events.migration.MigrationRolledBack;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.migration.OperationRecorded;
import dev.ferry.events.migration.RollbackStarted;
import dev.ferry.events.migration.StepCompensated;
import dev.ferry.events.migration.StepFailed;
import dev.ferry.events.migration.StepProgress;
import dev.ferry.events.migration.StepStarted;
import dev.ferry.events.migration.StepSucceeded;
import dev.ferry.events.plan.PlanApproved;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanRejected;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The event kinds a subscription can ask for, by the short names people write (e.g. {@code
 * step-failed}), and the default set: everything people act on or care about, not the noise.
 */
public final class EventKinds {
    private static final Map<Class<? extends FerryEvent>, String> BY_CLASS = new LinkedHashMap<>();

    static {
        BY_CLASS.put(PlanProposed.class, "plan-proposed");
        BY_CLASS.put(PlanApproved.class, "plan-approved");
        BY_CLASS.put(PlanRejected.class, "plan-rejected");
        BY_CLASS.put(MigrationStarted.class, "migration-started");
        BY_CLASS.put(StepStarted.class, "step-started");
        BY_CLASS.put(StepProgress.class, "step-progress");
        BY_CLASS.put(OperationRecorded.class, "operation-recorded");
        BY_CLASS.put(StepSucceeded.class, "step-succeeded");
        BY_CLASS.put(StepFailed.class, "step-failed");
        BY_CLASS.put(GateOpened.class, "gate-opened");
        BY_CLASS.put(GateApproved.class, "gate-approved");
        BY_CLASS.put(MigrationPaused.class, "migration-paused");
        BY_CLASS.put(MigrationResumed.class, "migration-resumed");
        BY_CLASS.put(MigrationCancelled.class, "migration-cancelled");
        BY_CLASS.put(RollbackStarted.class, "rollback-started");
        BY_CLASS.put(StepCompensated.class, "step-compensated");
        BY_CLASS.put(MigrationRolledBack.class, "migration-rolled-back");
        BY_CLASS.put(MigrationCompleted.class, "migration-completed");
        BY_CLASS.put(MigrationFailed.class, "migration-failed");
    }

    /** Every kind a subscription may name. */
    public static final List<String> ALL = List.copyOf(BY_CLASS.values());

    /** Noisy or already-known-to-the-actor kinds, sent only to subscriptions that ask for them. */
    public static final Set<String> OPT_IN =
            Set.of("step-started", "step-progress", "operation-recorded", "plan-approved", "plan-rejected");

    /** What a subscription without a list of kinds gets. */
    public static final Set<String> DEFAULT =
            Set.copyOf(ALL.stream().filter(k -> !OPT_IN.contains(k)).toList());

    private EventKinds() {}

    /** The kind of an event, empty for events people never hear about (e.g. commands). */
    public static Optional<String> of(FerryEvent event) {
        return Optional.ofNullable(BY_CLASS.get(event.getClass()));
    }

    public static boolean known(String kind) {
        return BY_CLASS.containsValue(kind);
    }
}
