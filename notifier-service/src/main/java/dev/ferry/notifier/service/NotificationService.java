package dev.ferry.notifier.service;

import dev.ferry.common.projection.ProjectionJson;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.migration.MigrationEvent;
import dev.ferry.events.migration.MigrationStarted;
import dev.ferry.events.plan.PlanEvent;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.events.plan.PlanStep;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.Delivery;
import dev.ferry.notifier.domain.Notification;
import dev.ferry.notifier.domain.Scope;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.DeliveryLedger;
import dev.ferry.notifier.repository.ScopeStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Decides who hears about a consumed event: remembers what plans and migrations are about, renders
 * the message, and for each subscription that wants it claims the delivery (at most once per event
 * and subscription) and queues it on the channel's lane. Slack is not called here.
 */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final MessageComposer composer;
    private final SubscriptionDirectory subscriptions;
    private final DeliveryLedger ledger;
    private final DeliveryLanes lanes;
    private final ScopeStore scopes;
    private final Clock clock;
    private final Duration maxEventAge;
    private final java.util.concurrent.atomic.AtomicLong alreadyClaimed = new java.util.concurrent.atomic.AtomicLong();

    public NotificationService(
            MessageComposer composer,
            SubscriptionDirectory subscriptions,
            DeliveryLedger ledger,
            DeliveryLanes lanes,
            ScopeStore scopes,
            Clock clock,
            NotifierConfig config) {
        this.composer = composer;
        this.subscriptions = subscriptions;
        this.ledger = ledger;
        this.lanes = lanes;
        this.scopes = scopes;
        this.clock = clock;
        this.maxEventAge = config.delivery().maxEventAge();
    }

    /** Handles one consumed event; returns how many deliveries it claimed now. */
    public int handle(CloudEvent event) {
        remember(event);
        Optional<Notification> notification = composer.compose(event);
        if (notification.isEmpty()) {
            return 0;
        }
        if (Duration.between(event.time(), clock.instant()).compareTo(maxEventAge) > 0) {
            LOG.infof("Not announcing %s %s: it is older than %s", event.type(), event.id(), maxEventAge);
            return 0;
        }
        Notification n = notification.get();
        Supplier<Scope> scope = memo(() -> scopeOf(event));
        int claimed = 0;
        for (Subscription s : subscriptions.active()) {
            if (!s.kinds().contains(n.kind()) || !s.wants(n.kind(), needsScope(s) ? scope.get() : bare(event))) {
                continue;
            }
            Notification sent = s.quiet(n.kind()) ? n.compact() : n;
            Delivery d = new Delivery(
                    s.deliveryId(event.id()),
                    s.id(),
                    s.lane(),
                    n.sourceEventId(),
                    n.sourceEventType(),
                    n.kind(),
                    n.migrationId(),
                    sent.message().text(),
                    ProjectionJson.write(sent.message()));
            if (ledger.claim(d, s.channel())) {
                lanes.submit(d);
                claimed++;
            } else {
                alreadyClaimed.incrementAndGet();
                LOG.debugf("Delivery %s of %s was claimed before; not posting again", d.deliveryId(), event.id());
            }
        }
        return claimed;
    }

    /** How many deliveries were found claimed already (a redelivered event) since start. */
    public long alreadyClaimed() {
        return alreadyClaimed.get();
    }

    private void remember(CloudEvent event) {
        if (event.data() instanceof PlanProposed p) {
            List<String> apps = p.steps() == null
                    ? List.of()
                    : p.steps().stream()
                            .map(PlanStep::app)
                            .filter(Objects::nonNull)
                            .distinct()
                            .toList();
            scopes.recordPlan(p.planId(), p.environment(), apps);
        } else if (event.data() instanceof MigrationStarted m) {
            scopes.recordMigration(m.migrationId(), m.planId(), m.environment());
        }
    }

    private static boolean needsScope(Subscription s) {
        return !s.environments().isEmpty() || !s.apps().isEmpty();
    }

    private static Scope bare(CloudEvent event) {
        if (event.data() instanceof MigrationEvent m) {
            return new Scope(m.migrationId(), null, null, java.util.Set.of());
        } else if (event.data() instanceof PlanEvent p) {
            return new Scope(null, p.planId(), null, java.util.Set.of());
        }
        return Scope.none();
    }

    private Scope scopeOf(CloudEvent event) {
        if (event.data() instanceof MigrationEvent m) {
            return scopes.ofMigration(m.migrationId());
        } else if (event.data() instanceof PlanEvent p) {
            return scopes.ofPlan(p.planId());
        }
        return Scope.none();
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        Object[] holder = new Object[1];
        return () -> {
            if (holder[0] == null) {
                holder[0] = supplier.get();
            }
            @SuppressWarnings("unchecked")
            T value = (T) holder[0];
            return value;
        };
    }
}
