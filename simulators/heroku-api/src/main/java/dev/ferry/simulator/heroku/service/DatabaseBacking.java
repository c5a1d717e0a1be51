package dev.ferry.simulator.heroku.service;

import dev.ferry.simulator.heroku.config.SimulatorConfig;
import dev.ferry.simulator.heroku.domain.AddOn;
import dev.ferry.simulator.heroku.domain.AddOnAttachment;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.Estate;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Puts real databases behind add-ons marked {@code backed}: with {@code
 * heroku-sim.backing.postgres-admin-url} set, each backed Postgres add-on gets its own database and
 * login role (a fresh password on every load) with a few seeded tables; with {@code
 * heroku-sim.backing.redis-url} set, each backed Redis add-on gets its own DB index, seeded as a
 * Sidekiq queue or a cache. The add-on's config vars on every attached app then hold the real URL.
 * Unset, nothing changes and the estate's URLs point at hosts that do not answer.
 */
@ApplicationScoped
public class DatabaseBacking {

    private static final Logger LOG = Logger.getLogger(DatabaseBacking.class);

    private final SimulatorConfig.Backing settings;
    private final SecureRandom random = new SecureRandom();

    public DatabaseBacking(SimulatorConfig config) {
        this.settings = config.backing();
    }

    /** The estate with backed add-ons' config vars pointing at real, seeded databases. */
    public Estate back(Estate estate) {
        Estate result = estate;
        int redisIndex = 0;
        for (AddOn addOn : estate.addOns()) {
            if (!addOn.data().backed()) {
                continue;
            }
            String url = null;
            if (addOn.service().equals("heroku-postgresql")
                    && settings.postgresAdminUrl().isPresent()) {
                url = postgres(addOn, settings.postgresAdminUrl().get());
            } else if (addOn.service().equals("heroku-redis")
                    && settings.redisUrl().isPresent()) {
                url = redis(addOn, settings.redisUrl().get(), ++redisIndex);
            }
            if (url != null) {
                result = withUrl(result, addOn, url);
                LOG.infof("Add-on %s is backed by a real database", addOn.name());
            }
        }
        return result;
    }

    private static Estate withUrl(Estate estate, AddOn addOn, String url) {
        Estate result = estate;
        for (AddOnAttachment attachment : addOn.attachments()) {
            App app = result.app(attachment.appId()).orElseThrow();
            Map<String, String> vars = new HashMap<>(app.configVars());
            attachment.configVars().forEach(name -> vars.put(name, url));
            result = result.withApp(app.withConfigVars(vars));
        }
        return result;
    }

    private String postgres(AddOn addOn, String adminUrl) {
        String name = "heroku_" + plain(addOn.name());
        String password = HexFormat.of().formatHex(random.generateSeed(12));
        try {
            PostgresSeeder.ensure(adminUrl, name, name, password);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot back add-on " + addOn.name() + " with a real PostgreSQL: " + e.getMessage(), e);
        }
        URI admin = URI.create(adminUrl.substring("jdbc:".length()));
        return "postgres://" + name + ":" + password + "@" + admin.getHost() + ":" + admin.getPort() + "/" + name;
    }

    private static String redis(AddOn addOn, String redisUrl, int index) {
        URI uri = URI.create(redisUrl);
        try (RespClient redis = new RespClient(uri.getHost(), uri.getPort())) {
            String userInfo = uri.getUserInfo();
            if (userInfo != null && !userInfo.isBlank()) {
                redis.call("AUTH", userInfo.substring(userInfo.indexOf(':') + 1));
            }
            redis.call("SELECT", Integer.toString(index));
            redis.call("FLUSHDB");
            if ("sidekiq".equals(addOn.data().seed())) {
                RedisSeeds.sidekiq(redis);
            } else {
                RedisSeeds.cache(redis);
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Cannot back add-on " + addOn.name() + " with a real Redis: " + e.getMessage(), e);
        }
        String auth = uri.getUserInfo() == null ? "" : uri.getUserInfo() + "@";
        return "redis://" + auth + uri.getHost() + ":" + uri.getPort() + "/" + index;
    }

    /** A name PostgreSQL takes unquoted. */
    static String plain(String name) {
        String p = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        return p.length() > 50 ? p.substring(0, 50) : p;
    }
}
