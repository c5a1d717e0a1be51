package dev.ferry.simulator.heroku.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code n} generated apps to an estate document so benchmarks can read a large account. The
 * same {@code n} always yields the same apps, values and (derived) ids.
 */
final class GeneratedApps {

    private GeneratedApps() {}

    /** The document with {@code count} apps {@code gen-app-00001}... owned by its first account. */
    static EstateDocument addTo(EstateDocument document, int count) {
        if (count <= 0) {
            return document;
        }
        if (document.accounts().isEmpty()) {
            throw new IllegalArgumentException("generated apps need an account in the estate to own them");
        }
        String owner = document.accounts().get(0).email();
        List<EstateDocument.AppSpec> apps = new ArrayList<>(document.apps());
        List<EstateDocument.AddOnSpec> addons = new ArrayList<>(document.addons());
        for (int i = 1; i <= count; i++) {
            String name = String.format("gen-app-%05d", i);
            Map<String, String> vars = new LinkedHashMap<>();
            vars.put("DATABASE_URL", "postgres://u" + i + ":FAKE-pw-" + i + "@db-" + i + ".example:5432/d" + i);
            vars.put("SECRET_KEY_BASE", "FAKE-secret-" + Integer.toHexString(i * 7919));
            vars.put("RAILS_ENV", "production");
            vars.put("WEB_CONCURRENCY", Integer.toString(1 + i % 4));
            apps.add(new EstateDocument.AppSpec(
                    null,
                    name,
                    i % 5 == 0 ? "eu" : "us",
                    null,
                    null,
                    owner,
                    null,
                    null,
                    null,
                    null,
                    "Ruby",
                    false,
                    50_000_000L + i,
                    List.of(
                            new EstateDocument.FormationSpec(
                                    null, "web", "bundle exec puma -C config/puma.rb", 1 + i % 3, "standard-1x"),
                            new EstateDocument.FormationSpec(
                                    null, "worker", "bundle exec sidekiq", i % 2, "standard-2x")),
                    vars));
            addons.add(new EstateDocument.AddOnSpec(
                    null,
                    "postgresql-" + name,
                    "heroku-postgresql",
                    "heroku-postgresql:standard-0",
                    name,
                    List.of("DATABASE_URL"),
                    null,
                    5000,
                    null,
                    List.of(new EstateDocument.AttachmentSpec(null, name, "DATABASE", null, null))));
        }
        return new EstateDocument(document.description(), document.accounts(), document.teams(), apps, addons);
    }
}
