package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.AddOnAttachment;
import dev.ferry.simulator.heroku.domain.App;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Answers add-on and attachment questions for a caller, limited to what its account can see. */
@ApplicationScoped
public class AddOnDirectory {

    private final EstateStore store;
    private final AppDirectory apps;

    public AddOnDirectory(EstateStore store, AppDirectory apps) {
        this.store = store;
        this.apps = apps;
    }

    /** Add-ons billed to or attached to any app the caller can see. */
    public List<AddOn> visibleAddOns(Caller caller) {
        AppDirectory.requireAppScope(caller);
        return store.current().addOnsVisibleTo(caller.account());
    }

    /** Add-ons attached to the app, including shared ones billed elsewhere. */
    public List<AddOn> addOnsOf(Caller caller, String appIdOrName) {
        App app = apps.app(caller, appIdOrName);
        return store.current().addOnsAttachedTo(app);
    }

    /** Attachments to any app the caller can see. */
    public List<AddOnAttachment> visibleAttachments(Caller caller) {
        AppDirectory.requireAppScope(caller);
        return store.current().attachmentsVisibleTo(caller.account());
    }

    /** Attachments to one app. */
    public List<AddOnAttachment> attachmentsOf(Caller caller, String appIdOrName) {
        App app = apps.app(caller, appIdOrName);
        return store.current().attachmentsOf(app);
    }
}
