package dev.ferry.executor.observability;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/**
 * The executor's tests export spans here instead of to a collector: Quarkus hands every span to the
 * SpanExporter beans it finds (and then starts no OTLP exporter). Bounded, because every test class
 * of the module records spans while only the tracing test reads them.
 */
@ApplicationScoped
public class TestSpans implements SpanExporter {
    private static final int MAX = 20_000;
    private final InMemorySpanExporter spans = InMemorySpanExporter.create();

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> batch) {
        if (spans.getFinishedSpanItems().size() > MAX) {
            spans.reset();
        }
        return spans.export(batch);
    }

    public synchronized List<SpanData> finished() {
        return spans.getFinishedSpanItems();
    }

    public synchronized void reset() {
        spans.reset();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
