package dev.ferry.simulator.heroku.rest.view;

import java.util.UUID;

/** The {@code {id, name}} identity object Heroku nests for related resources. */
public record Ref(UUID id, String name) {}
