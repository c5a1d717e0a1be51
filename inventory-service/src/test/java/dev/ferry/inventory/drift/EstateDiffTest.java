package dev.ferry.inventory.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.events.inventory.EstateDrifted.Change;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests of what counts as drift between two app shapes. */
class EstateDiffTest {
    private static final AppShape BASE = new AppShape(
            "shop",
            "heroku-22",
            Map.of("web", "2 x standard-1x", "worker", "1 x standard-2x"),
            List.of("DATABASE_URL", "SECRET_KEY_BASE"),
            Map.of("pg-shop", new AppShape.AddonShape("heroku-postgresql", "heroku-postgresql:standard-0")),
            List.of("shop.example.com"));

    static Stream<Arguments> oneChange() {
        return Stream.of(
                Arguments.of(
                        "scaled",
                        withFormation(Map.of("web", "3 x standard-2x", "worker", "1 x standard-2x")),
                        List.of(new Change("shop", "formation", "web: 2 x standard-1x -> 3 x standard-2x"))),
                Arguments.of(
                        "process type added",
                        withFormation(
                                Map.of("web", "2 x standard-1x", "worker", "1 x standard-2x", "clock", "1 x basic")),
                        List.of(new Change("shop", "formation", "clock: none -> 1 x basic"))),
                Arguments.of(
                        "process type removed",
                        withFormation(Map.of("web", "2 x standard-1x")),
                        List.of(new Change("shop", "formation", "worker: 1 x standard-2x -> none"))),
                Arguments.of(
                        "config var added",
                        withVars(List.of("DATABASE_URL", "SECRET_KEY_BASE", "STRIPE_KEY")),
                        List.of(new Change("shop", "config-var-added", "STRIPE_KEY"))),
                Arguments.of(
                        "config var removed",
                        withVars(List.of("DATABASE_URL")),
                        List.of(new Change("shop", "config-var-removed", "SECRET_KEY_BASE"))),
                Arguments.of(
                        "plan changed",
                        withAddons(Map.of(
                                "pg-shop",
                                new AppShape.AddonShape("heroku-postgresql", "heroku-postgresql:standard-2"))),
                        List.of(new Change(
                                "shop",
                                "addon-plan",
                                "pg-shop: heroku-postgresql:standard-0 -> heroku-postgresql:standard-2"))),
                Arguments.of(
                        "add-on added",
                        withAddons(Map.of(
                                "pg-shop",
                                new AppShape.AddonShape("heroku-postgresql", "heroku-postgresql:standard-0"),
                                "redis-shop",
                                new AppShape.AddonShape("heroku-redis", "heroku-redis:mini"))),
                        List.of(new Change("shop", "addon-added", "redis-shop (heroku-redis:mini)"))),
                Arguments.of(
                        "add-on removed",
                        withAddons(Map.of()),
                        List.of(new Change("shop", "addon-removed", "pg-shop (heroku-postgresql:standard-0)"))),
                Arguments.of(
                        "domain added",
                        withDomains(List.of("shop.example.com", "www.shop.example.com")),
                        List.of(new Change("shop", "domain", "added www.shop.example.com"))),
                Arguments.of(
                        "domain removed",
                        withDomains(List.of()),
                        List.of(new Change("shop", "domain", "removed shop.example.com"))),
                Arguments.of("domains not read in the new snapshot are not compared", withDomains(null), List.of()),
                Arguments.of(
                        "stack changed",
                        new AppShape(
                                "shop",
                                "heroku-24",
                                BASE.formation(),
                                BASE.configVarNames(),
                                BASE.addons(),
                                BASE.domains()),
                        List.of(new Change("shop", "stack", "heroku-22 -> heroku-24"))),
                Arguments.of("nothing changed", BASE, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneChange")
    void findsExactlyTheChange(String name, AppShape after, List<Change> expected) {
        EstateDiff.Drift drift = EstateDiff.between(List.of(BASE), List.of(after));
        assertThat(drift.changes()).containsExactlyElementsOf(expected);
        assertThat(drift.addedApps()).isEmpty();
        assertThat(drift.removedApps()).isEmpty();
        assertThat(drift.isEmpty()).isEqualTo(expected.isEmpty());
    }

    @Test
    void appsAddedAndRemovedAreMatchedByName() {
        AppShape admin = new AppShape("admin", "heroku-24", Map.of(), List.of(), Map.of(), null);
        AppShape api = new AppShape("api", "heroku-24", Map.of(), List.of(), Map.of(), null);
        EstateDiff.Drift drift = EstateDiff.between(List.of(BASE, admin), List.of(api, BASE));
        assertThat(drift.addedApps()).containsExactly("api");
        assertThat(drift.removedApps()).containsExactly("admin");
        assertThat(drift.changes()).isEmpty();
        assertThat(drift.isEmpty()).isFalse();
    }

    @Test
    void severalChangesComeInAFixedOrder() {
        AppShape after = new AppShape(
                "shop",
                "heroku-24",
                Map.of("web", "3 x standard-1x", "worker", "1 x standard-2x"),
                List.of("DATABASE_URL", "NEW_FLAG"),
                Map.of("pg-shop", new AppShape.AddonShape("heroku-postgresql", "heroku-postgresql:premium-0")),
                List.of("shop.example.com"));
        assertThat(EstateDiff.between(List.of(BASE), List.of(after)).changes())
                .extracting(Change::kind)
                .containsExactly("formation", "config-var-added", "config-var-removed", "addon-plan", "stack");
        assertThat(EstateDiff.between(List.of(after), List.of(BASE)).changes())
                .extracting(Change::detail)
                .contains("web: 3 x standard-1x -> 2 x standard-1x", "heroku-24 -> heroku-22");
    }

    @Test
    void anEmptyEstateAgainstAnotherIsAllAdditions() {
        EstateDiff.Drift drift = EstateDiff.between(List.of(), List.of(BASE));
        assertThat(drift.addedApps()).containsExactly("shop");
        assertThat(EstateDiff.between(List.of(), List.of()).isEmpty()).isTrue();
    }

    private static AppShape withFormation(Map<String, String> formation) {
        return new AppShape("shop", BASE.stack(), formation, BASE.configVarNames(), BASE.addons(), BASE.domains());
    }

    private static AppShape withVars(List<String> vars) {
        return new AppShape("shop", BASE.stack(), BASE.formation(), vars, BASE.addons(), BASE.domains());
    }

    private static AppShape withAddons(Map<String, AppShape.AddonShape> addons) {
        return new AppShape("shop", BASE.stack(), BASE.formation(), BASE.configVarNames(), addons, BASE.domains());
    }

    private static AppShape withDomains(List<String> domains) {
        return new AppShape("shop", BASE.stack(), BASE.formation(), BASE.configVarNames(), BASE.addons(), domains);
    }
}
