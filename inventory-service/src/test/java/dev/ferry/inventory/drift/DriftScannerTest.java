package dev.ferry.inventory.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.inventory.domain.DiscoveryRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A re-scan repeats the scope of the snapshot it is based on. */
class DriftScannerTest {

    @Test
    void scopeKeysRoundTripIntoRequests() {
        String account = DriftProjection.scopeKey("account", List.of(), null);
        assertThat(account).isEqualTo("account");
        DiscoveryRequest whole = DriftScanner.request(account);
        assertThat(whole.effectiveScope()).isEqualTo("account");
        assertThat(whole.appNames()).isEmpty();
        assertThat(whole.problems()).isEmpty();

        String apps = DriftProjection.scopeKey("apps", List.of("acme-shop", "acme-admin"), null);
        assertThat(apps).isEqualTo("apps:acme-admin,acme-shop");
        DiscoveryRequest some = DriftScanner.request(apps);
        assertThat(some.effectiveScope()).isEqualTo("apps");
        assertThat(some.appNames()).containsExactly("acme-admin", "acme-shop");
        assertThat(some.problems()).isEmpty();
    }

    @Test
    void aTeamScopeKeyNamesItsTeamAndRepeatsIt() {
        String acme = DriftProjection.scopeKey("team", List.of(), "acme");
        String beta = DriftProjection.scopeKey("team", null, "beta");
        assertThat(acme).isEqualTo("team:acme");
        assertThat(beta).isEqualTo("team:beta").isNotEqualTo(acme);

        DiscoveryRequest team = DriftScanner.request(acme);
        assertThat(team.effectiveScope()).isEqualTo("team");
        assertThat(team.team()).isEqualTo("acme");
        assertThat(team.appNames()).isEmpty();
        assertThat(team.problems()).isEmpty();
    }

    @Test
    void aBareTeamKeyProjectedBeforeTeamsWereKeptCannotBeRepeated() {
        DiscoveryRequest legacy = DriftScanner.request("team");
        assertThat(legacy.effectiveScope()).isEqualTo("team");
        assertThat(legacy.team()).isNull();
        assertThat(legacy.problems()).singleElement().asString().contains("needs a Heroku team name");
    }

    @Test
    void aScheduledReScanHoldsItsLeaseForMostOfTheInterval() {
        assertThat(DriftScanner.term("6h")).isEqualTo(Duration.ofMinutes(324));
        assertThat(DriftScanner.term("PT30M")).isEqualTo(Duration.ofMinutes(27));
        assertThat(DriftScanner.term("10s")).isEqualTo(Duration.ofSeconds(9));
        assertThat(DriftScanner.term("1d")).isEqualTo(Duration.ofHours(21).plusMinutes(36));
    }
}
