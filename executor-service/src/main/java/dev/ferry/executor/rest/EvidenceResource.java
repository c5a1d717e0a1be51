package dev.ferry.executor.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.common.security.Roles;
import dev.ferry.executor.service.EvidenceSigner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public key that checks evidence packs' signatures, for auditors; for anyone who may view. */
@Path("/api/evidence")
@RolesAllowed(Roles.VIEWER)
public class EvidenceResource {
    static final String PEM = "application/x-pem-file";

    private final EvidenceSigner signer;

    public EvidenceResource(EvidenceSigner signer) {
        this.signer = signer;
    }

    /** The key that verifies evidence packs: its algorithm, id and PEM text. */
    public record SigningKey(String algorithm, String keyId, String pem) {}

    @GET
    @Path("/signing-key")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The Ed25519 public key that verifies evidence packs' signatures, with its id; as PEM with"
                    + " Accept: application/x-pem-file. 404 when packs are not signed")
    public SigningKey signingKey() {
        return new SigningKey(EvidenceSigner.ALGORITHM, signer.keyId().orElseThrow(EvidenceResource::unsigned), pem());
    }

    @GET
    @Path("/signing-key")
    @Produces(PEM)
    @Operation(summary = "The Ed25519 public key as a PEM file, for openssl pkeyutl -verify")
    public Response signingKeyPem() {
        return Response.ok(pem())
                .header("Ferry-Key-Id", signer.keyId().orElseThrow())
                .build();
    }

    private String pem() {
        return signer.publicKeyPem().orElseThrow(EvidenceResource::unsigned);
    }

    private static ProblemException unsigned() {
        return ProblemException.notFound("Evidence packs are not signed here: no executor.evidence.signing-key"
                + " (FERRY_EVIDENCE_SIGNING_KEY) is configured");
    }
}
