package dev.ferry.planner.service;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.plan.PlanProposed;
import dev.ferry.planner.config.PlannerConfig;
import dev.ferry.planner.domain.CopyMeasurement;
import dev.ferry.planner.domain.PlanRules;
import dev.ferry.planner.repository.CopyMeasurementRepository;
import dev.ferry.planner.repository.DiscoveryScopeEntity;
import dev.ferry.planner.repository.DiscoveryScopeRepository;
import dev.ferry.planner.repository.PlanEntity;
import dev.ferry.planner.repository.PlanRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * Decides which version of which plan a discovered estate gets: the plan is per Heroku account and
 * discovery scope, a new estate supersedes the latest version, and an unchanged estate (same plan
 * hash) or a discovery already planned proposes nothing. The estate's measured copies are read with
 * it and are part of the plan's input: a copy measured since the latest version changes the next
 * discovery's plan, never the current one.
 */
@ApplicationScoped
public class PlanProposer {
    private static final Logger LOG = Logger.getLogger(PlanProposer.class);

    private final PlanRepository plans;
    private final DiscoveryScopeRepository scopes;
    private final CopyMeasurementRepository measurements;
    private final PlannerConfig config;

    public PlanProposer(
            PlanRepository plans,
            DiscoveryScopeRepository scopes,
            CopyMeasurementRepository measurements,
            PlannerConfig config) {
        this.plans = plans;
        this.scopes = scopes;
        this.measurements = measurements;
        this.config = config;
    }

    /** Remembers the scope of a discovery; idempotent. */
    @WithTransaction
    public Uni<Void> remember(DiscoveryStarted started) {
        return scopes.findById(started.discoveryId()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            DiscoveryScopeEntity scope = new DiscoveryScopeEntity();
            scope.discoveryId = started.discoveryId();
            scope.scopeKey = PlanRules.scopeKey(started.scope(), started.apps(), started.team());
            return scopes.persist(scope).replaceWithVoid();
        });
    }

    /** The proposal for an estate, or nothing when it would repeat the latest version. */
    @WithSession
    public Uni<Optional<PlanProposed>> propose(EstateDiscovered estate) {
        return scopes.findById(estate.discoveryId()).flatMap(scope -> {
            String scopeKey = scope == null ? PlanRules.ACCOUNT_SCOPE : scope.scopeKey;
            String planId = PlanRules.planId(estate.account().id(), scopeKey);
            return measurements
                    .ofEstate(planId, addons(estate))
                    .flatMap(
                            measured -> plans.findById(planId).map(latest -> next(estate, scopeKey, measured, latest)));
        });
    }

    private Optional<PlanProposed> next(
            EstateDiscovered estate, String scopeKey, List<CopyMeasurement> measured, PlanEntity latest) {
        String planId = PlanRules.planId(estate.account().id(), scopeKey);
        if (latest == null) {
            return Optional.of(PlanRules.propose(estate, scopeKey, config.settings(), measured, 1, null));
        }
        if (latest.discoveryId.equals(estate.discoveryId())) {
            LOG.infof("Discovery %s is already planned as %s v%d", estate.discoveryId(), planId, latest.version);
            return Optional.<PlanProposed>empty();
        }
        PlanProposed next =
                PlanRules.propose(estate, scopeKey, config.settings(), measured, latest.version + 1, latest.version);
        if (next.planHash().equals(latest.planHash)) {
            LOG.infof(
                    "Discovery %s leaves plan %s unchanged at v%d (hash %s)",
                    estate.discoveryId(), planId, latest.version, latest.planHash);
            return Optional.<PlanProposed>empty();
        }
        return Optional.of(next);
    }

    /** The names of the estate's add-ons, whose measured copies count wherever they were measured. */
    private static TreeSet<String> addons(EstateDiscovered estate) {
        TreeSet<String> names = new TreeSet<>();
        estate.apps().forEach(app -> app.addons().stream().map(AddOn::name).forEach(names::add));
        return names;
    }
}
