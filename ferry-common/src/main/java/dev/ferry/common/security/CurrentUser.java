package dev.ferry.common.security;

import dev.ferry.common.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Set;

/** Who is calling, as the bearer token names them; the one place REST code asks. */
@ApplicationScoped
public class CurrentUser {
    private final SecurityIdentity identity;

    public CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    /**
     * Names Ferry writes as the actor of its own work (the engine's milestones, drift re-scans);
     * a person whose token carries one could pass their requests off as Ferry's.
     */
    public static final Set<String> RESERVED = Set.of("ferry", "ferry-drift", "anonymous");

    /**
     * The caller's name ({@code preferred_username}, else the subject), or {@code anonymous};
     * refuses (403) a token whose user is one of the {@link #RESERVED} names.
     */
    public String name() {
        if (identity.isAnonymous()) {
            return "anonymous";
        }
        String name = identity.getPrincipal().getName();
        if (name == null || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
            throw new ProblemException(
                    403,
                    "Forbidden",
                    "The token names the user '" + name + "', which Ferry reserves for its own work; sign in"
                            + " as a person");
        }
        return name;
    }

    /** Whether the caller holds the role. */
    public boolean has(String role) {
        return identity.hasRole(role);
    }
}
