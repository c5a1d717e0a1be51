package dev.ferry.inventory.service;

import dev.ferry.common.messaging.EventLog;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.EventIds;
import dev.ferry.events.inventory.DiscoveryFailed;
import dev.ferry.events.inventory.DiscoveryStarted;
import dev.ferry.events.inventory.EstateDiscovered;
import dev.ferry.events.inventory.HerokuAccount;
import dev.ferry.inventory.client.HerokuApiException;
import dev.ferry.inventory.client.HerokuClient;
import dev.ferry.inventory.client.HerokuDtos;
import dev.ferry.inventory.domain.DiscoveryRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    public DiscoveryService(HerokuClient heroku, EstateReader reader, EventLog eventLog, Clock clock) {
        this.heroku = heroku;
        this.reader = reader;
        this.eventLog = eventLog;
        this.clock = clock;
    }

    /** The outcome a caller is told about. */
    public record Outcome(String discoveryId, String status, int apps, String reason) {}

    public Uni<Outcome> discover(DiscoveryRequest request) {
        List<String> problems = request.problems();
        if (!problems.isEmpty()) {
            return Uni.createFrom().failure(ProblemException.badRequest(String.join("; ", problems)));
        }
        String discoveryId = EventIds.random();
        Instant startedAt = clock.instant();
        DiscoveryStarted started = new DiscoveryStarted(
                discoveryId, request.effectiveScope(), request.appNames(), request.requester(), startedAt);
        return heroku.account()
                .flatMap(account -> resolve(request)
                        .flatMap(apps -> Multi.createFrom()
                                .iterable(apps)
                                .onItem()
                                .transformToUniAndConcatenate(reader::read)
                                .collect()
                                .asList())
                        .map(apps -> new EstateDiscovered(
                                discoveryId,
                                new HerokuAccount(account.id(), account.email()),
                                apps,
                                clock.instant(),
                                request.requester())))
                .onFailure(e -> !(e instanceof ProblemException))
                .recoverWithUni(failure -> failed(started, failure))
                .flatMap(discovered ->
                        eventLog.appendAll(List.of(started, discovered)).replaceWith(discovered))
                .map(discovered ->
                        new Outcome(discoveryId, "completed", discovered.apps().size(), null));
    }

    private Uni<List<HerokuDtos.App>> resolve(DiscoveryRequest request) {
        if (request.effectiveScope().equals(DiscoveryRequest.ACCOUNT)) {
            return heroku.apps();
        }
        return Multi.createFrom()
                .iterable(request.appNames())
                .onItem()
                .transformToUniAndConcatenate(name -> heroku.app(name)
                        .onFailure(e -> e instanceof HerokuApiException h && h.status() == 404)
                        .transform(e -> ProblemException.notFound(
                                "Heroku has no app named '" + name + "' that this token can see")))
                .collect()
                .asList();
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
