package dev.ferry.simulator.aptible.rest;

import dev.ferry.simulator.aptible.config.SimulatorConfig;
import dev.ferry.simulator.aptible.service.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads {@code page}/{@code per_page} with the configured default and maximum size. */
@ApplicationScoped
public class Pager {

    private final SimulatorConfig config;

    public Pager(SimulatorConfig config) {
        this.config = config;
    }

    public PageRequest request(String page, String perPage) {
        return PageRequest.parse(
                page, perPage, config.paging().defaultPerPage(), config.paging().maxPerPage());
    }
}
