package dev.ferry.simulator.heroku.rest.view;

import java.util.UUID;

/** The {@code {email, id}} identity of an app's owner. */
public record OwnerRef(String email, UUID id) {}
