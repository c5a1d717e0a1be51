package dev.ferry.simulator.heroku.domain;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** A bearer token issued to an account, with the scopes that limit what it may read. */
public record ApiToken(String value, UUID accountId, Set<TokenScope> scopes) {

    public ApiToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(accountId, "accountId");
        scopes = Set.copyOf(scopes);
    }

    /** Whether any scope of this token grants reading apps. */
    public boolean readsApps() {
        return scopes.stream().anyMatch(TokenScope::readsApps);
    }

    /** Whether any scope of this token exposes secrets such as config vars. */
    public boolean readsSecrets() {
        return scopes.stream().anyMatch(TokenScope::readsSecrets);
    }

    /** Whether any scope of this token allows changing apps. */
    public boolean writesApps() {
        return scopes.stream().anyMatch(TokenScope::writesApps);
    }
}
