package dev.ferry.simulator.aptible.rest;

/** Aptible's error body: {@code {"code":404,"error":"not_found","message":"..."}}. */
public record ErrorBody(int code, String error, String message) {}
