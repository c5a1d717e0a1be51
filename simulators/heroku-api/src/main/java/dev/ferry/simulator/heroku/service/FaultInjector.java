package dev.ferry.simulator.heroku.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults switched on at runtime for API paths: an error status, a delay, or both, for the next
 * {@code count} matching requests (or every one when no count is given). Cleared by a reset.
 */
@ApplicationScoped
public class FaultInjector {

    /**
     * What a test asks for; {@code status} 0 means delay only, {@code count} 0 means unlimited, {@code
     * truncate} answers normally but cuts the JSON body in half (a malformed answer), {@code
     * partialAs200} answers a list page that has more after it with 200 instead of 206, keeping its
     * {@code Next-Range} (clients must follow the header, whatever the status).
     */
    public record FaultSpec(
            String method,
            String pathPrefix,
            Integer status,
            Integer count,
            Long latencyMs,
            Boolean truncate,
            @JsonProperty("partial_as_200") Boolean partialAs200) {

        public FaultSpec(String method, String pathPrefix, Integer status, Integer count, Long latencyMs) {
            this(method, pathPrefix, status, count, latencyMs, null, null);
        }

        boolean truncates() {
            return Boolean.TRUE.equals(truncate);
        }

        boolean partialAnswersAre200() {
            return Boolean.TRUE.equals(partialAs200);
        }

        /** Problems with the spec, empty when it is usable. */
        public List<String> problems() {
            List<String> problems = new java.util.ArrayList<>();
            if (pathPrefix == null || !pathPrefix.startsWith("/")) {
                problems.add("path_prefix must start with /");
            }
            int s = status == null ? 0 : status;
            if (s != 0 && (s < 400 || s > 599)) {
                problems.add("status must be an error status (400-599)");
            }
            if (count != null && count < 0) {
                problems.add("count must not be negative");
            }
            if (latencyMs != null && (latencyMs < 0 || latencyMs > 600_000)) {
                problems.add("latency_ms must be between 0 and 600000");
            }
            if (s == 0 && (latencyMs == null || latencyMs == 0) && !truncates() && !partialAnswersAre200()) {
                problems.add("give a status, a latency_ms, truncate, partial_as_200, or a combination");
            }
            if (s != 0 && truncates()) {
                problems.add("truncate applies to successful answers; leave status out");
            }
            if (s != 0 && partialAnswersAre200()) {
                problems.add("partial_as_200 applies to successful list answers; leave status out");
            }
            return problems;
        }
    }

    /** A fault as installed, with the requests it still applies to ({@code -1}: unlimited). */
    public record FaultView(
            String method,
            String pathPrefix,
            int status,
            long latencyMs,
            boolean truncate,
            @JsonProperty("partial_as_200") boolean partialAs200,
            int remaining) {}

    /** What to do to one request. */
    public record Hit(int status, long latencyMs, boolean truncate, boolean partialAs200) {}

    private static final class Fault {
        final FaultSpec spec;
        final AtomicInteger remaining;

        Fault(FaultSpec spec) {
            this.spec = spec;
            this.remaining = new AtomicInteger(spec.count() == null || spec.count() == 0 ? -1 : spec.count());
        }

        boolean matches(String method, String path) {
            return path.startsWith(spec.pathPrefix())
                    && (spec.method() == null || spec.method().equalsIgnoreCase(method));
        }

        /** Takes one use of the fault; false when it is spent. */
        boolean take() {
            while (true) {
                int left = remaining.get();
                if (left == 0) {
                    return false;
                }
                if (left < 0 || remaining.compareAndSet(left, left - 1)) {
                    return true;
                }
            }
        }

        FaultView view() {
            return new FaultView(
                    spec.method(),
                    spec.pathPrefix(),
                    spec.status() == null ? 0 : spec.status(),
                    spec.latencyMs() == null ? 0 : spec.latencyMs(),
                    spec.truncates(),
                    spec.partialAnswersAre200(),
                    remaining.get());
        }
    }

    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /** Installs a fault after the ones already there; the first matching fault with uses left wins. */
    public FaultView add(FaultSpec spec) {
        Fault fault = new Fault(spec);
        faults.add(fault);
        return fault.view();
    }

    /** The fault to apply to this request, if any, using it up once. */
    public Optional<Hit> take(String method, String path) {
        for (Fault fault : faults) {
            if (fault.matches(method, path) && fault.take()) {
                return Optional.of(new Hit(
                        fault.spec.status() == null ? 0 : fault.spec.status(),
                        fault.spec.latencyMs() == null ? 0 : fault.spec.latencyMs(),
                        fault.spec.truncates(),
                        fault.spec.partialAnswersAre200()));
            }
        }
        return Optional.empty();
    }

    /** Installed faults, spent ones included. */
    public List<FaultView> list() {
        return faults.stream().map(Fault::view).toList();
    }

    /** Removes every fault. */
    public void clear() {
        faults.clear();
    }
}
