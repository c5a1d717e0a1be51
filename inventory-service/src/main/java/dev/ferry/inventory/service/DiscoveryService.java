package dev.ferry.inventory.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.inventory.client.CallStats;
import dev.ferry.inventory.client.HerokuApiException;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import dev.ferry.inventory.config.InventoryConfig;
import dev.ferry.inventory.domain.DiscoveryRequest;
import dev.ferry.inventory.probe.ProbeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs a discovery: checks the request and that every named app exists, reads the estate, then
 * appends what happened. A request Heroku says is wrong appends nothing.
 */
@ApplicationScoped
public class DiscoveryService {
    private static final Logger LOG = Logger.getLogger(DiscoveryService.class);

    private final HerokuClient heroku;
    private final EstateReader reader;
    private final EventLog eventLog;
    private final Clock clock;
    private final int parallelism;
    private final ProbeService probes;

    public DiscoveryService(
            HerokuClient heroku,
            EstateReader reader,
            EventLog eventLog,
            Clock clock,
            InventoryConfig config,
            ProbeService probes) {
        this.probes = probes;
        this.heroku = heroku;
        this.reader = reader;
        this.eventLog = eventLog;
        this.clock = clock;
        this.parallelism = Math.max(1, config.heroku().parallelism());
    }

    /** The outcome a caller is told about. */
    public record Outcome(String discoveryId, String status, int apps, String reason) {}

    /** What a scan of Heroku read, before anything is appended. */
    public record Scan(HerokuDtos.Account account, List<AppInventory> apps) {}

    public Uni<Outcome> discover(DiscoveryRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest(String.join("; ", problems)));
        }
        String discoveryId = EventIds.random();
        Instant startedAt = clock.instant();
        DiscoveryStarted started = new DiscoveryStarted(
                discoveryId, request.effectiveScope(), request.appNames(), request.requester(), startedAt);
        CallStats stats = new CallStats();
        return scan(request, stats)
                .flatMap(scan -> probes.probe(scan.apps()).map(apps -> new Scan(scan.account(), apps)))
                .map(scan -> new EstateDiscovered(
                        discoveryId,
                        new HerokuAccount(scan.account().id(), scan.account().email()),
                        scan.apps(),
                        clock.instant(),
                        request.requester()))
                .onTermination()
                .invoke(() -> LOG.infof("Discovery %s Heroku calls: %s", discoveryId, stats))
                .onFailure(e -> !(e instanceof ProblemException))
                .recoverWithUni(failure -> failed(started, failure))
                .flatMap(discovered ->
                        eventLog.appendAll(List.of(started, discovered)).replaceWith(discovered))
                .map(discovered ->
                        new Outcome(discoveryId, "completed", discovered.apps().size(), null));
    }

    /**
     * Reads the account and the requested apps from Heroku, {@code parallelism} apps at a time, in
     * the order Heroku listed (or the caller named) them; appends nothing. Heroku's cost is added to
     * {@code stats}.
     */
    public Uni<Scan> scan(DiscoveryRequest request, CallStats stats) {
        return heroku.account(stats)
                .flatMap(account -> resolve(request, stats)
                        .flatMap(apps -> inParallel(apps, app -> reader.read(app, stats)))
                        .map(apps -> new Scan(account, apps)));
    }

    private Uni<List<HerokuDtos.App>> resolve(DiscoveryRequest request, CallStats stats) {
        if (request.effectiveScope().equals(DiscoveryRequest.ACCOUNT)) {
            return heroku.apps(stats);
        }
        return inParallel(
                request.appNames(),
                name -> heroku.app(name, stats)
                        .onFailure(e -> e instanceof HerokuApiException h && h.status() == 404)
                        .transform(e -> ProblemException.notFound(
                                "Heroku has no app named '" + name + "' that this token can see")));
    }

    /** Applies {@code read} to every item, at most {@code parallelism} at once, keeping the order. */
    private <A, B> Uni<List<B>> inParallel(List<A> items, Function<A, Uni<B>> read) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Uni<B>> unis = items.stream().map(read).toList();
        return Uni.join().all(unis).usingConcurrencyOf(parallelism).andFailFast();
    }

    /** Records why a discovery failed, then tells the caller; Heroku's own words are kept. */
    private Uni<EstateDiscovered> failed(DiscoveryStarted started, Throwable failure) {
        String reason = reason(failure);
        LOG.warnf("Discovery %s failed: %s", started.discoveryId(), reason);
        return eventLog.appendAll(List.of(started, new DiscoveryFailed(started.discoveryId(), reason, clock.instant())))
                .flatMap(appended -> Uni.createFrom()
                        .failure(new ProblemException(
                                502, "Bad Gateway", "Discovery " + started.discoveryId() + " failed: " + reason)));
    }

    private static String reason(Throwable failure) {
        if (failure instanceof HerokuApiException heroku) {
            return switch (heroku.status()) {
                case 401 -> "Heroku refused the configured token: " + heroku.getMessage();
                case 403 -> "The Heroku token lacks access: " + heroku.getMessage();
                case 429 -> "Heroku's rate limit was reached: " + heroku.getMessage();
                default -> heroku.getMessage();
            };
        }
        return "Heroku could not be reached: "
                + failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : " " + failure.getMessage());
    }
}
