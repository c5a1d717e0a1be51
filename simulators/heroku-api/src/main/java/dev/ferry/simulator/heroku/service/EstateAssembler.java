package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.Account;
import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.ApiToken;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Pipeline;
import dev.ferry.simulator.heroku.domain.Space;
import dev.ferry.simulator.heroku.domain.Team;
import dev.ferry.simulator.heroku.domain.TokenScope;
import dev.ferry.simulator.heroku.service.EstateDocument.AccountSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.TeamSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.TokenSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Turns an {@link EstateDocument} into an {@link Estate}, filling defaults and checking links. */
public final class EstateAssembler {

    /** Timestamp used when the estate gives none, so output stays identical run to run. */
    public static final Instant DEFAULT_TIME = Instant.parse("2020-01-01T00:00:00Z");

    private final String source;
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Account> accountsByEmail = new LinkedHashMap<>();
    private final Map<String, Team> teamsByName = new LinkedHashMap<>();
    private final List<ApiToken> tokens = new ArrayList<>();

    private EstateAssembler(String source) {
        this.source = source;
    }

    /**
     * Builds the estate or throws listing every problem.
     *
     * @param source where the document came from, for error messages
     */
    public static Estate assemble(String source, EstateDocument document) {
        return new EstateAssembler(source).build(document);
    }

    private Estate build(EstateDocument document) {
        document.accounts().forEach(this::addAccount);
        document.teams().forEach(this::addTeam);
        document.accounts().forEach(this::checkDefaultTeam);
        NetworkAssembler network = new NetworkAssembler(teamsByName, problems);
        Map<String, Space> spaces = network.spaces(document.spaces());
        Map<String, UUID> addOnIds = new LinkedHashMap<>();
        document.addons().stream()
                .filter(a -> a.name() != null)
                .forEach(a -> addOnIds.put(a.name(), orDefault(a.id(), Ids.derive("addon", a.name()))));
        DetailsAssembler details = new DetailsAssembler(spaces, addOnIds, problems);
        Map<String, App> appsByName =
                new AppAssembler(accountsByEmail, teamsByName, details, problems).assemble(document.apps());
        List<AddOn> addOns = new AddOnAssembler(appsByName, problems).assemble(document.addons());
        List<Pipeline> pipelines = network.pipelines(document.pipelines(), appsByName);
        if (accountsByEmail.isEmpty()) {
            problems.add("the estate has no accounts");
        }
        if (!problems.isEmpty()) {
            throw new EstateInvalidException(source, problems);
        }
        try {
            return new Estate(
                    accountsByEmail.values(),
                    tokens,
                    teamsByName.values(),
                    appsByName.values(),
                    addOns,
                    spaces.values(),
                    pipelines);
        } catch (IllegalArgumentException e) {
            throw new EstateInvalidException(source, List.of(e.getMessage()));
        }
    }

    private void addAccount(AccountSpec spec) {
        if (isBlank(spec.email())) {
            problems.add("an account has no email");
            return;
        }
        if (accountsByEmail.containsKey(spec.email())) {
            problems.add("account " + spec.email() + " is listed twice");
            return;
        }
        Instant created = orDefault(spec.createdAt(), DEFAULT_TIME);
        Instant updated = orDefault(spec.updatedAt(), created);
        Account account = new Account(
                orDefault(spec.id(), Ids.derive("account", spec.email())),
                spec.email(),
                spec.name(),
                created,
                updated,
                orDefault(spec.lastLogin(), updated),
                Boolean.TRUE.equals(spec.twoFactorAuthentication()),
                spec.defaultTeam());
        accountsByEmail.put(account.email(), account);
        if (spec.tokens().isEmpty()) {
            problems.add("account " + spec.email() + " has no tokens");
        }
        spec.tokens().forEach(token -> addToken(account, token));
    }

    private void addToken(Account account, TokenSpec spec) {
        String where = "a token of account " + account.email();
        if (isBlank(spec.token())) {
            problems.add(where + " has no value");
            return;
        }
        if (tokens.stream().anyMatch(t -> t.value().equals(spec.token()))) {
            problems.add(where + " reuses token value " + spec.token());
            return;
        }
        if (spec.scope().isEmpty()) {
            problems.add(where + " has no scope");
            return;
        }
        Set<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String scope : spec.scope()) {
            try {
                scopes.add(TokenScope.fromWireName(scope));
            } catch (IllegalArgumentException e) {
                problems.add(where + " has an unknown scope: " + scope);
                return;
            }
        }
        tokens.add(new ApiToken(spec.token(), account.id(), scopes));
    }

    private void addTeam(TeamSpec spec) {
        if (isBlank(spec.name())) {
            problems.add("a team has no name");
            return;
        }
        if (teamsByName.containsKey(spec.name())) {
            problems.add("team " + spec.name() + " is listed twice");
            return;
        }
        Set<UUID> members = new LinkedHashSet<>();
        for (String email : spec.members()) {
            Account member = accountsByEmail.get(email);
            if (member == null) {
                problems.add("team " + spec.name() + " lists unknown member " + email);
            } else {
                members.add(member.id());
            }
        }
        teamsByName.put(
                spec.name(),
                new Team(
                        orDefault(spec.id(), Ids.derive("team", spec.name())),
                        spec.name(),
                        orDefault(spec.createdAt(), DEFAULT_TIME),
                        members));
    }

    private void checkDefaultTeam(AccountSpec spec) {
        if (spec.defaultTeam() == null || spec.email() == null) {
            return;
        }
        Team team = teamsByName.get(spec.defaultTeam());
        Account account = accountsByEmail.get(spec.email());
        if (team == null) {
            problems.add("account " + spec.email() + " has unknown default team " + spec.defaultTeam());
        } else if (account != null && !team.memberIds().contains(account.id())) {
            problems.add("account " + spec.email() + " is not a member of its default team " + spec.defaultTeam());
        }
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static <T> T orDefault(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
