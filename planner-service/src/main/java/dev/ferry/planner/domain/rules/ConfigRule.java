package dev.ferry.planner.domain.rules;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.AppInventory;
import dev.ferry.events.inventory.ConfigVar;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Config vars become environment variables: variables of database add-ons point at the Aptible
 * database ({@code database:<handle>}, resolved by the executor; {@code credential.<NAME>} names the
 * credential when it must not be the default one, e.g. Redis over TLS), {@code SECRET_KEY_BASE} and
 * external credentials are carried sealed, variables Heroku manages (or that a log drain or a
 * replacement makes obsolete) are dropped with a note.
 */
public final class ConfigRule {

    /**
     * The decision for every variable.
     *
     * @param references variable name to {@code database:<handle>}
     * @param credentials referencing variable name to the type of the database credential whose URL it
     *     gets, where that is not the default credential (Redis over TLS)
     * @param carried variable names carried sealed
     * @param dropped variable name to why it is dropped
     */
    public record Config(
            Map<String, String> references,
            Map<String, String> credentials,
            TreeSet<String> carried,
            Map<String, String> dropped) {

        /** Sets the {@code env.<NAME>} references and their {@code credential.<NAME>} on a configure-app step. */
        public void referTo(Step step) {
            references.forEach((name, ref) -> step.param("env." + name, ref));
            credentials.forEach((name, type) -> step.param("credential." + name, type));
        }

        /** Says which variables get a credential other than the default, or nothing. */
        String credentialNote() {
            if (credentials.isEmpty()) {
                return "";
            }
            TreeMap<String, TreeSet<String>> byType = new TreeMap<>();
            credentials.forEach((name, type) ->
                    byType.computeIfAbsent(type, t -> new TreeSet<>()).add(name));
            StringBuilder note = new StringBuilder();
            byType.forEach((type, names) -> note.append(" ")
                    .append(String.join(", ", names))
                    .append(names.size() == 1 ? " gets" : " get")
                    .append(" the connection URL of the database's ")
                    .append(type)
                    .append(" credential (TLS), as on Heroku."));
            return note.toString();
        }
    }

    private ConfigRule() {}

    public static Config decide(EstateContext context, AppInventory app) {
        Map<String, AddOn> owner = new TreeMap<>();
        for (AddOn addon : AddonRule.sorted(app.addons())) {
            addon.configVars().forEach(name -> owner.putIfAbsent(name, addon));
        }
        TreeMap<String, String> references = new TreeMap<>();
        TreeMap<String, String> credentials = new TreeMap<>();
        TreeSet<String> carried = new TreeSet<>();
        TreeMap<String, String> dropped = new TreeMap<>();
        for (ConfigVar var : app.configVars()) {
            String name = var.name();
            AddOn addon = owner.get(name);
            if (addon != null) {
                AddonCatalogue.Entry entry = AddonCatalogue.lookup(addon.service());
                switch (entry.action()) {
                    case APTIBLE_DATABASE -> {
                        EstateContext.DatabaseTarget target =
                                context.database(addon).orElseThrow();
                        references.put(name, "database:" + target.handle());
                        if ("redis".equals(target.engine()) && RedisRule.tls(addon, name)) {
                            credentials.put(name, RedisRule.TLS_CREDENTIAL);
                        }
                    }
                    case LOG_DRAIN -> dropped.put(name, "the log drain replaces " + addon.name());
                    case REPLACE -> dropped.put(name, "set by what replaces " + addon.name());
                    default -> carried.add(name);
                }
            } else if (name.startsWith("HEROKU_") || name.equals("DYNO")) {
                dropped.put(name, "managed by Heroku");
            } else if (name.equals("PORT")) {
                dropped.put(name, "the Dockerfile sets PORT");
            } else {
                carried.add(name);
            }
        }
        return new Config(references, credentials, carried, dropped);
    }

    public static Step step(EstateContext context, AppInventory app, Config config) {
        Step step = Step.of(
                        Ids.configure(app.name()), StepTypes.CONFIGURE_APP, "Set the configuration of " + app.name())
                .app(app.name())
                .wave(context.wave(app.name()))
                .after(Ids.app(app.name()))
                .param("app", app.name());
        config.referTo(step);
        context.databasesOf(app.name()).forEach(db -> step.after(Ids.database(db.handle())));
        for (ConfigVar var : app.configVars()) {
            if (config.carried().contains(var.name())) {
                step.secret(var.name(), var.value());
            }
        }
        step.reason(reason(config));
        return step;
    }

    static String reason(Config config) {
        StringBuilder reason = new StringBuilder("Config vars carry over as environment variables (")
                .append(config.carried().size())
                .append(" carried sealed");
        if (config.carried().contains("SECRET_KEY_BASE")) {
            reason.append(", SECRET_KEY_BASE among them so sessions and signed cookies survive");
        }
        reason.append(").");
        if (!config.references().isEmpty()) {
            reason.append(" ")
                    .append(String.join(", ", config.references().keySet()))
                    .append(" point at the Aptible databases that replace the Heroku add-ons (check sslmode and"
                            + " connection pool settings).")
                    .append(config.credentialNote());
        }
        if (!config.dropped().isEmpty()) {
            TreeMap<String, TreeSet<String>> byWhy = new TreeMap<>();
            config.dropped()
                    .forEach((name, why) ->
                            byWhy.computeIfAbsent(why, w -> new TreeSet<>()).add(name));
            byWhy.forEach((why, names) -> reason.append(" Dropped ")
                    .append(String.join(", ", names))
                    .append(": ")
                    .append(why)
                    .append("."));
        }
        return reason.toString();
    }
}
