package dev.ferry.simulator.aptible.domain;

/** Lifecycle states of provisionable resources, with the API's spelling. */
public enum ProvisionStatus {
    PENDING,
    PROVISIONING,
    PROVISIONED,
    DEPROVISIONING,
    DEPROVISIONED,
    PROVISION_FAILED,
    DEPROVISION_FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
