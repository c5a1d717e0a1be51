package dev.ferry.simulator.heroku.service;

import java.io.IOException;

/** Key patterns a backed Redis starts with: a Sidekiq job queue, or a plain cache with TTLs. */
final class RedisSeeds {

    private RedisSeeds() {}

    static void sidekiq(RespClient redis) throws IOException {
        redis.call("SADD", "queues", "default", "mailers");
        for (int i = 1; i <= 5; i++) {
            redis.call("LPUSH", "queue:default", job("OrderSyncJob", i));
        }
        redis.call("LPUSH", "queue:mailers", job("ActionMailer::MailDeliveryJob", 6));
        redis.call("ZADD", "schedule", "1893456000", job("NightlyReportJob", 7));
        redis.call("ZADD", "retry", "1893456000", job("WebhookDeliveryJob", 8));
        redis.call("SET", "stat:processed", "1042");
        redis.call("SET", "stat:failed", "3");
        redis.call("SADD", "processes", "web.1:4:0f2a");
    }

    static void cache(RespClient redis) throws IOException {
        for (int i = 1; i <= 20; i++) {
            redis.call("SET", "cache:views/products/" + i, "<li>product " + i + "</li>", "EX", "86400");
        }
    }

    private static String job(String type, int n) {
        return "{\"class\":\"" + type + "\",\"args\":[" + n + "],\"queue\":\"default\",\"jid\":\""
                + String.format("%024x", n) + "\",\"created_at\":1700000000.0}";
    }
}
