package dev.ferry.events.inventory;

/** A Heroku team the token can see. */
public record Team(String id, String name) {}
