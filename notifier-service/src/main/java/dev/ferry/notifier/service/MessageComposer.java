package dev.ferry.notifier.service;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.notifier.domain.EventKinds;
import dev.ferry.notifier.domain.Notification;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Turns an event into the message people read; empty for events no one is ever told about. */
@ApplicationScoped
public class MessageComposer {
    private final MigrationMessages migrations;
    private final PlanMessages plans;

    public MessageComposer(MigrationMessages migrations, PlanMessages plans) {
        this.migrations = migrations;
        this.plans = plans;
    }

    public Optional<Notification> compose(CloudEvent event) {
        Optional<String> kind = EventKinds.of(event.data());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (event.data() instanceof MigrationEvent migration) {
            return migrations.of(migration).map(m -> notification(event, kind.get(), migration.migrationId(), null, m));
        } else if (event.data() instanceof PlanEvent plan) {
            return plans.of(plan).map(m -> notification(event, kind.get(), null, plan.planId(), m));
        }
        return Optional.empty();
    }

    private static Notification notification(
            CloudEvent event, String kind, String migrationId, String planId, SlackMessage message) {
        return new Notification(event.id(), event.type(), kind, migrationId, planId, message);
    }
}
