package dev.ferry.executor.rest;

import dev.ferry.common.rest.ProblemException;
import dev.ferry.common.security.Roles;
import dev.ferry.executor.service.EvidenceSigner;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The public key that checks evidence packs' signatures, for auditors; for anyone who may view. */
@Path("/api/evidence")
@RolesAllowed(Roles.VIEWER)
public class EvidenceResource {
    private final EvidenceSigner signer;

    public EvidenceResource(EvidenceSigner signer) {
        this.signer = signer;
    }

    @GET
    @Path("/signing-key")
    @Produces("application/x-pem-file")
    @Operation(
            summary = "The Ed25519 public key (PEM) that verifies evidence packs' signatures; 404 when packs are"
                    + " not signed")
    public Response signingKey() {
        String pem = signer.publicKeyPem()
                .orElseThrow(() -> ProblemException.notFound("Evidence packs are not signed here: no"
                        + " executor.evidence.signing-key (FERRY_EVIDENCE_SIGNING_KEY) is configured"));
        return Response.ok(pem)
                .header("Ferry-Key-Id", signer.keyId().orElseThrow())
                .build();
    }
}
