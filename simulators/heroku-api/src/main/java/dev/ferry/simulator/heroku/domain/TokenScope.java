package dev.ferry.simulator.heroku.domain;

import java.util.Arrays;
import java.util.Locale;

/** Heroku OAuth scopes, which decide what a token may read. */
public enum TokenScope {
    GLOBAL("global"),
    IDENTITY("identity"),
    READ("read"),
    WRITE("write"),
    READ_PROTECTED("read-protected"),
    WRITE_PROTECTED("write-protected");

    private final String wireName;

    TokenScope(String wireName) {
        this.wireName = wireName;
    }

    /** The scope as Heroku spells it, e.g. {@code read-protected}. */
    public String wireName() {
        return wireName;
    }

    /** Parses a Heroku scope name. */
    public static TokenScope fromWireName(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scope -> scope.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown token scope: " + value));
    }

    /** Whether this scope grants read access to apps and their non-secret resources. */
    public boolean readsApps() {
        return this != IDENTITY;
    }

    /** Whether this scope exposes runtime secrets such as config vars. */
    public boolean readsSecrets() {
        return this == GLOBAL || this == READ_PROTECTED || this == WRITE_PROTECTED;
    }

    /** Whether this scope allows changing apps (maintenance, scaling, backups). */
    public boolean writesApps() {
        return this == GLOBAL || this == WRITE || this == WRITE_PROTECTED;
    }
}
