package dev.ferry.simulator.heroku.service;

import static dev.ferry.simulator.heroku.service.EstateAssembler.isBlank;
import static dev.ferry.simulator.heroku.service.EstateAssembler.orDefault;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.AddOnAttachment;
import dev.ferry.simulator.heroku.domain.AddOnData;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Ids;
import dev.ferry.simulator.heroku.service.EstateDocument.AddOnSpec;
import dev.ferry.simulator.heroku.service.EstateDocument.AttachmentSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Builds add-ons and their attachments, checking that every app and config var they name exists.
 */
final class AddOnAssembler {

    private static final Pattern ADDON_NAME = Pattern.compile("^[a-zA-Z][A-Za-z0-9_-]+$");

    private final Map<String, App> appsByName;
    private final List<String> problems;
    private final Set<String> addOnNames = new HashSet<>();
    private final Set<String> attachmentKeys = new HashSet<>();

    AddOnAssembler(Map<String, App> appsByName, List<String> problems) {
        this.appsByName = appsByName;
        this.problems = problems;
    }

    List<AddOn> assemble(List<AddOnSpec> specs) {
        List<AddOn> result = new ArrayList<>();
        for (AddOnSpec spec : specs) {
            AddOn addOn = addOn(spec);
            if (addOn != null) {
                result.add(addOn);
            }
        }
        return result;
    }

    private AddOn addOn(AddOnSpec spec) {
        String where = "add-on " + spec.name();
        if (isBlank(spec.name()) || !ADDON_NAME.matcher(spec.name()).matches()) {
            problems.add(where + ": name does not match " + ADDON_NAME.pattern());
            return null;
        }
        if (!addOnNames.add(spec.name())) {
            problems.add(where + ": listed twice");
            return null;
        }
        if (isBlank(spec.service())) {
            problems.add(where + ": no service");
            return null;
        }
        if (isBlank(spec.plan()) || !spec.plan().startsWith(spec.service() + ":")) {
            problems.add(where + ": plan must look like " + spec.service() + ":<plan>");
            return null;
        }
        String billingAppName = spec.app() != null
                ? spec.app()
                : spec.attachments().isEmpty()
                        ? null
                        : spec.attachments().get(0).app();
        App billingApp = billingAppName == null ? null : appsByName.get(billingAppName);
        if (billingApp == null) {
            problems.add(where + ": unknown or missing billing app " + billingAppName);
            return null;
        }
        UUID id = orDefault(spec.id(), Ids.derive("addon", spec.name()));
        Instant created = orDefault(spec.createdAt(), billingApp.createdAt());
        List<AddOnAttachment> attachments = new ArrayList<>();
        for (AttachmentSpec attachment : spec.attachments()) {
            AddOnAttachment built = attachment(spec, id, created, attachment);
            if (built != null) {
                attachments.add(built);
            }
        }
        return new AddOn(
                id,
                spec.name(),
                spec.service(),
                spec.plan(),
                billingApp.id(),
                spec.configVars(),
                orDefault(spec.providerId(), id.toString()),
                spec.priceCents(),
                created,
                created,
                attachments,
                data(spec, where));
    }

    /** Data API facts: only Postgres and Redis add-ons have them, and only they can be backed. */
    private AddOnData data(AddOnSpec spec, String where) {
        boolean postgres = spec.service().equals("heroku-postgresql");
        boolean redis = spec.service().equals("heroku-redis");
        if (Boolean.TRUE.equals(spec.backed()) && !postgres && !redis) {
            problems.add(where + ": only heroku-postgresql and heroku-redis add-ons can be backed");
        }
        if ((spec.postgres() != null && !postgres) || (spec.redis() != null && !redis)) {
            problems.add(where + ": postgres facts need heroku-postgresql, redis facts heroku-redis");
        }
        if (spec.seed() != null
                && !spec.seed().equals("sidekiq")
                && !spec.seed().equals("cache")) {
            problems.add(where + ": seed must be sidekiq or cache");
        }
        if (postgres) {
            var pg = spec.postgres();
            return new AddOnData(
                    Boolean.TRUE.equals(spec.backed()),
                    null,
                    pg == null || pg.numBytes() == null ? 9_437_184L : pg.numBytes(),
                    pg == null || pg.numTables() == null ? 12 : pg.numTables(),
                    pg == null || pg.version() == null ? "16.4" : pg.version(),
                    pg == null ? List.of() : pg.followers(),
                    null,
                    null);
        }
        if (redis) {
            var r = spec.redis();
            return new AddOnData(
                    Boolean.TRUE.equals(spec.backed()),
                    orDefault(spec.seed(), "cache"),
                    null,
                    null,
                    r == null || r.version() == null ? "7.2.4" : r.version(),
                    List.of(),
                    r == null || r.maxmemoryPolicy() == null ? "noeviction" : r.maxmemoryPolicy(),
                    r == null || r.tls() == null ? Boolean.TRUE : r.tls());
        }
        return AddOnData.none();
    }

    private AddOnAttachment attachment(AddOnSpec addOn, UUID addOnId, Instant created, AttachmentSpec spec) {
        App app = spec.app() == null ? null : appsByName.get(spec.app());
        if (app == null) {
            problems.add("add-on " + addOn.name() + ": attachment to unknown app " + spec.app());
            return null;
        }
        String name = orDefault(spec.name(), defaultName(addOn));
        String where = "add-on " + addOn.name() + " attachment " + name + " on " + app.name();
        if (!attachmentKeys.add(app.name() + "/" + name)) {
            problems.add(where + ": the app already has an attachment with this name");
            return null;
        }
        List<String> configVars = spec.configVars() != null ? spec.configVars() : addOn.configVars();
        for (String var : configVars) {
            if (!app.configVars().containsKey(var)) {
                problems.add(where + ": provides " + var + " but the app has no such config var");
            }
        }
        return new AddOnAttachment(
                orDefault(spec.id(), Ids.derive("addon-attachment", addOn.name() + "/" + app.name() + "/" + name)),
                name,
                spec.namespace(),
                addOnId,
                app.id(),
                configVars,
                created,
                created);
    }

    /** {@code DATABASE_URL} gives {@code DATABASE}; otherwise the service name in capitals. */
    private static String defaultName(AddOnSpec addOn) {
        return addOn.configVars().stream()
                .filter(var -> var.endsWith("_URL"))
                .findFirst()
                .map(var -> var.substring(0, var.length() - "_URL".length()))
                .orElse(addOn.service().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
