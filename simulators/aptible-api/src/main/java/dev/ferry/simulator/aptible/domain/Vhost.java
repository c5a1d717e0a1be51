package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An endpoint ("vhost") in front of a service: https ({@code http}), tcp or tls, external or internal. */
public record Vhost(
        long id,
        long serviceId,
        long appId,
        long accountId,
        String type,
        String platform,
        boolean internal,
        boolean isDefault,
        boolean acme,
        String acmeStatus,
        String userDomain,
        List<String> ipWhitelist,
        Integer containerPort,
        List<Integer> containerPorts,
        Long certificateId,
        ProvisionStatus status,
        String externalHost,
        Map<String, String> settings,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {

    public Vhost with(
            ProvisionStatus newStatus,
            String host,
            String newAcmeStatus,
            Map<String, String> newSettings,
            Instant now) {
        return new Vhost(
                id,
                serviceId,
                appId,
                accountId,
                type,
                platform,
                internal,
                isDefault,
                acme,
                newAcmeStatus,
                userDomain,
                ipWhitelist,
                containerPort,
                containerPorts,
                certificateId,
                newStatus,
                host,
                newSettings,
                deleted,
                createdAt,
                now);
    }

    public Vhost markDeleted(Instant now) {
        return new Vhost(
                id,
                serviceId,
                appId,
                accountId,
                type,
                platform,
                internal,
                isDefault,
                acme,
                acmeStatus,
                userDomain,
                ipWhitelist,
                containerPort,
                containerPorts,
                certificateId,
                ProvisionStatus.DEPROVISIONED,
                externalHost,
                settings,
                true,
                createdAt,
                now);
    }
}
