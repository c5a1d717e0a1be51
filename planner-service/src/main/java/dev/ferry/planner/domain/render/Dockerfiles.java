package dev.ferry.planner.domain.render;

import dev.ferry.planner.domain.rules.BuildRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders the Dockerfile that replaces an app's buildpacks: the official image of its language (its
 * version marked when assumed), dependencies installed before the code is copied, the Procfile and
 * .aptible.yml under /.aptible/ for Direct Docker Image Deploy, $PORT set and exposed, no inherited
 * ENTRYPOINT (so Procfile commands expand $PORT), and the web command as CMD.
 */
final class Dockerfiles {
    /** Why images whose base sets an ENTRYPOINT clear it. */
    static final String NO_ENTRYPOINT =
            "# Aptible runs Procfile commands through /bin/sh, which expands $PORT, only when the image"
                    + " has no ENTRYPOINT: clear the base image's.";

    private Dockerfiles() {}

    static String render(AppBuild build) {
        List<String> lines = new ArrayList<>();
        lines.add("# syntax=docker/dockerfile:1");
        lines.add("# Rendered by Ferry for the Heroku app " + build.app() + " (buildpacks: "
                + (build.buildpacks() == null ? "not discovered" : build.buildpacks()) + ").");
        String language = build.language();
        if (language == null) {
            lines.add("# The language was not detected: choose a base image and install the dependencies.");
            lines.add("FROM debian:bookworm-slim");
            lines.add("WORKDIR /app");
            lines.add("COPY . .");
        } else {
            lines.add(versionNote(build));
            lines.addAll(body(language, build.languageVersion(), build.startCommand()));
        }
        lines.add("");
        lines.add("# Direct Docker Image Deploy reads the Procfile and .aptible.yml from /.aptible/ in the image");
        lines.add("# (with git push deploys they stay in the repository root).");
        lines.add("COPY Procfile .aptible.yml /.aptible/");
        lines.add("");
        lines.add("# Heroku assigned $PORT; here the image sets it. The app must listen on 0.0.0.0:$PORT.");
        lines.add("ENV PORT=" + build.port());
        lines.add("EXPOSE " + build.port());
        lines.add("# Files written at run time are lost on restart, as on Heroku: keep them in object storage.");
        String start = build.startCommand();
        if (start != null) {
            lines.add("CMD " + start);
        }
        return String.join("\n", lines) + "\n";
    }

    private static String versionNote(AppBuild build) {
        String arg = versionArg(build.language()) + "=" + build.languageVersion();
        if (!build.languageVersionAssumed()) {
            return "# " + arg + " comes from the Heroku inventory.";
        }
        return "# " + arg + " is assumed: not found in the inventory, confirm it against "
                + BuildRule.declaredIn(build.language()) + ".";
    }

    private static String versionArg(String language) {
        return language.toUpperCase(Locale.ROOT) + "_VERSION";
    }

    private static List<String> body(String language, String version, String start) {
        return switch (language) {
            case "ruby" ->
                List.of(
                        "ARG RUBY_VERSION=" + version,
                        "FROM ruby:${RUBY_VERSION}-slim",
                        "RUN apt-get update && apt-get install -y --no-install-recommends build-essential libpq-dev git"
                                + " nodejs npm && rm -rf /var/lib/apt/lists/*",
                        "WORKDIR /app",
                        "ENV BUNDLE_DEPLOYMENT=1 BUNDLE_WITHOUT=development:test",
                        "COPY Gemfile Gemfile.lock ./",
                        "RUN bundle install",
                        "COPY . .");
            case "node" ->
                List.of(
                        "ARG NODE_VERSION=" + version,
                        "FROM node:${NODE_VERSION}-slim",
                        "WORKDIR /app",
                        "ENV NODE_ENV=production",
                        "COPY package*.json ./",
                        "RUN npm ci --omit=dev",
                        "COPY . .",
                        NO_ENTRYPOINT,
                        "ENTRYPOINT []");
            case "python" ->
                List.of(
                        "ARG PYTHON_VERSION=" + version,
                        "FROM python:${PYTHON_VERSION}-slim",
                        "WORKDIR /app",
                        "ENV PYTHONUNBUFFERED=1",
                        "COPY requirements.txt ./",
                        "RUN pip install --no-cache-dir -r requirements.txt",
                        "COPY . .");
            case "java" ->
                List.of(
                        "ARG JAVA_VERSION=" + version,
                        "FROM maven:3-eclipse-temurin-${JAVA_VERSION} AS build",
                        "WORKDIR /src",
                        "COPY . .",
                        "RUN mvn -B -DskipTests package",
                        "FROM eclipse-temurin:${JAVA_VERSION}-jre",
                        "WORKDIR /app",
                        "COPY --from=build /src/target /app/target",
                        NO_ENTRYPOINT,
                        "ENTRYPOINT []");
            case "go" ->
                List.of(
                        "ARG GO_VERSION=" + version,
                        "FROM golang:${GO_VERSION} AS build",
                        "WORKDIR /src",
                        "COPY go.mod go.sum ./",
                        "RUN go mod download",
                        "COPY . .",
                        "RUN CGO_ENABLED=0 go build -o /app/bin/ ./...",
                        "FROM debian:bookworm-slim",
                        "WORKDIR /app",
                        "COPY --from=build /app/bin /app/bin");
            case "php" -> PhpImage.body(version, start);
            default -> List.of("FROM debian:bookworm-slim", "WORKDIR /app", "COPY . .");
        };
    }
}
