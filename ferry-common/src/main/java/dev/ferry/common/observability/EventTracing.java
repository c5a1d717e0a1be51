package dev.ferry.common.observability;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Keeps one trace across Kafka hops. SmallRye ends its receive span before a consumer method runs, so
 * a consumer wraps its work in {@link #consume}: a span that continues the trace of the record's
 * {@code traceparent} and is current while the work runs, so the events it appends carry the same
 * trace. Fire-and-forget work started on a fresh Vert.x context takes the caller's context along with
 * {@link #current()} and {@link #adopt}.
 */
@ApplicationScoped
public class EventTracing {
    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.ferry");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Runs a consumer's work in a span {@code process <topic>} whose parent is the record's trace
     * context; the span ends when the work does.
     */
    public <T> Uni<T> consume(ConsumerRecord<?, ?> record, Supplier<Uni<T>> work) {
        Context parent = propagator.extract(Context.root(), record.headers(), HEADERS);
        Span span = consumerSpan(record, parent);
        return within(parent.with(span), span, work);
    }

    /** {@link #consume} for a blocking consumer: the work runs on this thread inside the span. */
    public <T> T consumeBlocking(ConsumerRecord<?, ?> record, Supplier<T> work) {
        Context parent = propagator.extract(Context.root(), record.headers(), HEADERS);
        Span span = consumerSpan(record, parent);
        Throwable failure = null;
        try (io.opentelemetry.context.Scope ignored = parent.with(span).makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            end(span, failure);
        }
    }

    /**
     * Starts an internal span, child of the current context, for blocking work on a thread of its
     * own; the caller makes it current and ends it.
     */
    public Span start(String name) {
        return tracer.spanBuilder(name).startSpan();
    }

    /** Ends a span started with {@link #start}, marking it failed when the work failed. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    private Span consumerSpan(ConsumerRecord<?, ?> record, Context parent) {
        return tracer.spanBuilder("process " + record.topic())
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.kafka.message.offset", record.offset())
                .startSpan();
    }

    /** Runs work in a new internal span, child of the current context. */
    public <T> Uni<T> inSpan(String name, Supplier<Uni<T>> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        return within(Context.current().with(span), span, work);
    }

    /** The caller's trace context, to hand to work that starts elsewhere. */
    public static Context current() {
        return Context.current();
    }

    /**
     * Makes a captured context current on the running (freshly duplicated) Vert.x context for the rest
     * of its life: the continuations of the work started there see it too. Only for contexts created
     * for one piece of work, which end with it.
     */
    @SuppressWarnings("resource")
    public static void adopt(Context captured) {
        if (captured != null) {
            captured.makeCurrent(); // not closed on purpose: the duplicated context is discarded after the work
        }
    }

    /** {@code 00-<trace id>-<span id>-<flags>} of the current span, or null when there is none. */
    public static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    private static <T> Uni<T> within(Context context, Span span, Supplier<Uni<T>> work) {
        if (!VertxContext.isOnDuplicatedContext()) {
            // A thread-local scope must close on the thread that opened it: cover the synchronous part.
            return Uni.createFrom()
                    .deferred(() -> {
                        try (io.opentelemetry.context.Scope ignored = context.makeCurrent()) {
                            return work.get();
                        }
                    })
                    .onTermination()
                    .invoke((item, failure, cancelled) -> end(span, failure));
        }
        // On a duplicated Vert.x context the scope lives in the context: every continuation sees it.
        io.opentelemetry.context.Scope scope = context.makeCurrent();
        return Uni.createFrom().deferred(work::get).onTermination().invoke((item, failure, cancelled) -> {
            end(span, failure);
            scope.close();
        });
    }
}
