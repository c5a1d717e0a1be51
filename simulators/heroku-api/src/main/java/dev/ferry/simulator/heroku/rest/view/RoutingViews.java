package dev.ferry.simulator.heroku.rest.view;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ferry.simulator.heroku.domain.App;
import dev.ferry.simulator.heroku.domain.AppDetails;
import java.util.List;
import java.util.UUID;

/** Domains and SNI endpoints as Heroku's {@code domain} and {@code sni-endpoint} schemas render them. */
public final class RoutingViews {

    private RoutingViews() {}

    /** One domain. */
    public record DomainView(
            String acmStatus,
            String acmStatusReason,
            Ref app,
            String cname,
            String createdAt,
            String hostname,
            UUID id,
            String kind,
            Ref sniEndpoint,
            String status,
            String updatedAt) {

        public static DomainView of(AppDetails.Domain d, App app) {
            Ref sni = app.details().sniEndpoints().stream()
                    .filter(s -> s.name().equals(d.sniEndpoint()))
                    .findFirst()
                    .map(s -> new Ref(s.id(), s.name()))
                    .orElse(null);
            return new DomainView(
                    d.acmStatus(),
                    "failing".equals(d.acmStatus()) ? "CAA record blocks issuance" : null,
                    AppView.ref(app),
                    d.cname(),
                    Times.format(d.createdAt()),
                    d.hostname(),
                    d.id(),
                    d.kind(),
                    sni,
                    "succeeded",
                    Times.format(d.createdAt()));
        }
    }

    /** One SNI endpoint; the certificate chain is public, the private key is never served. */
    public record SniEndpointView(
            Ref app,
            String certificateChain,
            String createdAt,
            String displayName,
            List<String> domains,
            UUID id,
            String name,
            SslCert sslCert,
            String updatedAt) {

        /** The parsed certificate. */
        public record SslCert(
                @JsonProperty("ca_signed?") boolean caSigned,
                List<String> certDomains,
                String expiresAt,
                String issuer,
                @JsonProperty("self_signed?") boolean selfSigned,
                String startsAt,
                String subject,
                UUID id) {}

        public static SniEndpointView of(AppDetails.SniEndpoint s, App app) {
            String issuer = s.issuer() == null ? "/C=US/O=Example CA/CN=Example Issuing CA" : s.issuer();
            return new SniEndpointView(
                    AppView.ref(app),
                    "-----BEGIN CERTIFICATE-----\nMIIsimulated" + s.id() + "\n-----END CERTIFICATE-----\n",
                    Times.format(s.createdAt()),
                    null,
                    s.domains(),
                    s.id(),
                    s.name(),
                    new SslCert(
                            true,
                            s.domains(),
                            Times.format(s.expiresAt()),
                            issuer,
                            false,
                            Times.format(s.startsAt()),
                            "/CN="
                                    + (s.domains().isEmpty()
                                            ? app.name()
                                            : s.domains().get(0)),
                            UUID.nameUUIDFromBytes(
                                    ("ssl-cert:" + s.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                    Times.format(s.createdAt()));
        }
    }
}
