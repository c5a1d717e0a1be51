package dev.ferry.simulator.heroku.rest.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.AddOnAttachment;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import java.util.List;
import java.util.UUID;

/**
 * An attachment as Heroku's {@code add-on-attachment} schema renders it. {@code config_vars} is
 * only present when asked for with {@code Accept-Inclusion: config_vars}, as on Heroku.
 */
public record AttachmentView(
        AttachedAddOn addon,
        Ref app,
        String createdAt,
        UUID id,
        String name,
        String namespace,
        String updatedAt,
        String webUrl,
        String logInputUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<String> configVars) {

    /** The attached add-on with its billing app. */
    public record AttachedAddOn(UUID id, String name, Ref app) {}

    /**
     * Renders an attachment.
     *
     * @param includeConfigVars whether the client asked for {@code config_vars}
     */
    public static AttachmentView of(AddOnAttachment attachment, Estate estate, boolean includeConfigVars) {
        AddOn addOn = estate.addOn(attachment.addOnId()).orElseThrow();
        App billingApp = estate.app(addOn.billingAppId()).orElseThrow();
        App app = estate.app(attachment.appId()).orElseThrow();
        return new AttachmentView(
                new AttachedAddOn(addOn.id(), addOn.name(), AppView.ref(billingApp)),
                AppView.ref(app),
                Times.format(attachment.createdAt()),
                attachment.id(),
                attachment.name(),
                attachment.namespace(),
                Times.format(attachment.updatedAt()),
                AddOnView.webUrl(app, addOn),
                null,
                includeConfigVars ? attachment.configVars() : null);
    }
}
