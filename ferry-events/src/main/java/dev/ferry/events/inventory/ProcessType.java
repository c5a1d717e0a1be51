package dev.ferry.events.inventory;

/** One process type of a Heroku app's formation. */
public record ProcessType(String type, String command, int quantity, String size) {}
