package dev.ferry.simulator.aptible.domain;

import java.time.Instant;
import java.util.List;

/** A custom TLS certificate uploaded to an account, referenced by endpoints. */
public record Certificate(
        long id,
        long accountId,
        String body,
        String privateKey,
        String commonName,
        Instant notBefore,
        Instant notAfter,
        String sha256Fingerprint,
        List<String> subjectAlternativeNames,
        boolean selfSigned,
        Instant createdAt) {}
