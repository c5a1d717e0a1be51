package dev.ferry.common.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/** Who is calling, as the bearer token names them; the one place REST code asks. */
@ApplicationScoped
public class CurrentUser {
    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller's name ({@code preferred_username}, else the subject), or {@code anonymous}. */
    public String name() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }

    /** Whether the caller holds the role. */
    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
