package dev.ferry.simulator.heroku.rest;

import dev.ferry.simulator.heroku.service.Page;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** Turns a {@link Page} into a 200 or 206 response with Heroku's range headers. */
final class ListResponses {

    private ListResponses() {}

    static <T, V> Response of(Page<T> page, Function<T, V> view) {
        Response.ResponseBuilder builder = Response.status(page.partial() ? 206 : 200)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(page.items().stream().map(view).toList())
                .header(HerokuHeaders.ACCEPT_RANGES, page.acceptRanges())
                .header(HerokuHeaders.CONTENT_RANGE, page.contentRange());
        if (page.partial()) {
            builder.header(HerokuHeaders.NEXT_RANGE, page.nextRange());
        }
        return builder.build();
    }
}
