package dev.ferry.simulator.aptible.domain;

/**
 * Maps the container profiles clients send ({@code m}, {@code c}, {@code r}) to instance classes.
 */
public final class InstanceClasses {

    private InstanceClasses() {}

    public static String of(String profile) {
        return switch (profile) {
            case "c" -> "c5";
            case "r" -> "r5";
            case "m" -> "m5";
            default -> profile;
        };
    }
}
