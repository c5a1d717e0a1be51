package dev.ferry.simulator.heroku.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A provisioned add-on, billed to one app and attachable to several.
 *
 * @param service add-on service name, e.g. {@code heroku-postgresql}
 * @param plan plan name including the service, e.g. {@code heroku-postgresql:standard-0}
 * @param billingAppId the app the add-on is billed to
 * @param configVars config var names exposed to the billing app
 * @param priceCents monthly price in cents, or null when unknown
 * @param data Data API facts and local backing
 */
public record AddOn(
        UUID id,
        String name,
        String service,
        String plan,
        UUID billingAppId,
        List<String> configVars,
        String providerId,
        Integer priceCents,
        Instant createdAt,
        Instant updatedAt,
        List<AddOnAttachment> attachments,
        AddOnData data) {

    public AddOn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(billingAppId, "billingAppId");
        configVars = List.copyOf(configVars);
        attachments = List.copyOf(attachments);
        data = data == null ? AddOnData.none() : data;
    }
}
