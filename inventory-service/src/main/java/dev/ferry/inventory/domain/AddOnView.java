package dev.ferry.inventory.domain;

import dev.ferry.events.inventory.AddOn;
import dev.ferry.events.inventory.PostgresInfo;
import dev.ferry.events.inventory.PostgresProbe;
import dev.ferry.events.inventory.RedisInfo;
import dev.ferry.events.inventory.RedisProbe;
import java.util.List;

/**
 * An add-on as the inventory API shows it: the discovered add-on plus its plan's {@link PlanTier
 * tier}, which the events do not carry (it is derived, so views stored before it existed get it too).
 *
 * @param tier e.g. {@code standard} for {@code heroku-postgresql:standard-0}; null when unknown
 */
public record AddOnView(
        String id,
        String name,
        String service,
        String plan,
        String tier,
        List<String> configVars,
        String billingApp,
        List<String> attachedTo,
        String attachmentName,
        String state,
        PostgresInfo postgres,
        RedisInfo redis,
        PostgresProbe postgresProbe,
        RedisProbe redisProbe) {

    public AddOnView {
        if (tier == null) {
            tier = PlanTier.of(service, plan);
        }
    }

    /** The view of a discovered add-on. */
    public static AddOnView of(AddOn a) {
        return new AddOnView(
                a.id(),
                a.name(),
                a.service(),
                a.plan(),
                PlanTier.of(a.service(), a.plan()),
                a.configVars(),
                a.billingApp(),
                a.attachedTo(),
                a.attachmentName(),
                a.state(),
                a.postgres(),
                a.redis(),
                a.postgresProbe(),
                a.redisProbe());
    }
}
