package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.Account;
import dev.ferry.simulator.heroku.domain.Estate;
import java.util.UUID;

/** Body of {@code GET /account}, field for field as in Heroku's {@code account} schema. */
public record AccountView(
        boolean allowTracking,
        boolean beta,
        String createdAt,
        String email,
        boolean federated,
        UUID id,
        Object identityProvider,
        String lastLogin,
        String name,
        String smsNumber,
        String suspendedAt,
        String delinquentAt,
        boolean twoFactorAuthentication,
        String updatedAt,
        boolean verified,
        String countryOfResidence,
        Ref defaultOrganization,
        Ref defaultTeam) {

    /** Renders an account; the default team is looked up in the estate. */
    public static AccountView of(Account account, Estate estate) {
        Ref team = account.defaultTeamName() == null
                ? null
                : estate.teamNamed(account.defaultTeamName())
                        .map(t -> new Ref(t.id(), t.name()))
                        .orElse(null);
        return new AccountView(
                true,
                false,
                Times.format(account.createdAt()),
                account.email(),
                false,
                account.id(),
                null,
                Times.format(account.lastLogin()),
                account.name(),
                null,
                null,
                null,
                account.twoFactorAuthentication(),
                Times.format(account.updatedAt()),
                true,
                null,
                team,
                team);
    }
}
