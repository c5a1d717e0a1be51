package dev.ferry.planner.domain.rules;

import java.util.Locale;
import java.util.Map;

/**
 * What the guide's add-on audit does with common Heroku add-ons: move to an Aptible-managed
 * database, become a log drain, stay external with its credentials carried, be replaced by
 * something Aptible runs, or, when unknown, go to a person for review.
 */
public final class AddonCatalogue {

    /** The audit's verdict for one add-on service. */
    public enum Action {
        APTIBLE_DATABASE,
        LOG_DRAIN,
        KEEP_EXTERNAL,
        REPLACE,
        UNKNOWN
    }

    /**
     * One catalogue entry.
     *
     * @param detail the Aptible engine for databases, the drain type for log drains, the
     *     replacement for replaced add-ons, the provider for external ones
     */
    public record Entry(String service, Action action, String detail, String note) {}

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            db("heroku-postgresql", "postgresql", "Heroku Postgres moves to Aptible-managed PostgreSQL."),
            db("heroku-redis", "redis", "Heroku Redis moves to Aptible-managed Redis."),
            db("rediscloud", "redis", "Redis Cloud can move to Aptible-managed Redis."),
            db("redistogo", "redis", "Redis To Go can move to Aptible-managed Redis."),
            db("jawsdb", "mysql", "JawsDB MySQL moves to Aptible-managed MySQL."),
            db("jawsdb-maria", "mysql", "JawsDB MariaDB moves to Aptible-managed MySQL."),
            db("cleardb", "mysql", "ClearDB MySQL moves to Aptible-managed MySQL."),
            db("bonsai", "elasticsearch", "Bonsai Elasticsearch moves to Aptible-managed Elasticsearch."),
            db("searchbox", "elasticsearch", "SearchBox Elasticsearch moves to Aptible-managed Elasticsearch."),
            db("foundelasticsearch", "elasticsearch", "Elastic Cloud can move to Aptible-managed Elasticsearch."),
            db("cloudamqp", "rabbitmq", "CloudAMQP moves to Aptible-managed RabbitMQ."),
            db("influxdb", "influxdb", "InfluxDB moves to Aptible-managed InfluxDB."),
            drain("papertrail", "syslog_tls_tcp"),
            drain("logtail", "syslog_tls_tcp"),
            drain("betterstack", "syslog_tls_tcp"),
            drain("logentries", "syslog_tls_tcp"),
            drain("sumologic", "sumologic"),
            drain("logdna", "logdna"),
            drain("mezmo", "logdna"),
            drain("datadog", "datadog"),
            drain("loggly", "https_post"),
            drain("coralogix", "https_post"),
            drain("solarwinds", "solarwinds"),
            external("sendgrid", "SendGrid (email)"),
            external("mailgun", "Mailgun (email)"),
            external("postmark", "Postmark (email)"),
            external("mailersend", "MailerSend (email)"),
            external("newrelic", "New Relic (APM)"),
            external("sentry", "Sentry (errors)"),
            external("rollbar", "Rollbar (errors)"),
            external("honeybadger", "Honeybadger (errors)"),
            external("bugsnag", "Bugsnag (errors)"),
            external("scout", "Scout APM"),
            external("memcachier", "MemCachier (cache)"),
            external("cloudinary", "Cloudinary (media)"),
            external("bucketeer", "Bucketeer (S3 storage)"),
            external("pusher", "Pusher (websockets)"),
            external("algoliasearch", "Algolia (search)"),
            external("twilio", "Twilio (messaging)"),
            external("launchdarkly", "LaunchDarkly (feature flags)"),
            replace(
                    "scheduler",
                    "cron process",
                    "Heroku Scheduler has no Aptible add-on: its jobs become a cron process (for example supercronic"
                            + " with a crontab) in the app's Procfile. Heroku's API does not list the jobs, so a person"
                            + " copies them."),
            replace(
                    "advanced-scheduler",
                    "cron process",
                    "Advanced Scheduler's jobs become a cron process (supercronic with a crontab) in the Procfile."),
            replace(
                    "heroku-kafka",
                    "external Kafka",
                    "Apache Kafka on Heroku has no Aptible-managed equivalent: move to an external Kafka (for"
                            + " example Confluent Cloud or Amazon MSK) and carry its credentials."),
            replace(
                    "herokuconnect",
                    "external sync",
                    "Heroku Connect only runs on Heroku: replace it with a Salesforce sync you run (for example"
                            + " an ETL job) before cutover."));

    private AddonCatalogue() {}

    /** The entry for an add-on service; unknown services get {@link Action#UNKNOWN}. */
    public static Entry lookup(String service) {
        String key = service == null ? "" : service.toLowerCase(Locale.ROOT);
        Entry entry = ENTRIES.get(key);
        if (entry != null) {
            return entry;
        }
        return new Entry(
                key,
                Action.UNKNOWN,
                null,
                "Add-on " + key + " is not in Ferry's catalogue: a person decides whether it stays external, becomes"
                        + " an Aptible resource or goes away.");
    }

    private static Map.Entry<String, Entry> db(String service, String engine, String note) {
        return Map.entry(service, new Entry(service, Action.APTIBLE_DATABASE, engine, note));
    }

    private static Map.Entry<String, Entry> replace(String service, String replacement, String note) {
        return Map.entry(service, new Entry(service, Action.REPLACE, replacement, note));
    }

    private static Map.Entry<String, Entry> drain(String service, String drainType) {
        return Map.entry(
                service,
                new Entry(
                        service,
                        Action.LOG_DRAIN,
                        drainType,
                        "Logging add-ons become Aptible log drains to the same provider (no extra cost on Aptible)."));
    }

    private static Map.Entry<String, Entry> external(String service, String provider) {
        return Map.entry(
                service,
                new Entry(
                        service,
                        Action.KEEP_EXTERNAL,
                        provider,
                        provider + " keeps running outside Aptible; its credentials are carried over sealed."));
    }
}
