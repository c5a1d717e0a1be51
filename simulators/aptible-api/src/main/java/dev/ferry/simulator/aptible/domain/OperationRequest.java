package dev.ferry.simulator.aptible.domain;

import java.util.Map;

/**
 * The accepted fields of a {@code POST .../operations} body.
 *
 * <p>{@code env} keeps {@code ""} and {@code null} values, which remove the variable. {@code
 * procfile} is a simulator extension: {@code name: command} lines standing in for the Procfile the
 * real platform reads from the image or repository. {@code diskSize} (GB) sizes databases;
 * {@code settings} carries endpoint settings ({@code FORCE_SSL}, ...) of a vhost provision.
 */
public record OperationRequest(
        String type,
        Map<String, String> env,
        String gitRef,
        String dockerRef,
        Integer containerCount,
        Integer containerSize,
        String instanceProfile,
        String command,
        String handle,
        Boolean interactive,
        String procfile,
        Integer diskSize,
        Map<String, String> settings) {}
