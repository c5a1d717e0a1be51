package dev.ferry.planner.messaging;

import dev.ferry.common.messaging.Records;
import dev.ferry.common.observability.EventTracing;
import dev.ferry.common.observability.LogContext;
import dev.ferry.common.rest.ProblemException;
import dev.ferry.events.CloudEvent;
import dev.ferry.events.EventIds;
import dev.ferry.events.command.ApprovePlan;
import dev.ferry.events.command.RejectPlan;
import dev.ferry.planner.domain.PlanState;
import dev.ferry.planner.service.PlanService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Decides ApprovePlan and RejectPlan commands (from Slack buttons) exactly as REST does: the same
 * checks, the decision appended with an id derived from the command, a refusal logged and nothing
 * appended.
 */
@ApplicationScoped
public class CommandsListener {
    private static final Logger LOG = Logger.getLogger(CommandsListener.class);

    private final PlanService service;
    private final EventTracing tracing;

    public CommandsListener(PlanService service, EventTracing tracing) {
        this.service = service;
        this.tracing = tracing;
    }

    @Incoming("commands-in")
    public Uni<Void> onCommand(ConsumerRecord<String, String> record) {
        Optional<CloudEvent> event = Records.decode(record);
        if (event.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String eventId = EventIds.derive(event.get().id(), "plan-decided");
        Uni<?> decided;
        String planId;
        if (event.get().data() instanceof ApprovePlan approve) {
            planId = approve.planId();
            decided = service.approve(
                    approve.planId(),
                    new PlanState.Decision(
                            approve.requestedBy(), approve.version(), comment(approve.comment(), approve.via())),
                    eventId);
        } else if (event.get().data() instanceof RejectPlan reject) {
            planId = reject.planId();
            decided = service.reject(
                    reject.planId(),
                    new PlanState.Decision(
                            reject.requestedBy(), reject.version(), comment(reject.comment(), reject.via())),
                    eventId);
        } else {
            return Uni.createFrom().voidItem();
        }
        Uni<?> decision = decided;
        return tracing.consume(
                record,
                () -> LogContext.around(
                        () -> decision.onItem()
                                .invoke(outcome -> LOG.infof(
                                        "Command %s on plan %s decided: %s",
                                        event.get().id(), planId, outcome))
                                .onFailure(ProblemException.class)
                                .recoverWithItem(failure -> {
                                    LOG.warnf(
                                            "Command %s on plan %s refused: %s",
                                            event.get().id(), planId, failure.getMessage());
                                    return null;
                                })
                                .replaceWithVoid(),
                        LogContext.PLAN_ID,
                        planId));
    }

    private static String comment(String comment, String via) {
        return comment == null ? "via " + via : comment;
    }
}
