package dev.ferry.inventory.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The fields of Heroku Platform API v3 resources that discovery reads, named as the API names them.
 */
public final class HerokuDtos {
    private HerokuDtos() {}

    /** {@code GET /account}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Account(String id, String email) {}

    /** A {@code {id, name}} reference to another resource. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ref(String id, String name) {}

    /** {@code GET /apps/{app}}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record App(String id, String name, Ref region, Ref stack, Ref team) {}

    /** {@code GET /apps/{app}/formation}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Formation(String id, String type, String command, int quantity, String size) {}

    /** {@code GET /apps/{app}/addons}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AddOn(
            String id,
            String name,
            @JsonProperty("addon_service") Ref addonService,
            Ref plan,
            @JsonProperty("config_vars") List<String> configVars) {}

    /** {@code GET /account/rate-limits}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RateLimits(int remaining) {}

    /** Heroku's error body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Error(String id, String message) {}
}
