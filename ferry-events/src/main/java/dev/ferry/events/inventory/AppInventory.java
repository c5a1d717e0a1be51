package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;
import java.util.List;
import java.util.Map;

/**
 * Everything the planner needs to know about one Heroku app. Fields added after v1 are optional: null
 * means "not discovered" (the planner asks for review), an empty list means "none".
 *
 * @param stack e.g. {@code heroku-24}
 * @param formation one entry per process type, including {@code release}
 * @param configVars names with sealed values
 * @param team the owning team's name, null for a personal app
 * @param generation {@code cedar} or {@code fir}
 * @param buildpacks buildpack names or URLs, in installation order
 * @param procfile process type to command, from the formation's commands (not the released slug's
 *     {@code process_types}: one call fewer per app keeps a discovery under 10 calls per app)
 * @param domains custom and default domains
 * @param sniEndpoints certificates served for the app's domains
 * @param logDrains log drains, including those an add-on created
 * @param features names of enabled app features, e.g. {@code preboot}
 * @param webhooks app webhook subscriptions
 * @param collaborators people with access to the app
 * @param release the current release, whether a release phase runs, recent failures
 * @param pipeline the pipeline coupling, if the app is in one
 * @param space the Private Space's name, null for the Common Runtime
 * @param acm whether Automated Certificate Management is on
 * @param maintenance whether maintenance mode is on
 */
public record AppInventory(
        String id,
        String name,
        String region,
        String stack,
        List<ProcessType> formation,
        List<ConfigVar> configVars,
        List<AddOn> addons,
        @Nullable String team,
        @Nullable String generation,
        @Nullable List<String> buildpacks,
        @Nullable Map<String, String> procfile,
        @Nullable List<Domain> domains,
        @Nullable List<SniEndpoint> sniEndpoints,
        @Nullable List<LogDrain> logDrains,
        @Nullable List<String> features,
        @Nullable List<AppWebhook> webhooks,
        @Nullable List<Collaborator> collaborators,
        @Nullable ReleaseInfo release,
        @Nullable PipelineCoupling pipeline,
        @Nullable String space,
        @Nullable Boolean acm,
        @Nullable Boolean maintenance) {

    /** The v1 shape: what the backbone discovered, everything later unknown. */
    public AppInventory(
            String id,
            String name,
            String region,
            String stack,
            List<ProcessType> formation,
            List<ConfigVar> configVars,
            List<AddOn> addons) {
        this(
                id,
                name,
                region,
                stack,
                formation,
                configVars,
                addons,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
