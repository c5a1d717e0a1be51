package dev.ferry.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ferry.oidc.OidcIssuer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tokens from a real issuer (dev/oidc-issuer): discovery, password grant, renewal before expiry. */
class OidcTokensTest {
    private OidcIssuer issuer;
    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void start() {
        issuer = OidcIssuer.start(
                0, "ferry-api", List.of(new OidcIssuer.User("alice", "alice-pw", Set.of("viewer", "operator"))));
    }

    @AfterEach
    void stop() {
        issuer.close();
    }

    @Test
    void findsTheTokenEndpointInTheDiscoveryDocument() throws IOException {
        OidcTokens tokens = new OidcTokens(URI.create(issuer.issuer()), "ferry-api", Duration.ofSeconds(5));
        assertThat(tokens.tokenEndpoint()).hasToString(issuer.issuer() + "/protocol/openid-connect/token");
    }

    @Test
    void keepsATokenUntilShortlyBeforeItExpiresThenFetchesANewOne() throws IOException {
        OidcTokens tokens = tokens();
        OidcTokens.Source alice = tokens.forUser(new DemoAuth.Login("alice", "alice-pw"));

        String first = alice.bearer();
        assertThat(first.split("\\.")).hasSize(3);
        clock.advance(Duration.ofMinutes(59));
        assertThat(alice.bearer()).as("an hour-long token, 59 minutes later").isSameAs(first);

        // The issuer's tokens live an hour; within the last 30 s a new one is fetched.
        clock.advance(Duration.ofSeconds(40));
        String second = alice.bearer();
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.issued()).containsExactly(first, second);
    }

    @Test
    void aRefusedTokenIsFetchedAgainAfterInvalidate() throws IOException {
        OidcTokens tokens = tokens();
        OidcTokens.Source alice = tokens.forUser(new DemoAuth.Login("alice", "alice-pw"));
        String first = alice.bearer();
        alice.invalidate();
        assertThat(alice.bearer()).isNotEqualTo(first);
    }

    @Test
    void aWrongPasswordSaysWhoButNotThePassword() {
        OidcTokens.Source alice = tokens().forUser(new DemoAuth.Login("alice", "guessed-wrong"));
        assertThatThrownBy(alice::bearer)
                .isInstanceOf(DemoException.class)
                .hasMessageStartingWith("The OIDC issuer refused a token for alice: HTTP 401 invalid_grant")
                .hasMessageNotContaining("guessed-wrong");
        assertThat(alice.toString()).doesNotContain("guessed-wrong");
        assertThat(new DemoAuth.Login("alice", "guessed-wrong").toString()).isEqualTo("Login[alice]");
    }

    @Test
    void anIssuerWhoseDiscoveryNamesAnotherIssuerIsRefused() {
        // The same server under another host name: its discovery document names 127.0.0.1.
        URI other = URI.create(issuer.issuer().replace("127.0.0.1", "localhost"));
        OidcTokens tokens = new OidcTokens(other, "ferry-api", Duration.ofSeconds(5));
        assertThatThrownBy(tokens::tokenEndpoint)
                .isInstanceOf(DemoException.class)
                .hasMessageContaining("names the issuer '" + issuer.issuer() + "'");
    }

    @Test
    void environmentOverridesTheDefaults() {
        DemoAuth defaults = DemoAuth.fromEnv(Map.of());
        assertThat(defaults.issuer()).hasToString("http://127.0.0.1:8090/realms/ferry");
        assertThat(defaults.requester().username()).isEqualTo("alice");
        assertThat(defaults.approver().username()).isEqualTo("bob");
        DemoAuth custom = DemoAuth.fromEnv(Map.of(
                "FERRY_OIDC_ISSUER", "http://localhost:8180/realms/ferry/",
                "FERRY_DEMO_REQUESTER", "carol",
                "FERRY_DEMO_REQUESTER_PASSWORD", "c",
                "FERRY_DEMO_APPROVER", "dave",
                "FERRY_DEMO_APPROVER_PASSWORD", "d"));
        assertThat(custom.issuer()).hasToString("http://localhost:8180/realms/ferry");
        assertThat(custom.requester()).isEqualTo(new DemoAuth.Login("carol", "c"));
        assertThat(custom.approver()).isEqualTo(new DemoAuth.Login("dave", "d"));
    }

    private OidcTokens tokens() {
        return new OidcTokens(URI.create(issuer.issuer()), "ferry-api", Duration.ofSeconds(5), clock);
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
