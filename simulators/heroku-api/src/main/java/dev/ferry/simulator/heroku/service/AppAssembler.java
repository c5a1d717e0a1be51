package dev.ferry.simulator.heroku.service;

import static dev.ferry.simulator.heroku.service.EstateAssembler.DEFAULT_TIME;
import static dev.ferry.simulator.heroku.service.EstateAssembler.isBlank;
import static dev.ferry.simulator.heroku.service.EstateAssembler.orDefault;

import dev.ferry.simulator.heroku.domain.Account;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Formation;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.domain.Team;
import dev.ferry.simulator.heroku.service.EstateDocument.AppSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.FormationSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Builds apps with their formation and config vars, checking names and owners. */
final class AppAssembler {

    private static final Pattern APP_NAME = Pattern.compile("^[a-z][a-z0-9-]{1,28}[a-z0-9]$");
    private static final Pattern PROCESS_TYPE = Pattern.compile("^[-\\w]{1,128}$");
    private static final Pattern CONFIG_VAR = Pattern.compile("^\\w+$");

    private final Map<String, Account> accountsByEmail;
    private final Map<String, Team> teamsByName;
    private final List<String> problems;
    private final DetailsAssembler details;
    private final Map<String, App> appsByName = new LinkedHashMap<>();

    AppAssembler(
            Map<String, Account> accountsByEmail,
            Map<String, Team> teamsByName,
            DetailsAssembler details,
            List<String> problems) {
        this.accountsByEmail = accountsByEmail;
        this.teamsByName = teamsByName;
        this.details = details;
        this.problems = problems;
    }

    /** The valid apps by name, in estate order; problems are added to the shared list. */
    Map<String, App> assemble(List<AppSpec> specs) {
        specs.forEach(this::addApp);
        return appsByName;
    }

    private void addApp(AppSpec spec) {
        if (isBlank(spec.name()) || !APP_NAME.matcher(spec.name()).matches()) {
            problems.add("app name " + spec.name() + " does not match " + APP_NAME.pattern());
            return;
        }
        if (appsByName.containsKey(spec.name())) {
            problems.add("app " + spec.name() + " is listed twice");
            return;
        }
        UUID ownerId = null;
        UUID teamId = null;
        Team team = null;
        String ownerEmail = spec.owner();
        if ((spec.owner() == null) == (spec.team() == null)) {
            problems.add("app " + spec.name() + " needs exactly one of owner or team");
            return;
        } else if (spec.owner() != null) {
            Account owner = accountsByEmail.get(spec.owner());
            if (owner == null) {
                problems.add("app " + spec.name() + " has unknown owner " + spec.owner());
                return;
            }
            ownerId = owner.id();
        } else {
            team = teamsByName.get(spec.team());
            if (team == null) {
                problems.add("app " + spec.name() + " has unknown team " + spec.team());
                return;
            }
            teamId = team.id();
            ownerEmail = team.ownerEmail();
        }
        Instant created = orDefault(spec.createdAt(), DEFAULT_TIME);
        Instant updated = orDefault(spec.updatedAt(), created);
        Instant released = orDefault(spec.releasedAt(), updated);
        App app = new App(
                orDefault(spec.id(), Ids.derive("app", spec.name())),
                spec.name(),
                orDefault(spec.region(), "us"),
                orDefault(spec.stack(), "heroku-24"),
                orDefault(spec.generation(), "cedar"),
                ownerId,
                teamId,
                created,
                updated,
                released,
                spec.buildpackProvidedDescription(),
                Boolean.TRUE.equals(spec.maintenance()),
                spec.slugSize(),
                formation(spec, created, updated),
                configVars(spec),
                details.details(spec, team, ownerEmail, created, released));
        appsByName.put(app.name(), app);
    }

    private List<Formation> formation(AppSpec app, Instant created, Instant updated) {
        List<Formation> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FormationSpec spec : app.formation()) {
            String where = "app " + app.name() + " formation " + spec.type();
            if (spec.type() == null || !PROCESS_TYPE.matcher(spec.type()).matches()) {
                problems.add(where + ": type does not match " + PROCESS_TYPE.pattern());
            } else if (!seen.add(spec.type())) {
                problems.add(where + ": type is listed twice");
            } else if (isBlank(spec.command())) {
                problems.add(where + ": no command");
            } else if (spec.quantity() != null && spec.quantity() < 0) {
                problems.add(where + ": quantity is negative");
            } else {
                result.add(new Formation(
                        orDefault(spec.id(), Ids.derive("formation", app.name() + "/" + spec.type())),
                        spec.type(),
                        spec.command(),
                        orDefault(spec.quantity(), 1),
                        orDefault(spec.size(), "standard-1x"),
                        created,
                        updated));
            }
        }
        return result;
    }

    private Map<String, String> configVars(AppSpec app) {
        Map<String, String> result = new HashMap<>();
        app.configVars().forEach((name, value) -> {
            if (!CONFIG_VAR.matcher(name).matches()) {
                problems.add("app " + app.name() + " config var " + name + " does not match " + CONFIG_VAR.pattern());
            } else if (value == null) {
                problems.add("app " + app.name() + " config var " + name + " has no value");
            } else {
                result.put(name, value);
            }
        });
        return result;
    }
}
