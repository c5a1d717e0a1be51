package dev.ferry.simulator.aptible.domain;

/** A stack environments are placed on; shared stacks have no organization. */
public record Stack(long id, String name, String region, String organizationId) {

    public boolean shared() {
        return organizationId == null;
    }
}
