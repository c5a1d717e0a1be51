package dev.ferry.notifier.service;

import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.notifier.domain.Notification;
import dev.ferry.notifier.domain.SlackMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Decides which events people hear about and in what words; empty means stay quiet. */
@ApplicationScoped
public class MessageComposer {
    private final MigrationMessages migrations;
    private final PlanMessages plans;

    public MessageComposer(MigrationMessages migrations, PlanMessages plans) {
        this.migrations = migrations;
        this.plans = plans;
    }

    public Optional<Notification> compose(CloudEvent event) {
        if (event.data() instanceof MigrationEvent migration) {
            return migrations.of(migration).map(m -> notification(event, migration.migrationId(), m));
        } else if (event.data() instanceof PlanEvent plan) {
            return plans.of(plan).map(m -> notification(event, null, m));
        }
        return Optional.empty();
    }

    private static Notification notification(CloudEvent event, String migrationId, SlackMessage message) {
        return new Notification(event.id(), event.type(), migrationId, message);
    }
}
