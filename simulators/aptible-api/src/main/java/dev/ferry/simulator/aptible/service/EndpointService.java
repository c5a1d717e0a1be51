package dev.ferry.simulator.aptible.service;

import dev.ferry.simulator.aptible.domain.ApiException;
import dev.ferry.simulator.aptible.domain.Certificate;
import dev.ferry.simulator.aptible.domain.ProvisionStatus;
import dev.ferry.simulator.aptible.domain.Service;
import dev.ferry.simulator.aptible.domain.Vhost;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Endpoints (vhosts) of services and the certificates they may use. */
@ApplicationScoped
public class EndpointService {

    private static final Set<String> TYPES = Set.of("http", "http_proxy_protocol", "tcp", "tls", "grpc");
    private static final Set<String> PLATFORMS = Set.of("alb", "elb", "nlb");
    private static final Pattern CIDR =
            Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/(\\d{1,2}))?$");
    private static final Pattern DOMAIN = Pattern.compile("^(\\*\\.)?([a-z0-9-]+\\.)+[a-z]{2,}$");

    private final Store store;
    private final AppService apps;
    private final AccountService accounts;
    private final Clock clock;

    public EndpointService(Store store, AppService apps, AccountService accounts, Clock clock) {
        this.store = store;
        this.apps = apps;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** What {@code POST /services/{id}/vhosts} accepts. */
    public record NewVhost(
            String type,
            String platform,
            Boolean internal,
            Boolean isDefault,
            Boolean acme,
            String userDomain,
            List<String> ipWhitelist,
            Integer containerPort,
            List<Integer> containerPorts,
            Long certificateId) {}

    public Vhost create(long serviceId, NewVhost request) {
        Service service = apps.service(serviceId);
        if (request.type() == null || request.type().isBlank()) {
            throw ApiException.unprocessable("Type can't be blank");
        }
        if (!TYPES.contains(request.type())) {
            throw ApiException.unprocessable("Type is not included in the list");
        }
        String platform =
                request.platform() == null ? (request.type().startsWith("http") ? "alb" : "elb") : request.platform();
        if (!PLATFORMS.contains(platform)) {
            throw ApiException.unprocessable("Platform is not included in the list");
        }
        boolean acme = Boolean.TRUE.equals(request.acme());
        boolean isDefault = Boolean.TRUE.equals(request.isDefault());
        if (acme && (request.userDomain() == null || request.userDomain().isBlank())) {
            throw ApiException.unprocessable("User domain can't be blank when acme is true");
        }
        if (request.userDomain() != null
                && !DOMAIN.matcher(request.userDomain()).matches()) {
            throw ApiException.unprocessable("User domain is not a valid domain name");
        }
        List<String> whitelist = request.ipWhitelist() == null ? List.of() : List.copyOf(request.ipWhitelist());
        whitelist.forEach(EndpointService::requireCidr);
        if (request.certificateId() != null) {
            certificate(request.certificateId());
        }
        if (service.containerCount() == 0) {
            throw ApiException.unprocessable("Service " + service.processType() + " has no containers to route to");
        }
        return store.write(() -> {
            if (isDefault
                    && store.vhosts().stream()
                            .anyMatch(v -> !v.deleted() && v.appId() == service.appId() && v.isDefault())) {
                throw ApiException.unprocessable("App already has a default endpoint");
            }
            Instant now = clock.instant();
            return store.save(new Vhost(
                    store.nextId(),
                    service.id(),
                    service.appId(),
                    service.accountId(),
                    request.type(),
                    platform,
                    Boolean.TRUE.equals(request.internal()),
                    isDefault,
                    acme,
                    acme ? "pending" : null,
                    request.userDomain(),
                    whitelist,
                    request.containerPort(),
                    request.containerPorts() == null ? List.of() : List.copyOf(request.containerPorts()),
                    request.certificateId(),
                    ProvisionStatus.PENDING,
                    null,
                    Map.of(),
                    false,
                    now,
                    now));
        });
    }

    public Vhost get(long id) {
        return store.vhost(id).filter(v -> !v.deleted()).orElseThrow(() -> ApiException.notFound("Vhost", id));
    }

    public List<Vhost> ofService(long serviceId) {
        apps.service(serviceId);
        return live().stream().filter(v -> v.serviceId() == serviceId).toList();
    }

    public List<Vhost> ofApp(long appId) {
        apps.get(appId);
        return live().stream().filter(v -> v.appId() == appId).toList();
    }

    public List<Vhost> inAccount(long accountId) {
        accounts.get(accountId);
        return live().stream().filter(v -> v.accountId() == accountId).toList();
    }

    private List<Vhost> live() {
        return store.vhosts().stream().filter(v -> !v.deleted()).toList();
    }

    public Certificate createCertificate(long accountId, String body, String privateKey) {
        accounts.get(accountId);
        if (body == null || body.isBlank() || privateKey == null || privateKey.isBlank()) {
            throw ApiException.unprocessable("certificate_body and private_key can't be blank");
        }
        X509Certificate x509;
        try {
            x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException | ClassCastException e) {
            throw ApiException.unprocessable("Certificate body is not a PEM-encoded X.509 certificate");
        }
        if (!privateKey.contains("PRIVATE KEY")) {
            throw ApiException.unprocessable("Private key is not a PEM-encoded private key");
        }
        String fingerprint;
        List<String> sans = new ArrayList<>();
        try {
            fingerprint = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(x509.getEncoded()));
            if (x509.getSubjectAlternativeNames() != null) {
                x509.getSubjectAlternativeNames().forEach(san -> sans.add(String.valueOf(san.get(1))));
            }
        } catch (NoSuchAlgorithmException | CertificateException e) {
            throw new IllegalStateException(e);
        }
        String subject = x509.getSubjectX500Principal().getName();
        String cn = subject.replaceAll("(?i)^.*CN=([^,]+).*$", "$1");
        boolean selfSigned = x509.getSubjectX500Principal().equals(x509.getIssuerX500Principal());
        return store.write(() -> store.save(new Certificate(
                store.nextId(),
                accountId,
                body,
                privateKey,
                cn,
                x509.getNotBefore().toInstant(),
                x509.getNotAfter().toInstant(),
                fingerprint,
                List.copyOf(sans),
                selfSigned,
                clock.instant())));
    }

    public Certificate certificate(long id) {
        return store.certificate(id).orElseThrow(() -> ApiException.notFound("Certificate", id));
    }

    public List<Certificate> certificates(long accountId) {
        accounts.get(accountId);
        return store.certificates().stream()
                .filter(c -> c.accountId() == accountId)
                .toList();
    }

    private static void requireCidr(String value) {
        var m = CIDR.matcher(value == null ? "" : value.trim());
        boolean ok = m.matches();
        for (int i = 1; ok && i <= 4; i++) {
            ok = Integer.parseInt(m.group(i)) <= 255;
        }
        if (ok && m.group(6) != null) {
            ok = Integer.parseInt(m.group(6)) <= 32;
        }
        if (!ok) {
            throw ApiException.unprocessable("Ip whitelist entry " + value + " is not an IPv4 address or CIDR");
        }
    }
}
