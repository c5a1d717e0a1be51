package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.AppDetails;
import dev.ferry.simulator.heroku.domain.Estate;
import java.util.List;
import java.util.UUID;

/**
 * Log drains, app features, app webhooks and collaborators as Heroku's {@code log-drain}, {@code
 * app-feature}, {@code app-webhook} and {@code collaborator} schemas render them.
 */
public final class AppExtrasViews {

    private AppExtrasViews() {}

    /** One log drain; {@code addon} is set for drains an add-on created. */
    public record LogDrainView(
            DrainAddOn addon, Ref app, String createdAt, UUID id, String token, String updatedAt, String url) {

        /** The add-on that created the drain. */
        public record DrainAddOn(UUID id, String name, Ref app) {}

        public static LogDrainView of(AppDetails.LogDrain d, App app, Estate estate) {
            DrainAddOn addOn = d.addonId() == null
                    ? null
                    : estate.addOn(d.addonId())
                            .map(a -> new DrainAddOn(a.id(), a.name(), billing(a, estate)))
                            .orElse(null);
            return new LogDrainView(
                    addOn,
                    AppView.ref(app),
                    Times.format(d.createdAt()),
                    d.id(),
                    d.token(),
                    Times.format(d.createdAt()),
                    d.url());
        }

        private static Ref billing(AddOn addOn, Estate estate) {
            return estate.app(addOn.billingAppId()).map(AppView::ref).orElse(null);
        }
    }

    /** One app feature and whether it is enabled. */
    public record FeatureView(
            String createdAt,
            String description,
            String displayName,
            String docUrl,
            boolean enabled,
            String feedbackEmail,
            UUID id,
            String name,
            String state,
            String updatedAt) {

        public static FeatureView of(String name, App app) {
            return new FeatureView(
                    Times.format(app.createdAt()),
                    "Heroku Labs feature " + name + ".",
                    name,
                    "https://devcenter.heroku.com/articles/" + name,
                    app.details().features().contains(name),
                    "feedback@heroku.com",
                    UUID.nameUUIDFromBytes(("feature:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                    name,
                    "preboot".equals(name) ? "general" : "beta",
                    Times.format(app.updatedAt()));
        }
    }

    /** One app webhook; its signing secret is never served. */
    public record WebhookView(
            Ref app, String createdAt, UUID id, List<String> include, String level, String updatedAt, String url) {

        public static WebhookView of(AppDetails.Webhook w, App app) {
            return new WebhookView(
                    AppView.ref(app),
                    Times.format(w.createdAt()),
                    w.id(),
                    w.include(),
                    w.level(),
                    Times.format(w.createdAt()),
                    w.url());
        }
    }

    /** One collaborator. */
    public record CollaboratorView(
            Ref app,
            String createdAt,
            UUID id,
            List<Permission> permissions,
            String role,
            String updatedAt,
            User user) {

        /** A team-app permission. */
        public record Permission(String name, String description) {}

        /** The collaborating user. */
        public record User(String email, boolean federated, UUID id) {}

        public static CollaboratorView of(AppDetails.Collaborator c, App app) {
            List<Permission> permissions = app.teamOwned()
                    ? List.of(
                            new Permission("view", "Can view the app"), new Permission("deploy", "Can deploy the app"))
                    : List.of();
            return new CollaboratorView(
                    AppView.ref(app),
                    Times.format(c.createdAt()),
                    c.id(),
                    permissions,
                    c.role(),
                    Times.format(c.createdAt()),
                    new User(
                            c.email(),
                            false,
                            UUID.nameUUIDFromBytes(
                                    ("account:" + c.email()).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
    }
}
