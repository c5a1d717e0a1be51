package dev.ferry.events.plan;

import dev.ferry.events.FerryEvent;

/** Facts about a migration plan; the aggregate is one plan across its versions. */
public sealed interface PlanEvent extends FerryEvent permits PlanProposed, PlanApproved, PlanRejected {

    String planId();

    @Override
    default String subject() {
        return planId();
    }
}
