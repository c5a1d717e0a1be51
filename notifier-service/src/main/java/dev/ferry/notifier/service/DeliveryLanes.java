package dev.ferry.notifier.service;

import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.notifier.config.NotifierConfig;
import dev.ferry.notifier.domain.Delivery;
import dev.ferry.notifier.domain.DeliveryOutcome;
import dev.ferry.notifier.domain.Subscription;
import dev.ferry.notifier.repository.DeliveryLedger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final DeliveryMetrics metrics;
    private final EventTracing tracing;
    private final Clock clock;
    private final Duration interval;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private final java.util.concurrent.ExecutorService finishing =
            java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "slack-lane-finish-" + THREADS.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
    private volatile boolean stopping;

    public DeliveryLanes(
            DeliveryLedger ledger,
            SubscriptionDirectory subscriptions,
            SlackPoster poster,
            OutcomeRecorder recorder,
            DeliveryMetrics metrics,
            EventTracing tracing,
            Clock clock,
            NotifierConfig config) {
        this.ledger = ledger;
        this.subscriptions = subscriptions;
        this.poster = poster;
        this.recorder = recorder;
        this.metrics = metrics;
        this.tracing = tracing;
        this.clock = clock;
        this.interval = config.delivery().perChannelInterval();
    }

    /** A channel's thread, pacer and counters. */
    private final class Lane {
        final java.util.concurrent.ThreadPoolExecutor thread = new java.util.concurrent.ThreadPoolExecutor(
                1, 1, 0, TimeUnit.MILLISECONDS, new java.util.concurrent.LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "slack-lane-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        final Pacer pacer = new Pacer(interval, clock, d -> Thread.sleep(d.toMillis()));
        long posted;
        long takeNanos;
        long postNanos;
        long finishNanos;
    }

    /**
     * What a lane is doing: its key (a fingerprint, never a URL or token), messages waiting, posted,
     * and the average milliseconds spent claiming, posting (retries and Retry-After included) and
     * recording each one.
     */
    public record LaneView(
            String lane, int waiting, long posted, long pacerWaits, double takeMs, double postMs, double finishMs) {}

    public java.util.List<LaneView> views() {
        return lanes.entrySet().stream()
                .map(e -> {
                    Lane l = e.getValue();
                    synchronized (l) {
                        double n = Math.max(1, l.posted);
                        return new LaneView(
                                e.getKey(),
                                l.thread.getQueue().size(),
                                l.posted,
                                l.pacer.waits(),
                                l.takeNanos / n / 1e6,
                                l.postNanos / n / 1e6,
                                l.finishNanos / n / 1e6);
                    }
                })
                .toList();
    }

    /**
     * Queues a claimed delivery on its channel's lane, with the caller's trace and log context: the
     * post and the outcome it appends stay in the trace of the event that caused them.
     */
    public void submit(Delivery d) {
        lanes.computeIfAbsent(d.lane(), k -> new Lane()).thread.execute(inContext(d, () -> run(d)));
    }

    /** Work that runs elsewhere with this thread's trace context and MDC, plus the migration id. */
    private static Runnable inContext(Delivery d, Runnable work) {
        Context trace = Context.current();
        SpanContext span = Span.fromContext(trace).getSpanContext();
        String traceId = span.isValid() ? span.getTraceId() : null;
        String spanId = span.isValid() ? span.getSpanId() : null;
        Map<String, Object> mdc = LogContext.capture();
        return () -> {
            try (Scope ignored = trace.makeCurrent();
                    LogContext.Scope restored = LogContext.restore(mdc);
                    LogContext.Scope ids = LogContext.with(
                            LogContext.MIGRATION_ID, d.migrationId(), "traceId", traceId, "spanId", spanId)) {
                work.run();
            }
        };
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
                    metrics.delivery(DeliveryMetrics.FAILED, "none", null);
                    recorder.record(
                            d,
                            "(deleted)",
                            d.subscriptionId(),
                            DeliveryOutcome.failed(0, "The subscription was deleted"));
                }
                return;
            }
            lane.pacer.awaitTurn();
            long t0 = System.nanoTime();
            if (stopping || !ledger.take(d.deliveryId())) {
                return;
            }
            Subscription s = subscription.get();
            long t1 = System.nanoTime();
            Span span = tracing.start("slack post");
            DeliveryOutcome outcome;
            try (Scope ignored = span.makeCurrent()) {
                outcome = poster.post(d, s, lane.pacer);
            } catch (InterruptedException | RuntimeException e) {
                EventTracing.end(span, e);
                throw e;
            }
            EventTracing.end(span, outcome.delivered() ? null : new IllegalStateException(outcome.error()));
            lane.pacer.posted();
            long t2 = System.nanoTime();
            metrics.delivery(
                    outcome.delivered() ? DeliveryMetrics.DELIVERED : DeliveryMetrics.FAILED,
                    s.target().name().toLowerCase(java.util.Locale.ROOT),
                    Duration.ofNanos(t2 - t1));
            // Recording the outcome does not hold the channel: the claim is already 'sending', so
            // nothing can post it again, and a crash before this runs parks it at the next start.
            finishing.execute(inContext(d, () -> {
                try {
                    ledger.finish(
                            d.deliveryId(), outcome.delivered() ? DeliveryLedger.DELIVERED : DeliveryLedger.PARKED);
                    recorder.record(d, s.channel(), s.id(), outcome);
                } catch (RuntimeException e) {
                    LOG.errorf("Could not record delivery %s: %s", d.deliveryId(), e.getMessage());
                }
            }));
            long t3 = System.nanoTime();
            synchronized (lane) {
                lane.posted++;
                lane.takeNanos += t1 - t0;
                lane.postNanos += t2 - t1;
                lane.finishNanos += t3 - t2;
            }
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
        finishing.shutdown();
        for (Lane lane : lanes.values()) {
            try {
                if (!lane.thread.awaitTermination(5, TimeUnit.SECONDS)) {
                    lane.thread.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            finishing.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
