package dev.ferry.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three scopes, what each needs and what each refuses. */
class DiscoveryRequestTest {

    @Test
    void theScopeIsInferredFromWhatIsNamed() {
        assertThat(new DiscoveryRequest(null, List.of("a-app"), null).effectiveScope())
                .isEqualTo("apps");
        assertThat(new DiscoveryRequest(null, null, "acme").effectiveScope()).isEqualTo("team");
        assertThat(new DiscoveryRequest(null, null, null).effectiveScope()).isEqualTo("account");
    }

    @Test
    void aTeamScopeNeedsATeamAndTakesNothingElse() {
        assertThat(new DiscoveryRequest("team", null, "acme").problems()).isEmpty();
        assertThat(new DiscoveryRequest("team", null, null).problems())
                .singleElement()
                .asString()
                .contains("needs a Heroku team name");
        assertThat(new DiscoveryRequest("team", List.of("a-app"), "acme").problems())
                .singleElement()
                .asString()
                .contains("does not take 'apps'");
        assertThat(new DiscoveryRequest("account", null, "acme").problems())
                .singleElement()
                .asString()
                .contains("only goes with scope 'team'");
        assertThat(new DiscoveryRequest("team", null, "Not A Team!").problems()).hasSize(1);
    }

    @Test
    void unknownScopesAndBadAppNamesAreListed() {
        assertThat(new DiscoveryRequest("planet", null, null).problems())
                .singleElement()
                .asString()
                .contains("'account', 'team' or 'apps'");
        assertThat(new DiscoveryRequest("apps", List.of("UPPER", "ok-app", "ok-app"), null).problems())
                .hasSize(2);
    }
}
