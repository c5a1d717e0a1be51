package dev.ferry.simulator.heroku.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The whole simulated Heroku world, immutable and indexed for the lookups the API needs. */
public final class Estate {

    private final Map<UUID, Account> accounts;
    private final Map<String, ApiToken> tokens;
    private final Map<UUID, Team> teams;
    private final Map<UUID, App> apps;
    private final Map<UUID, AddOn> addOns;
    private final Map<UUID, Space> spaces;
    private final Map<UUID, Pipeline> pipelines;

    public Estate(
            Collection<Account> accounts,
            Collection<ApiToken> tokens,
            Collection<Team> teams,
            Collection<App> apps,
            Collection<AddOn> addOns,
            Collection<Space> spaces,
            Collection<Pipeline> pipelines) {
        this.accounts = index(accounts, Account::id);
        this.tokens = index(tokens, ApiToken::value);
        this.teams = index(teams, Team::id);
        this.apps = index(apps, App::id);
        this.addOns = index(addOns, AddOn::id);
        this.spaces = index(spaces, Space::id);
        this.pipelines = index(pipelines, Pipeline::id);
    }

    /** The same estate with one app replaced by a changed copy (same id). */
    public Estate withApp(App changed) {
        Map<UUID, App> replaced = new LinkedHashMap<>(apps);
        if (replaced.put(changed.id(), changed) == null) {
            throw new IllegalArgumentException("no app " + changed.id());
        }
        return new Estate(
                accounts.values(),
                tokens.values(),
                teams.values(),
                replaced.values(),
                addOns.values(),
                spaces.values(),
                pipelines.values());
    }

    public List<Space> spaces() {
        return List.copyOf(spaces.values());
    }

    public List<Pipeline> pipelines() {
        return List.copyOf(pipelines.values());
    }

    public Optional<Space> space(UUID id) {
        return Optional.ofNullable(id == null ? null : spaces.get(id));
    }

    /** A space by id or name. */
    public Optional<Space> spaceByIdOrName(String idOrName) {
        return spaces.values().stream()
                .filter(s -> s.name().equals(idOrName) || s.id().toString().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    /** A team by id or name. */
    public Optional<Team> teamByIdOrName(String idOrName) {
        return teams.values().stream()
                .filter(t -> t.name().equals(idOrName) || t.id().toString().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    /** An add-on by id or name. */
    public Optional<AddOn> addOnByIdOrName(String idOrName) {
        return addOns.values().stream()
                .filter(a -> a.name().equals(idOrName) || a.id().toString().equalsIgnoreCase(idOrName))
                .findFirst();
    }

    /** Teams the account is a member of. */
    public List<Team> teamsOf(Account account) {
        return teams.values().stream()
                .filter(t -> t.memberIds().contains(account.id()))
                .toList();
    }

    /** Spaces of teams the account is a member of. */
    public List<Space> spacesVisibleTo(Account account) {
        return spaces.values().stream()
                .filter(s -> team(s.teamId())
                        .map(t -> t.memberIds().contains(account.id()))
                        .orElse(false))
                .toList();
    }

    /** Pipelines with at least one app the account can see. */
    public List<Pipeline> pipelinesVisibleTo(Account account) {
        return pipelines.values().stream()
                .filter(p -> p.couplings().stream().anyMatch(c -> canSeeApp(account, c.appId())))
                .toList();
    }

    private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> key) {
        return values.stream()
                .collect(Collectors.toMap(
                        key,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalArgumentException("duplicate key " + key.apply(a));
                        },
                        LinkedHashMap::new));
    }

    public List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    public List<App> apps() {
        return List.copyOf(apps.values());
    }

    public List<AddOn> addOns() {
        return List.copyOf(addOns.values());
    }

    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    /** The token with exactly this value. */
    public Optional<ApiToken> token(String value) {
        return Optional.ofNullable(tokens.get(value));
    }

    public Optional<Account> account(UUID id) {
        return Optional.ofNullable(accounts.get(id));
    }

    public Optional<Team> team(UUID id) {
        return Optional.ofNullable(id == null ? null : teams.get(id));
    }

    /** Finds a team by name, used for an account's default team. */
    public Optional<Team> teamNamed(String name) {
        return teams.values().stream().filter(team -> team.name().equals(name)).findFirst();
    }

    public Optional<App> app(UUID id) {
        return Optional.ofNullable(apps.get(id));
    }

    /** Resolves an app by id or by name, as Heroku path parameters allow both. */
    public Optional<App> appByIdOrName(String idOrName) {
        Optional<UUID> id = parseUuid(idOrName);
        if (id.isPresent()) {
            return app(id.get());
        }
        return apps.values().stream().filter(app -> app.name().equals(idOrName)).findFirst();
    }

    /** Whether the account owns the app or is a member of the team that owns it. */
    public boolean canSee(Account account, App app) {
        if (!app.teamOwned()) {
            return account.id().equals(app.ownerId());
        }
        return team(app.teamId()).map(t -> t.memberIds().contains(account.id())).orElse(false);
    }

    /** Apps the account can see, in estate order. */
    public List<App> appsVisibleTo(Account account) {
        return apps.values().stream().filter(app -> canSee(account, app)).toList();
    }

    /** Add-ons that are billed to or attached to an app the account can see. */
    public List<AddOn> addOnsVisibleTo(Account account) {
        return addOns.values().stream()
                .filter(addOn -> app(addOn.billingAppId())
                                .map(app -> canSee(account, app))
                                .orElse(false)
                        || addOn.attachments().stream().anyMatch(a -> canSeeApp(account, a.appId())))
                .toList();
    }

    /** Add-ons attached to the app, including ones billed to another app. */
    public List<AddOn> addOnsAttachedTo(App app) {
        return addOns.values().stream()
                .filter(addOn ->
                        addOn.attachments().stream().anyMatch(a -> a.appId().equals(app.id())))
                .toList();
    }

    /** Attachments whose app the account can see. */
    public List<AddOnAttachment> attachmentsVisibleTo(Account account) {
        return addOns.values().stream()
                .flatMap(addOn -> addOn.attachments().stream())
                .filter(a -> canSeeApp(account, a.appId()))
                .toList();
    }

    /** Attachments that expose add-ons to this app. */
    public List<AddOnAttachment> attachmentsOf(App app) {
        return addOns.values().stream()
                .flatMap(addOn -> addOn.attachments().stream())
                .filter(a -> a.appId().equals(app.id()))
                .sorted(Comparator.comparing(AddOnAttachment::name))
                .toList();
    }

    public Optional<AddOn> addOn(UUID id) {
        return Optional.ofNullable(addOns.get(id));
    }

    private boolean canSeeApp(Account account, UUID appId) {
        return app(appId).map(app -> canSee(account, app)).orElse(false);
    }

    private static Optional<UUID> parseUuid(String value) {
        if (value == null || value.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
