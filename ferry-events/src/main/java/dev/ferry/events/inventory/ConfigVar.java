package dev.ferry.events.inventory;

import dev.ferry.events.secret.SealedSecret;

/** A config var: the name in clear, the value sealed. */
public record ConfigVar(String name, SealedSecret value) {}
