package dev.ferry.simulator.aptible.service;

/** The accepted fields of {@code POST /accounts}; the stack is given by id or by href. */
public record NewAccount(
        String handle,
        String type,
        String name,
        String organizationId,
        Long stackId,
        String stackHref,
        String onboardingStatus) {}
