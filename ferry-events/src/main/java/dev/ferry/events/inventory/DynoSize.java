package dev.ferry.events.inventory;

import dev.ferry.events.Nullable;

/** A dyno size and what it provides, e.g. {@code standard-2x}: 1 GB, compute 4x. */
public record DynoSize(
        String name, double memoryGb, @Nullable String compute, boolean dedicated) {}
