package dev.ferry.notifier.service;

import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.Delivery;
import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.DeliveryLedger;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * One lane per Slack channel: a single thread that posts that channel's claimed messages in claim
 * order, at the channel's pace. Channels do not wait for each other; a 429 holds only its channel.
 */
@ApplicationScoped
public class DeliveryLanes {
    private static final Logger LOG = Logger.getLogger(DeliveryLanes.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final DeliveryLedger ledger;
    private final SubscriptionDirectory subscriptions;
    private final SlackPoster poster;
    private final OutcomeRecorder recorder;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public DeliveryLanes(
            DeliveryLedger ledger,
            SubscriptionDirectory subscriptions,
            SlackPoster poster,
            OutcomeRecorder recorder,
            Clock clock,
            NotifierConfig config) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.poster = poster;
        this.recorder = recorder;
        this.clock = clock;
        this.interval = config.delivery().perChannelInterval();
    }

    /** A channel's thread and pacer. */
    private final class Lane {
        final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "slack-lane-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        final Pacer pacer = new Pacer(interval, clock, d -> Thread.sleep(d.toMillis()));
    }

    /** Queues a claimed delivery on its channel's lane. */
    public void submit(Delivery d) {
        lanes.computeIfAbsent(d.lane(), k -> new Lane()).thread.execute(() -> run(d));
    }

    private void run(Delivery d) {
        Lane lane = lanes.get(d.lane());
        if (stopping) {
            return; // stays queued in the ledger and is sent after the restart
        }
        try {
            Optional<Subscription> subscription = subscriptions.find(d.subscriptionId());
            if (subscription.isEmpty()) {
                if (ledger.take(d.deliveryId())) {
                    ledger.finish(d.deliveryId(), DeliveryLedger.PARKED);
                    recorder.record(
                            d,
                            "(deleted)",
                            d.subscriptionId(),
                            DeliveryOutcome.failed(0, "The subscription was deleted"));
                }
                return;
            }
            lane.pacer.awaitTurn();
            if (stopping || !ledger.take(d.deliveryId())) {
                return;
            }
            Subscription s = subscription.get();
            DeliveryOutcome outcome = poster.post(d, s, lane.pacer);
            lane.pacer.posted();
            ledger.finish(d.deliveryId(), outcome.delivered() ? DeliveryLedger.DELIVERED : DeliveryLedger.PARKED);
            recorder.record(d, s.channel(), s.id(), outcome);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Delivery %s could not be handled", d.deliveryId());
        }
    }

    @PreDestroy
    void stop() {
        stopping = true;
        lanes.values().forEach(l -> l.thread.shutdown());
        for (Lane lane : lanes.values()) {
            try {
                if (!lane.thread.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
