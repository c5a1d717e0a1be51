package dev.ferry.simulator.aptible.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** A HAL collection page: the items under {@code _embedded.<name>} and the paging fields. */
public record PageView(
        @JsonProperty("_embedded") Map<String, List<?>> embedded,
        int totalCount,
        int perPage,
        int currentPage,
        @JsonProperty("_links") Map<String, Link> links) {}
