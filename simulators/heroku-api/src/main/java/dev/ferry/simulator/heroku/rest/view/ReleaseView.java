package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.AppDetails;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Ids;
import java.util.List;
import java.util.UUID;

/**
 * A release as Heroku's {@code release} schema renders it. {@code output_stream_url} is set when a
 * release command ran; {@code current} marks the newest succeeded release.
 */
public record ReleaseView(
        List<String> addonPlanNames,
        Ref app,
        List<Artifact> artifacts,
        String createdAt,
        boolean current,
        String description,
        boolean eligibleForRollback,
        UUID id,
        String outputStreamUrl,
        IdRef slug,
        String status,
        String updatedAt,
        User user,
        int version) {

    /** What the release runs. */
    public record Artifact(String type, UUID id) {}

    /** An {@code {id}} reference. */
    public record IdRef(UUID id) {}

    /** The user who created the release. */
    public record User(UUID id, String email) {}

    public static ReleaseView of(AppDetails.Release r, App app, Estate estate) {
        int currentVersion = app.details().releases().stream()
                .filter(x -> x.status().equals("succeeded"))
                .mapToInt(AppDetails.Release::version)
                .max()
                .orElse(-1);
        UUID slug = Ids.derive("slug", app.name() + "/" + r.version());
        boolean fir = "fir".equals(app.generation());
        return new ReleaseView(
                estate.addOnsAttachedTo(app).stream().map(AddOn::plan).sorted().toList(),
                AppView.ref(app),
                List.of(new Artifact(fir ? "oci-image" : "slug", slug)),
                Times.format(r.createdAt()),
                r.version() == currentVersion,
                r.description(),
                r.status().equals("succeeded") && r.version() != currentVersion,
                r.id(),
                r.releasePhase() ? "https://busl.heroku.com/streams/" + r.id() : null,
                fir ? null : new IdRef(slug),
                r.status(),
                Times.format(r.createdAt()),
                new User(Ids.derive("account", r.userEmail()), r.userEmail()),
                r.version());
    }
}
