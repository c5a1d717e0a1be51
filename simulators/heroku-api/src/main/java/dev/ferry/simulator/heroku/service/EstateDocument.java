package dev.ferry.simulator.heroku.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The estate file as written by a person: names instead of ids, optional fields left out. Keys are
 * snake_case in JSON. {@link EstateAssembler} turns it into a validated {@code Estate}.
 *
 * @param description free text for the reader of the file, ignored by the simulator
 */
public record EstateDocument(
        String description,
        List<AccountSpec> accounts,
        List<TeamSpec> teams,
        List<AppSpec> apps,
        List<AddOnSpec> addons) {

    public EstateDocument {
        accounts = orEmpty(accounts);
        teams = orEmpty(teams);
        apps = orEmpty(apps);
        addons = orEmpty(addons);
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A user account and the API tokens issued to it. */
    public record AccountSpec(
            UUID id,
            String email,
            String name,
            Instant createdAt,
            Instant updatedAt,
            Instant lastLogin,
            Boolean twoFactorAuthentication,
            String defaultTeam,
            List<TokenSpec> tokens) {

        public AccountSpec {
            tokens = orEmpty(tokens);
        }
    }

    /** A bearer token; {@code scope} lists Heroku OAuth scopes such as {@code global}. */
    public record TokenSpec(String token, List<String> scope, String description) {

        public TokenSpec {
            scope = orEmpty(scope);
        }
    }

    /** A team and the emails of its member accounts. */
    public record TeamSpec(UUID id, String name, Instant createdAt, List<String> members) {

        public TeamSpec {
            members = orEmpty(members);
        }
    }

    /** An app; exactly one of {@code owner} (account email) or {@code team} (team name). */
    public record AppSpec(
            UUID id,
            String name,
            String region,
            String stack,
            String generation,
            String owner,
            String team,
            Instant createdAt,
            Instant updatedAt,
            Instant releasedAt,
            String buildpackProvidedDescription,
            Boolean maintenance,
            Long slugSize,
            List<FormationSpec> formation,
            Map<String, String> configVars) {

        public AppSpec {
            formation = orEmpty(formation);
            configVars = configVars == null ? Map.of() : configVars;
        }
    }

    /** One process type of an app's formation. */
    public record FormationSpec(UUID id, String type, String command, Integer quantity, String size) {}

    /**
     * An add-on; {@code app} is the billing app (default: the first attachment's app) and {@code
     * config_vars} the names it exposes to that app.
     */
    public record AddOnSpec(
            UUID id,
            String name,
            String service,
            String plan,
            String app,
            List<String> configVars,
            String providerId,
            Integer priceCents,
            Instant createdAt,
            List<AttachmentSpec> attachments) {

        public AddOnSpec {
            configVars = orEmpty(configVars);
            attachments = orEmpty(attachments);
        }
    }

    /**
     * An attachment of the enclosing add-on to an app; {@code config_vars} defaults to the
     * add-on's.
     */
    public record AttachmentSpec(UUID id, String app, String name, String namespace, List<String> configVars) {}
}
