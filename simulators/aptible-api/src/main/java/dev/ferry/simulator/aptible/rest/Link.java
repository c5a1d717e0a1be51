package dev.ferry.simulator.aptible.rest;

/** A HAL link object. */
public record Link(String href) {}
