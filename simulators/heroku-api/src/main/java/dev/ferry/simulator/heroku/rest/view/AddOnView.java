package dev.ferry.simulator.heroku.rest.view;

import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import dev.ferry.simulator.heroku.domain.Team;
import java.util.List;
import java.util.UUID;

/** An add-on as Heroku's {@code add-on} schema renders it. */
public record AddOnView(
        List<Object> actions,
        Ref addonService,
        BillingEntity billingEntity,
        Ref app,
        BilledPrice billedPrice,
        List<String> configVars,
        String createdAt,
        UUID id,
        String name,
        Ref plan,
        String providerId,
        String state,
        String updatedAt,
        String webUrl) {

    /** Who pays: the billing app, or its team for team apps. */
    public record BillingEntity(UUID id, String name, String type) {}

    /** Price per unit of time. */
    public record BilledPrice(int cents, boolean contract, String unit) {}

    public static AddOnView of(AddOn addOn, Estate estate) {
        App billingApp = estate.app(addOn.billingAppId()).orElseThrow();
        Team team = estate.team(billingApp.teamId()).orElse(null);
        BillingEntity billing = team != null
                ? new BillingEntity(team.id(), team.name(), "team")
                : new BillingEntity(billingApp.id(), billingApp.name(), "app");
        return new AddOnView(
                List.of(),
                AppView.named("addon-service", addOn.service()),
                billing,
                AppView.ref(billingApp),
                addOn.priceCents() == null ? null : new BilledPrice(addOn.priceCents(), false, "month"),
                addOn.configVars(),
                Times.format(addOn.createdAt()),
                addOn.id(),
                addOn.name(),
                AppView.named("plan", addOn.plan()),
                addOn.providerId(),
                "provisioned",
                Times.format(addOn.updatedAt()),
                webUrl(billingApp, addOn));
    }

    /** The dashboard SSO link Heroku gives for an add-on in an app's context. */
    static String webUrl(App app, AddOn addOn) {
        return "https://addons-sso.heroku.com/apps/" + app.id() + "/addons/" + addOn.id();
    }
}
