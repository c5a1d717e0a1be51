package dev.ferry.simulator.heroku.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.TokenScope;
import dev.ferry.simulator.heroku.service.EstateDocument.AccountSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AddOnSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AppSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AttachmentSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.FormationSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.TeamSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.TokenSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks estate defaults, derived ids and that every broken reference is reported. */
class EstateAssemblerTest {

    private static AccountSpec account(String email, String token, String... scopes) {
        return new AccountSpec(
                null, email, null, null, null, null, null, null, List.of(new TokenSpec(token, List.of(scopes), null)));
    }

    private static AppSpec app(String name, String owner, String team, Map<String, String> vars) {
        return new AppSpec(
                null,
                name,
                null,
                null,
                null,
                owner,
                team,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(new FormationSpec(null, "web", "run web", null, null)),
                vars);
    }

    @Test
    void fillsDefaultsAndDerivesStableIds() {
        EstateDocument document = new EstateDocument(
                null,
                List.of(account("a@example.test", "T1", "global")),
                List.of(),
                List.of(app("shop", "a@example.test", null, Map.of("DATABASE_URL", "x"))),
                List.of(new AddOnSpec(
                        null,
                        "shop-db",
                        "heroku-postgresql",
                        "heroku-postgresql:essential-0",
                        null,
                        List.of("DATABASE_URL"),
                        null,
                        null,
                        null,
                        List.of(new AttachmentSpec(null, "shop", null, null, null)))));

        Estate first = EstateAssembler.assemble("test", document);
        Estate second = EstateAssembler.assemble("test", document);

        App app = first.apps().get(0);
        assertThat(app.id())
                .isEqualTo(Ids.derive("app", "shop"))
                .isEqualTo(second.apps().get(0).id());
        assertThat(app.region()).isEqualTo("us");
        assertThat(app.stack()).isEqualTo("heroku-24");
        assertThat(app.createdAt()).isEqualTo(EstateAssembler.DEFAULT_TIME);
        assertThat(app.formation().get(0).quantity()).isEqualTo(1);
        assertThat(app.formation().get(0).size()).isEqualTo("standard-1x");
        AddOn addOn = first.addOns().get(0);
        assertThat(addOn.billingAppId()).isEqualTo(app.id());
        assertThat(addOn.attachments().get(0).name()).isEqualTo("DATABASE");
        assertThat(addOn.attachments().get(0).configVars()).containsExactly("DATABASE_URL");
        assertThat(first.token("T1").orElseThrow().scopes()).containsExactly(TokenScope.GLOBAL);
    }

    @Test
    void reportsEveryBrokenLink() {
        EstateDocument document = new EstateDocument(
                null,
                List.of(account("a@example.test", "T1", "global"), account("b@example.test", "T1", "superuser")),
                List.of(new TeamSpec(null, "crew", null, List.of("nobody@example.test"))),
                List.of(
                        app("shop", "ghost@example.test", null, Map.of()),
                        app("Bad_Name", "a@example.test", null, Map.of()),
                        app("both", "a@example.test", "crew", Map.of()),
                        app("admin", null, "crew", Map.of())),
                List.of(
                        new AddOnSpec(
                                null,
                                "admin-db",
                                "heroku-postgresql",
                                "heroku-redis:mini",
                                null,
                                List.of(),
                                null,
                                null,
                                null,
                                List.of()),
                        new AddOnSpec(
                                null,
                                "admin-cache",
                                "heroku-redis",
                                "heroku-redis:mini",
                                "admin",
                                List.of("REDIS_URL"),
                                null,
                                null,
                                null,
                                List.of(
                                        new AttachmentSpec(null, "admin", null, null, null),
                                        new AttachmentSpec(null, "nowhere", null, null, null)))));

        assertThatThrownBy(() -> EstateAssembler.assemble("broken.json", document))
                .isInstanceOfSatisfying(
                        EstateInvalidException.class,
                        e -> assertThat(e.problems())
                                .anyMatch(p -> p.contains("reuses token value T1"))
                                .anyMatch(p -> p.contains("unknown member nobody@example.test"))
                                .anyMatch(p -> p.contains("unknown owner ghost@example.test"))
                                .anyMatch(p -> p.contains("app name Bad_Name"))
                                .anyMatch(p -> p.contains("exactly one of owner or team"))
                                .anyMatch(p -> p.contains("heroku-postgresql:<plan>"))
                                .anyMatch(p -> p.contains("no such config var"))
                                .anyMatch(p -> p.contains("unknown app nowhere")))
                .hasMessageContaining("broken.json");
    }

    @Test
    void rejectsUnknownScopes() {
        EstateDocument document = new EstateDocument(
                null, List.of(account("a@example.test", "T1", "superuser")), List.of(), List.of(), List.of());
        assertThatThrownBy(() -> EstateAssembler.assemble("x", document))
                .hasMessageContaining("unknown scope: superuser");
    }
}
