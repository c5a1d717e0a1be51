package dev.ferry.simulator.aptible.rest;

import static dev.ferry.simulator.aptible.rest.JsonBodies.bool;
import static dev.ferry.simulator.aptible.rest.JsonBodies.integer;
import static dev.ferry.simulator.aptible.rest.JsonBodies.stringMap;
import static dev.ferry.simulator.aptible.rest.JsonBodies.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.OperationRequest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a {@code POST .../operations} body.
 *
 * <p>The image of a deploy may be given the ways real clients give it: {@code docker_image}, {@code
 * docker_ref}, {@code settings.APTIBLE_DOCKER_IMAGE} (CLI) or {@code env.APTIBLE_DOCKER_IMAGE}
 * (legacy).
 */
public final class OperationBodies {

    private static final String IMAGE_KEY = "APTIBLE_DOCKER_IMAGE";

    private OperationBodies() {}

    public static OperationRequest read(ObjectNode body) {
        Map<String, String> env = stringMap(body, "env");
        Map<String, String> settings = stringMap(body, "settings");
        stringMap(body, "sensitive_settings");
        String image = text(body, "docker_image");
        if (image == null) {
            image = text(body, "docker_ref");
        }
        if (image == null && settings != null) {
            image = settings.get(IMAGE_KEY);
        }
        if (image == null && env != null) {
            image = env.get(IMAGE_KEY);
        }
        Integer count = integer(body, "container_count");
        Integer size = integer(body, "container_size");
        if (count != null && count < 0) {
            throw ApiException.unprocessable("container_count must not be negative");
        }
        Integer disk = integer(body, "disk_size");
        if (disk != null && disk <= 0) {
            throw ApiException.unprocessable("disk_size must be positive");
        }
        if (size != null && size <= 0) {
            throw ApiException.unprocessable("container_size must be positive");
        }
        return new OperationRequest(
                text(body, "type"),
                env == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(env)),
                text(body, "git_ref"),
                image == null || image.isBlank() ? null : image,
                count,
                size,
                text(body, "instance_profile"),
                text(body, "command"),
                text(body, "handle"),
                bool(body, "interactive"),
                text(body, "procfile"),
                integer(body, "disk_size"),
                settings == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(settings)));
    }
}
