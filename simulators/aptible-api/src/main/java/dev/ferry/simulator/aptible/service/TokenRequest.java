package dev.ferry.simulator.aptible.service;

/** The fields of an OAuth2 password grant, whether sent as a form or as JSON. */
public record TokenRequest(String grantType, String username, String password, String scope, String expiresIn) {}
