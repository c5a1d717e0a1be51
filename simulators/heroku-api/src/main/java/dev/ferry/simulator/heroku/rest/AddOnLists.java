package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.AddOnAttachment;
import dev.ferry.simulator.heroku.rest.view.AddOnView;
import dev.ferry.simulator.heroku.rest.view.AttachmentView;
import dev.ferry.simulator.heroku.service.AppDirectory;
import dev.ferry.simulator.heroku.service.Paginator;
import dev.ferry.simulator.heroku.service.RangeField;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/**
 * Renders add-on and attachment lists the same way for the account-wide and per-app endpoints.
 * Attachment names repeat across apps, so account-wide attachment lists range by {@code id} only.
 */
@Singleton
public class AddOnLists {

    static final List<RangeField<AddOn>> ADDON_RANGES =
            List.of(new RangeField<>("id", addOn -> addOn.id().toString()), new RangeField<>("name", AddOn::name));

    static final RangeField<AddOnAttachment> ATTACHMENT_BY_ID =
            new RangeField<>("id", attachment -> attachment.id().toString());
    static final List<RangeField<AddOnAttachment>> ACCOUNT_ATTACHMENT_RANGES = List.of(ATTACHMENT_BY_ID);
    static final List<RangeField<AddOnAttachment>> APP_ATTACHMENT_RANGES =
            List.of(ATTACHMENT_BY_ID, new RangeField<>("name", AddOnAttachment::name));

    private final AppDirectory apps;

    public AddOnLists(AppDirectory apps) {
        this.apps = apps;
    }

    Response addOns(List<AddOn> list, String range) {
        var estate = apps.estate();
        return ListResponses.of(Paginator.paginate(list, range, ADDON_RANGES), a -> AddOnView.of(a, estate));
    }

    Response attachments(
            List<AddOnAttachment> list, String range, List<RangeField<AddOnAttachment>> fields, String inclusion) {
        var estate = apps.estate();
        boolean configVars = includesConfigVars(inclusion);
        return ListResponses.of(
                Paginator.paginate(list, range, fields),
                attachment -> AttachmentView.of(attachment, estate, configVars));
    }

    /** {@code Accept-Inclusion: addon:plan,config_vars} asks for each attachment's var names. */
    static boolean includesConfigVars(String inclusion) {
        return inclusion != null
                && Arrays.stream(inclusion.split(",")).map(String::trim).anyMatch("config_vars"::equals);
    }
}
