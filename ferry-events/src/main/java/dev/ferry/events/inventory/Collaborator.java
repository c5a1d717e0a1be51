package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;

/** Someone with access to an app; role is null for personal-app collaborators. */
public record Collaborator(String email, @Nullable String role) {}
