package dev.ferry.notifier.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.PausableChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Stops the notifier's consumers taking records once shutdown starts: the lanes still record their
 * last outcomes, and those events would otherwise reach a database pool that is closing, fail and be
 * logged as errors. Records not taken stay uncommitted and are consumed after the restart.
 */
@ApplicationScoped
public class PauseOnShutdown {
    private static final Logger LOG = Logger.getLogger(PauseOnShutdown.class);

    /** Every incoming channel of the notifier; each is declared {@code pausable} in the configuration. */
    public static final List<String> CHANNELS = List.of("deliveries-in", "migrations-in", "plans-in");

    private final ChannelRegistry channels;

    public PauseOnShutdown(ChannelRegistry channels) {
        this.channels = channels;
    }

    public void onShutdown(@Observes ShutdownEvent event) {
        for (String name : CHANNELS) {
            PausableChannel channel = channels.getPausable(name);
            if (channel == null) {
                LOG.warnf("Channel %s is not pausable; it may take records while the service stops", name);
            } else {
                channel.pause();
            }
        }
    }
}
