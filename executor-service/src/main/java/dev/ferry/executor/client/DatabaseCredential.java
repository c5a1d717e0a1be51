package dev.ferry.executor.client;

import java.util.Optional;

/**
 * One credential of an Aptible database (its default one, or e.g. Redis's {@code redis+ssl} one), so a
 * reference can ask for a type; the URL is a secret and stays out of {@link #toString()}.
 */
public record DatabaseCredential(String type, boolean isDefault, Optional<String> connectionUrl) {

    @Override
    public String toString() {
        return "DatabaseCredential[" + type + (isDefault ? ", default" : "") + "]";
    }
}
