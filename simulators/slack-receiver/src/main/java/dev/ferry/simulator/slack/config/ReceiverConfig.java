package dev.ferry.simulator.slack.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** Settings of the Slack receiver, read from the {@code slack-receiver.*} keys. */
@ConfigMapping(prefix = "slack-receiver")
public interface ReceiverConfig {

    /** Bot tokens that {@code chat.postMessage} accepts. */
    @WithDefault("xoxb-fake-ferry-demo")
    List<String> botTokens();

    /** Known channels: name (without '#') to channel id. */
    Map<String, String> channels();

    /** When true, {@code chat.postMessage} accepts any channel, not only the known ones. */
    @WithDefault("false")
    boolean acceptAnyChannel();

    /** Workspace (team) id put on posted messages. */
    @WithDefault("T0FERRYDEMO")
    String teamId();

    /** Bot user id put on posted messages. */
    @WithDefault("U0FERRYBOT")
    String botUserId();

    /** Bot id put on posted messages. */
    @WithDefault("B0FERRYBOT")
    String botId();

    /** App id put on posted messages. */
    @WithDefault("A0FERRYAPP")
    String appId();

    RateLimit rateLimit();

    /** Slack's per-channel posting limit, off by default. */
    interface RateLimit {
        /** Messages a channel takes per second before answering 429 with Retry-After; 0 is off. */
        @WithDefault("0")
        int perChannelPerSecond();
    }

    /**
     * The receiver's own base URL as Ferry reaches it, used in the response_url of signed
     * interactivity requests; defaults to the address the request for one came to.
     */
    java.util.Optional<String> publicUrl();
}
