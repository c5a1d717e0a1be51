package dev.ferry.simulator.heroku.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Heroku's error body: a machine-readable {@code id}, a human message and, only where relevant, a
 * documentation {@code url}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String id, String message, String url) {

    public ErrorBody(String id, String message) {
        this(id, message, null);
    }
}
