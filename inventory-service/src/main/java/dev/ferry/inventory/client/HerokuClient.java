package dev.ferry.inventory.client;

import dev.ferry.inventory.config.InventoryConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Reads a Heroku estate with the configured token, following Range pagination to the end of every
 * list.
 */
@ApplicationScoped
public class HerokuClient {
    private final HerokuRestClient api;
    private final String authorization;
    private final String firstRange;

    public HerokuClient(@RestClient HerokuRestClient api, InventoryConfig config) {
        this.api = api;
        this.authorization = "Bearer " + config.heroku().token();
        this.firstRange = "id ..; max=" + config.heroku().pageSize();
    }

    public Uni<HerokuDtos.Account> account() {
        return api.account(authorization);
    }

    public Uni<List<HerokuDtos.App>> apps() {
        return all(range -> api.apps(authorization, range));
    }

    public Uni<HerokuDtos.App> app(String nameOrId) {
        return api.app(authorization, nameOrId);
    }

    public Uni<List<HerokuDtos.Formation>> formation(String app) {
        return all(range -> api.formation(authorization, app, range));
    }

    public Uni<Map<String, String>> configVars(String app) {
        return api.configVars(authorization, app);
    }

    public Uni<List<HerokuDtos.AddOn>> addons(String app) {
        return all(range -> api.addons(authorization, app, range));
    }

    private <T> Uni<List<T>> all(Function<String, Uni<RestResponse<List<T>>>> page) {
        return collect(page, firstRange, new ArrayList<>());
    }

    private <T> Uni<List<T>> collect(Function<String, Uni<RestResponse<List<T>>>> page, String range, List<T> items) {
        return page.apply(range).flatMap(response -> {
            items.addAll(response.getEntity() == null ? List.of() : response.getEntity());
            String next = response.getHeaderString("Next-Range");
            if (response.getStatus() == 206 && next != null && !next.isBlank()) {
                return collect(page, next, items);
            }
            return Uni.createFrom().item(List.copyOf(items));
        });
    }
}
