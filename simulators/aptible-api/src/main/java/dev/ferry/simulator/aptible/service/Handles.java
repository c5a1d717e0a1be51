package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import java.util.regex.Pattern;

/** Validates handles the way the API does: lowercase letters, digits, '-', '_' and '.'. */
public final class Handles {

    private static final Pattern VALID = Pattern.compile("[0-9a-z._-]+");

    private Handles() {}

    public static String require(String handle) {
        if (handle == null || handle.isBlank()) {
            throw ApiException.unprocessable("Handle can't be blank");
        }
        if (!VALID.matcher(handle).matches()) {
            throw ApiException.unprocessable(
                    "Handle may only contain lowercase letters, numbers, dashes, underscores" + " and periods");
        }
        return handle;
    }

    public static ApiException taken() {
        return ApiException.unprocessable("Handle has already been taken");
    }
}
