package dev.ferry.events.inventory;

/** The Heroku account whose token ran the discovery. */
public record HerokuAccount(String id, String email) {}
