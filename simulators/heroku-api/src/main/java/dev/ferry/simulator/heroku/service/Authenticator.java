package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Optional;

/** Resolves an {@code Authorization: Bearer} header to the account that owns the token. */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "bearer ";

    private final EstateStore store;

    public Authenticator(EstateStore store) {
        this.store = store;
    }

    /** The caller for the header, or empty when it is missing, malformed or unknown. */
    public Optional<Caller> authenticate(String authorization) {
        if (authorization == null
                || authorization.length() <= BEARER.length()
                || !authorization
                        .substring(0, BEARER.length())
                        .toLowerCase(Locale.ROOT)
                        .equals(BEARER)) {
            return Optional.empty();
        }
        String value = authorization.substring(BEARER.length()).trim();
        Estate estate = store.current();
        return estate.token(value)
                .flatMap(token -> estate.account(token.accountId()).map(account -> new Caller(account, token)));
    }
}
