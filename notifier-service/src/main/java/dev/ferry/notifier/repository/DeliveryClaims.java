package dev.ferry.notifier.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The notifier's dedupe ledger ({@code delivery_claim}): a delivery is posted only by the
 * transaction that inserted its claim, so an event consumed twice is announced at most once.
 *
 * <p>This table is not part of the deliveries projection. It records an intent to post, written
 * before Slack is called; the projection records outcomes read back from ferry.notifications. A
 * projection rebuild never touches claims, or it would let old events be announced again. A claim
 * with no delivery row means the notifier stopped between claiming and recording the outcome: the
 * message may or may not have reached Slack, and it is not sent again.
 */
@ApplicationScoped
public class DeliveryClaims {

    /** Inserts the claim in its own transaction; true only for the caller that inserted it. */
    public Uni<Boolean> claim(String deliveryId, String sourceEventId, String sourceEventType, String channel) {
        return Panache.withTransaction(() -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "insert into delivery_claim (delivery_id, source_event_id, source_event_type,"
                                                + " channel) values (?1, ?2, ?3, ?4) on conflict do nothing")
                                .setParameter(1, deliveryId)
                                .setParameter(2, sourceEventId)
                                .setParameter(3, sourceEventType)
                                .setParameter(4, channel)
                                .executeUpdate()))
                .map(inserted -> inserted == 1);
    }
}
