package dev.ferry.executor.step;

import static dev.ferry.executor.step.StepTests.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.events.plan.PlanStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** verify-dns against fixed answers: the check passes only when the name reaches the endpoint's address. */
class VerifyDnsStepTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ENDPOINT = "elb-acme-42.aptible.in";

    private final List<String> systemLookups = new ArrayList<>();

    /** Fixed hosts as {@code executor.dns.hosts.*} gives them; anything else "is not in DNS", never asked for real. */
    private VerifyDnsStep dns(Map<String, String> hosts) {
        return new VerifyDnsStep(hosts, host -> {
            systemLookups.add(host);
            return Set.of();
        });
    }

    private static StepContext context(Map<String, String> parameters, Map<String, Map<String, String>> outputs) {
        PlanStep step = step("verify-dns", parameters);
        return new StepContext("m-test", "acme", step, outputs);
    }

    private static StepContext shopViaEndpointStep() {
        return context(
                Map.of("hostname", "shop.example.com", "endpoint", "endpoint:shop/web"),
                Map.of("endpoint:shop/web", Map.of("hostname", ENDPOINT)));
    }

    @Test
    void passesWhenTheNameResolvesToTheEndpointsAddress() {
        StepOutcome outcome = dns(Map.of("shop.example.com", "10.0.0.7", ENDPOINT, "10.0.0.7"))
                .ensure(shopViaEndpointStep())
                .await()
                .atMost(WAIT);

        assertThat(outcome.summary()).isEqualTo("shop.example.com points at " + ENDPOINT);
        assertThat(outcome.outputs())
                .containsEntry("hostname", "shop.example.com")
                .containsEntry("endpoint", ENDPOINT);
        assertThat(systemLookups).isEmpty();
    }

    @Test
    void theExpectedHostParameterWinsOverTheEndpointStepsOutputAndWildcardsMatch() {
        StepContext context = context(
                Map.of(
                        "hostname",
                        "Shop.Example.com",
                        "endpoint",
                        "endpoint:shop/web",
                        "expectedHost",
                        "internal-7.aptible.in"),
                Map.of("endpoint:shop/web", Map.of("hostname", ENDPOINT)));

        StepOutcome outcome = dns(Map.of(
                        "*.example.com", "10.0.0.9", "internal-7.aptible.in", "10.0.0.9", ENDPOINT, "10.0.0.7"))
                .ensure(context)
                .await()
                .atMost(WAIT);

        assertThat(outcome.summary()).isEqualTo("Shop.Example.com points at internal-7.aptible.in");
    }

    @Test
    void aNameThatResolvesElsewhereIsARetryableFailureSayingWhereItPointsAndWhereItShould() {
        assertThatThrownBy(() -> dns(Map.of("shop.example.com", "203.0.113.5", ENDPOINT, "10.0.0.7"))
                        .ensure(shopViaEndpointStep())
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage("shop.example.com resolves to [203.0.113.5], not to the endpoint " + ENDPOINT
                        + " [10.0.0.7] yet")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isTrue());
    }

    @Test
    void anUnresolvableNameIsARetryableFailure() {
        assertThatThrownBy(() -> dns(Map.of(ENDPOINT, "10.0.0.7"))
                        .ensure(shopViaEndpointStep())
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage("shop.example.com does not resolve yet; it should resolve to the endpoint " + ENDPOINT
                        + " [10.0.0.7]")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isTrue());
        assertThat(systemLookups).containsExactly("shop.example.com");
    }

    @Test
    void anEndpointThatDoesNotResolveIsARetryableFailureToo() {
        assertThatThrownBy(() -> dns(Map.of("shop.example.com", "10.0.0.7"))
                        .ensure(shopViaEndpointStep())
                        .await()
                        .atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage("The endpoint " + ENDPOINT + " does not resolve yet")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isTrue());
    }

    @Test
    void withoutTheEndpointStepsHostnameTheStepCannotRunAndRetryingDoesNotHelp() {
        StepContext context =
                context(Map.of("hostname", "shop.example.com", "endpoint", "endpoint:shop/web"), Map.of());

        assertThatThrownBy(() -> dns(Map.of()).ensure(context).await().atMost(WAIT))
                .isInstanceOf(StepException.class)
                .hasMessage("No hostname is known for endpoint:shop/web; its step must succeed first")
                .satisfies(e -> assertThat(((StepException) e).retryable()).isFalse());
    }
}
