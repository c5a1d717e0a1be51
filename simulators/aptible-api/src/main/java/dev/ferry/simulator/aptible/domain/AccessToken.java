package dev.ferry.simulator.aptible.domain;

import java.time.Instant;

/** A bearer token minted by {@code POST /tokens}. */
public record AccessToken(
        String id,
        String value,
        String userId,
        String email,
        String userName,
        String scope,
        Instant createdAt,
        Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
