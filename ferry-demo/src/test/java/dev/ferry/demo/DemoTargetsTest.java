package dev.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTargetsTest {

    @Test
    void defaultsAreTheFixedLocalPorts() {
        DemoTargets t = DemoTargets.localDefaults();
        assertThat(t.byName())
                .containsExactly(
                        Map.entry("inventory-service", URI.create("http://127.0.0.1:8081")),
                        Map.entry("planner-service", URI.create("http://127.0.0.1:8082")),
                        Map.entry("executor-service", URI.create("http://127.0.0.1:8083")),
                        Map.entry("notifier-service", URI.create("http://127.0.0.1:8084")),
                        Map.entry("heroku-api simulator", URI.create("http://127.0.0.1:8091")),
                        Map.entry("aptible-api simulator", URI.create("http://127.0.0.1:8092")),
                        Map.entry("slack-receiver", URI.create("http://127.0.0.1:8093")));
    }

    @Test
    void urlsAndPortsComeFromTheEnvironment() {
        DemoTargets t = DemoTargets.fromEnv(Map.of(
                "PLANNER_PORT",
                "18082",
                "EXECUTOR_URL",
                "http://executor.internal:9000/",
                "SLACK_RECEIVER_PORT",
                " 18093 "));
        assertThat(t.planner()).isEqualTo(URI.create("http://127.0.0.1:18082"));
        assertThat(t.executor()).isEqualTo(URI.create("http://executor.internal:9000/"));
        assertThat(t.slack()).isEqualTo(URI.create("http://127.0.0.1:18093"));
        assertThat(DemoTargets.at(t.executor(), "/api/migrations"))
                .isEqualTo(URI.create("http://executor.internal:9000/api/migrations"));
        assertThat(DemoTargets.at(t.planner(), "api/plans")).isEqualTo(URI.create("http://127.0.0.1:18082/api/plans"));
    }

    @Test
    void aBadPortIsRefusedWithItsName() {
        assertThatThrownBy(() -> DemoTargets.fromEnv(Map.of("NOTIFIER_PORT", "80a")))
                .hasMessageContaining("NOTIFIER_PORT")
                .hasMessageContaining("80a");
    }

    @Test
    void optionsComeFromTheEnvironment() {
        DemoOptions d = DemoOptions.fromEnv(Map.of());
        assertThat(d).isEqualTo(DemoOptions.defaults());
        assertThat(d.apps()).containsExactly("acme-shop");
        assertThat(d.waitTimeout()).isEqualTo(Duration.ofSeconds(120));

        DemoOptions o = DemoOptions.fromEnv(
                Map.of("FERRY_DEMO_APPS", "acme-shop, acme-admin", "FERRY_DEMO_WAIT_SECONDS", "30"));
        assertThat(o.apps()).containsExactly("acme-shop", "acme-admin");
        assertThat(o.waitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> DemoOptions.fromEnv(Map.of("FERRY_DEMO_WAIT_SECONDS", "soon")))
                .hasMessageContaining("FERRY_DEMO_WAIT_SECONDS");
    }
}
