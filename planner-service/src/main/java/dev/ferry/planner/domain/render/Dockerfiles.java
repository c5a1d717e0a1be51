package dev.ferry.planner.domain.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the Dockerfile that replaces an app's buildpacks: the official image of its language,
 * dependencies installed before the code is copied, the Procfile and .aptible.yml under /.aptible/
 * for Direct Docker Image Deploy, $PORT set and exposed, and the web command as CMD.
 */
final class Dockerfiles {
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
            lines.add("# The language version was not discovered: " + build.languageVersion()
                    + " is a default; set the version your repository declares.");
            lines.addAll(body(language, build.languageVersion()));
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

    private static List<String> body(String language, String version) {
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
                        "COPY . .");
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
                        "COPY --from=build /src/target /app/target");
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
            case "php" ->
                List.of(
                        "ARG PHP_VERSION=" + version,
                        "FROM php:${PHP_VERSION}-apache",
                        "COPY --from=composer:2 /usr/bin/composer /usr/bin/composer",
                        "WORKDIR /app",
                        "COPY composer.json composer.lock ./",
                        "RUN composer install --no-dev --no-scripts --no-autoloader",
                        "COPY . .",
                        "RUN composer dump-autoload --optimize",
                        "# heroku-php-apache2 in the Procfile comes from heroku/heroku-buildpack-php: keep it as a"
                                + " composer dev dependency or switch the command to apache2-foreground.");
            default -> List.of("FROM debian:bookworm-slim", "WORKDIR /app", "COPY . .");
        };
    }
}
