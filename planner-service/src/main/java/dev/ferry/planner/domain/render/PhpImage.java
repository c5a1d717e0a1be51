package dev.ferry.planner.domain.render;

import java.util.List;
import java.util.Set;

/**
 * The PHP part of a Dockerfile: the official Apache image made to listen on $PORT on every
 * interface and serve the document root the Procfile gave Heroku's {@code heroku-php-apache2}, with
 * stand-ins for the buildpack's start scripts so the Procfile runs unchanged.
 */
final class PhpImage {
    /** The buildpack's start scripts, which the image replaces with Apache. */
    private static final Set<String> SCRIPTS = Set.of("heroku-php-apache2", "heroku-php-nginx");

    /** Options of the buildpack's start scripts that take a value. */
    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("-C", "-F", "-i", "-l", "-p");

    private PhpImage() {}

    static List<String> body(String version, String startCommand) {
        return List.of(
                "ARG PHP_VERSION=" + version,
                "FROM php:${PHP_VERSION}-apache",
                "COPY --from=composer:2 /usr/bin/composer /usr/bin/composer",
                "WORKDIR /app",
                "COPY composer.json composer.lock ./",
                "RUN composer install --no-dev --no-scripts --no-autoloader",
                "COPY . .",
                "RUN composer dump-autoload --optimize",
                "# Apache listens on $PORT on every interface (0.0.0.0) and serves $APACHE_DOCUMENT_ROOT; it reads"
                        + " both from the environment when it starts.",
                "ENV APACHE_DOCUMENT_ROOT=" + documentRoot(startCommand),
                "RUN sed -ri -e 's/^Listen 80$/Listen ${PORT}/' /etc/apache2/ports.conf \\",
                "    && sed -ri -e 's/<VirtualHost \\*:80>/<VirtualHost *:${PORT}>/'"
                        + " -e 's!/var/www/html!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/sites-available/*.conf \\",
                "    && sed -ri -e 's!/var/www/!${APACHE_DOCUMENT_ROOT}!g' /etc/apache2/apache2.conf"
                        + " /etc/apache2/conf-available/*.conf",
                "# heroku-php-apache2 and heroku-php-nginx come from Heroku's PHP buildpack: here both start Apache"
                        + " (their options are not carried), so the Procfile runs unchanged.",
                "RUN printf '#!/bin/sh\\nexec apache2-foreground\\n' > /usr/local/bin/heroku-php-apache2 \\",
                "    && chmod +x /usr/local/bin/heroku-php-apache2 \\",
                "    && ln -s heroku-php-apache2 /usr/local/bin/heroku-php-nginx",
                Dockerfiles.NO_ENTRYPOINT,
                "ENTRYPOINT []");
    }

    /**
     * The directory Apache serves: the document root argument of the buildpack's start script in the
     * web command, else the app's root (the buildpack's default).
     */
    static String documentRoot(String command) {
        if (command == null) {
            return "/app";
        }
        String[] tokens = command.trim().split("\\s+");
        int i = 0;
        while (i < tokens.length && !SCRIPTS.contains(tokens[i].substring(tokens[i].lastIndexOf('/') + 1))) {
            i++;
        }
        for (i++; i < tokens.length; i++) {
            String token = tokens[i];
            if (OPTIONS_WITH_VALUE.contains(token)) {
                i++;
            } else if (!token.startsWith("-")) {
                return under(token);
            }
        }
        return "/app";
    }

    private static String under(String root) {
        String trimmed = root.replaceAll("/+$", "");
        if (trimmed.startsWith("/")) {
            return trimmed;
        }
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            return "/app";
        }
        return "/app/" + trimmed.replaceFirst("^\\./", "");
    }
}
