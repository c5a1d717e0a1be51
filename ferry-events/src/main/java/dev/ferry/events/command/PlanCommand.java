package dev.ferry.events.command;

/** A request about a plan, decided by the planner. */
public sealed interface PlanCommand extends Command permits ApprovePlan, RejectPlan {

    String planId();

    @Override
    default String subject() {
        return planId();
    }
}
