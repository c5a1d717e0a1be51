package dev.ferry.planner.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.planner.Estates;
import dev.ferry.planner.domain.render.PlanFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo estate's plan reads as a runbook a reviewer can follow; written to target/ for reading. */
class DemoRunbookTest {

    @Test
    void theDemoRunbookWalksTheGuideInOrder() throws IOException {
        PlanDocument plan = PlanDocument.of(PlanRules.propose(Estates.demo("d-demo", "alice")));
        String runbook = PlanFiles.runbook(plan);
        Path out = Path.of("target", "demo-runbook.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, runbook);
        assertThat(runbook).doesNotContain(Estates.SECRET).doesNotContain(Estates.DB_PASSWORD);
        assertThat(runbook)
                .contains("aptible apps:create acme-shop --environment acme-production")
                .contains("aptible db:create postgresql-acme-shop-primary --type postgresql --version 16")
                .contains("heroku pg:backups:capture postgresql-acme-shop-primary --app acme-shop")
                .contains("heroku ps:scale worker=0 --app acme-shop")
                .contains("aptible endpoints:https:create --app acme-shop web --managed-tls --managed-tls-domain"
                        + " shop.acme.example")
                .contains("**point of no return**");
        assertThat(runbook.indexOf("Lower the DNS TTL")).isLessThan(runbook.indexOf("Open the maintenance window"));
        assertThat(runbook.indexOf("Take the final backup"))
                .isLessThan(runbook.indexOf("Copy Heroku's postgresql-acme-shop-primary"));
        assertThat(runbook.indexOf("Switch DNS of shop.acme.example"))
                .isLessThan(runbook.indexOf("Approve decommissioning Heroku"));
    }
}
