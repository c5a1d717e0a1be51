package dev.ferry.notifier.service;

import dev.ferry.notifier.config.NotifierConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The API resources a message points people to, so they can look closer from Slack. */
@ApplicationScoped
public class Links {
    private final String executorUrl;
    private final String plannerUrl;

    @jakarta.inject.Inject
    public Links(NotifierConfig config) {
        this(config.links().executorUrl(), config.links().plannerUrl());
    }

    public Links(String executorUrl, String plannerUrl) {
        this.executorUrl = trim(executorUrl);
        this.plannerUrl = trim(plannerUrl);
    }

    public String migration(String migrationId) {
        return executorUrl + "/api/migrations/" + segment(migrationId);
    }

    public String plan(String planId) {
        return plannerUrl + "/api/plans/" + segment(planId);
    }

    private static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
