package dev.ferry.planner.domain.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.planner.Estates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddonCatalogueTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
        "heroku-postgresql, APTIBLE_DATABASE, postgresql",
        "heroku-redis, APTIBLE_DATABASE, redis",
        "jawsdb, APTIBLE_DATABASE, mysql",
        "bonsai, APTIBLE_DATABASE, elasticsearch",
        "cloudamqp, APTIBLE_DATABASE, rabbitmq",
        "influxdb, APTIBLE_DATABASE, influxdb",
        "papertrail, LOG_DRAIN, syslog_tls_tcp",
        "logtail, LOG_DRAIN, syslog_tls_tcp",
        "sumologic, LOG_DRAIN, sumologic",
        "logdna, LOG_DRAIN, logdna",
        "datadog, LOG_DRAIN, datadog",
        "sendgrid, KEEP_EXTERNAL, SendGrid (email)",
        "mailgun, KEEP_EXTERNAL, Mailgun (email)",
        "newrelic, KEEP_EXTERNAL, New Relic (APM)",
        "sentry, KEEP_EXTERNAL, Sentry (errors)",
        "scheduler, REPLACE, cron process",
        "heroku-kafka, REPLACE, external Kafka",
        "something-new, UNKNOWN, ''"
    })
    void everyCommonAddOnHasAnAction(String service, AddonCatalogue.Action action, String detail) {
        AddonCatalogue.Entry entry = AddonCatalogue.lookup(service);
        assertThat(entry.action()).isEqualTo(action);
        assertThat(entry.detail() == null ? "" : entry.detail()).isEqualTo(detail);
        assertThat(entry.note()).isNotBlank();
    }

    @Test
    void schedulerAndUnknownAddOnsBecomeTasksForAPerson() {
        var app = Estates.app("x")
                .process("web", "bin/web", 1, "basic")
                .addon(new AddOn("s", "scheduler-x", "scheduler", "scheduler:standard", List.of()))
                .addon(new AddOn("u", "weird-x", "weird-addon", "weird-addon:pro", List.of("WEIRD_URL")))
                .addon(new AddOn("m", "mysql-x", "jawsdb", "jawsdb:kitefin", List.of("JAWSDB_URL")))
                .config("WEIRD_URL", "https://FAKE")
                .config("JAWSDB_URL", "mysql://FAKE")
                .build();
        var plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
        var scheduler = Plans.step(plan, "addon:x/scheduler-x");
        assertThat(scheduler.type()).isEqualTo("manual-task");
        assertThat(scheduler.parameters().get("instructions")).contains("cron");
        assertThat(scheduler.needsReview()).isNull();
        var unknown = Plans.step(plan, "addon:x/weird-x");
        assertThat(unknown.type()).isEqualTo("manual-task");
        assertThat(unknown.gate()).isEqualTo("manual-task");
        assertThat(unknown.needsReview()).contains("weird-addon");
        assertThat(Plans.step(plan, "configure:x").secrets()).containsKey("WEIRD_URL");
        var mysql = Plans.step(plan, "db:mysql-x");
        assertThat(mysql.parameters()).containsEntry("engine", "mysql");
        assertThat(Plans.step(plan, "copy:mysql-x").type()).isEqualTo("manual-task");
        assertThat(Plans.step(plan, "configure:x").parameters()).containsEntry("env.JAWSDB_URL", "database:mysql-x");
        assertThat(plan.fidelity())
                .anyMatch(
                        f -> f.feature().equals("add-on weird-x") && f.mapping().equals("none"));
    }

    @Test
    void loggingAddOnsAndDrainsBecomeLogDrainsWithSealedUrls() {
        var plan = Plans.plan(Estates.demo("d", "alice"));
        var drain = Plans.step(plan, "drain:acme-production/acme-production-logs.papertrailapp.com");
        assertThat(drain.parameters())
                .containsEntry("drainType", "syslog_tls_tcp")
                .containsEntry("environment", "acme-production");
        assertThat(Estates.BOX.open(drain.secrets().get("url"))).contains("papertrailapp.com:12345");
        assertThat(drain.needsReview()).isNull();
    }

    @Test
    void aLoggingAddOnWithoutADiscoveredDrainIsFlagged() {
        var app = Estates.app("x")
                .process("web", "bin/web", 1, "basic")
                .addon(new AddOn("pt", "papertrail-x", "papertrail", "papertrail:free", List.of()))
                .build();
        var plan = Plans.plan(Estates.estate("d", "alice", "acc", List.of(app), List.of(), List.of()));
        var drain = Plans.ofType(plan, "ensure-log-drain").get(0);
        assertThat(drain.secrets()).isEmpty();
        assertThat(drain.needsReview()).contains("drain URL");
    }
}
