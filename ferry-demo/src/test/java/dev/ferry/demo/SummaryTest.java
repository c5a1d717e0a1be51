package dev.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void durationsReadLikePeopleSayThem() {
        assertThat(Summary.human(Duration.ofMillis(850))).isEqualTo("850 ms");
        assertThat(Summary.human(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
        assertThat(Summary.human(Duration.ofMillis(123_400))).isEqualTo("2 min 03.4 s");
        assertThat(Summary.human(Duration.ofMillis(-1500))).isEqualTo("-1.5 s");
        assertThat(Summary.human(null)).isEqualTo("-");
        assertThat(Summary.humanMillis(null)).isEqualTo("-");
    }

    @Test
    void stepLinesSayWhatChanged() {
        Duration at = Duration.ofMillis(11_500);
        assertThat(Summary.stepLine(at, new StepResult("app:acme-shop", "ensure-app", "running", 1, null, null, null)))
                .isEqualTo("  [+ 11.5s] running   app:acme-shop (ensure-app), attempt 1");
        assertThat(Summary.stepLine(
                        at,
                        new StepResult(
                                "app:acme-shop",
                                "ensure-app",
                                "succeeded",
                                1,
                                812L,
                                "Created app\nacme-shop (id 7)",
                                null)))
                .isEqualTo("  [+ 11.5s] succeeded app:acme-shop (ensure-app) in 812 ms: Created app acme-shop (id 7)");
        assertThat(Summary.stepLine(
                        at,
                        new StepResult(
                                "configure:acme-shop", "configure-app", "failed", 3, 1200L, null, "Aptible said 503")))
                .isEqualTo("  [+ 11.5s] failed    configure:acme-shop (configure-app) after 3 attempts (1.2 s):"
                        + " Aptible said 503");
    }

    @Test
    void thePlanShowsReasonsAndSecretNamesOnly() {
        String text = Summary.plan(
                new FlowJson.PlanRef("p-1", 1, "d-1", "acme-production", "proposed", "alice"),
                List.of(
                        new PlannedStep(
                                "environment:acme-production",
                                "ensure-environment",
                                "Create env",
                                "Because",
                                List.of(),
                                List.of()),
                        new PlannedStep(
                                "configure:acme-shop",
                                "configure-app",
                                "Configure",
                                "Config vars carry over",
                                List.of("app:acme-shop"),
                                List.of("SECRET_KEY_BASE"))));
        assertThat(text)
                .contains("plan p-1 v1 for acme-production (requested by alice, proposed), 2 steps:")
                .contains("1. environment:acme-production [ensure-environment] Create env")
                .contains("why: Because")
                .contains("after: app:acme-shop")
                .contains("sealed inputs (values never shown): SECRET_KEY_BASE");
    }

    @Test
    void theTableListsEveryStepInAlignedColumns() {
        DemoResult result = new DemoResult(
                "d-1",
                "p-1",
                1,
                "acme-production",
                "m-1",
                "completed",
                List.of(),
                List.of(
                        new StepResult(
                                "environment:acme-production",
                                "ensure-environment",
                                "succeeded",
                                1,
                                812L,
                                "Created environment acme-production",
                                null),
                        new StepResult(
                                "app:acme-shop",
                                "ensure-app",
                                "succeeded",
                                2,
                                1500L,
                                "Created app " + "x".repeat(100),
                                null),
                        new StepResult("configure:acme-shop", "configure-app", "failed", 3, null, null, "boom")),
                5,
                Duration.ofMillis(9_800),
                List.of(
                        new DemoResult.Milestone("discovery completed", Duration.ofMillis(1200)),
                        new DemoResult.Milestone("migration completed", Duration.ofMillis(9900)),
                        new DemoResult.Milestone("last Slack message", Duration.ofMillis(9800))));
        String table = Summary.table(result);
        List<String> lines = table.lines().toList();

        assertThat(table)
                .contains("migration  m-1 COMPLETED")
                .contains("slack      5 messages about the migration")
                .contains("Wall time from discovery request to last Slack message: 9.8 s");
        String header =
                lines.stream().filter(l -> l.contains("STEP")).findFirst().orElseThrow();
        String env = lines.stream()
                .filter(l -> l.contains("environment:acme"))
                .findFirst()
                .orElseThrow();
        String failed = lines.stream()
                .filter(l -> l.contains("configure:acme-shop"))
                .findFirst()
                .orElseThrow();
        assertThat(env.indexOf("ensure-environment")).isEqualTo(header.indexOf("TYPE"));
        assertThat(failed.indexOf("failed")).isEqualTo(header.indexOf("STATUS"));
        assertThat(failed).endsWith("boom").contains(" - ");
        assertThat(lines)
                .filteredOn(l -> l.contains("Created app"))
                .singleElement()
                .satisfies(l -> assertThat(l).endsWith("…"));
        assertThat(lines).anySatisfy(l -> assertThat(l).matches("\\s+discovery completed\\s+1\\.2 s"));
        // Milestones read in time order: the Slack message may arrive before the poll that saw the end.
        assertThat(table.indexOf("last Slack message")).isLessThan(table.indexOf("migration completed"));
    }
}
