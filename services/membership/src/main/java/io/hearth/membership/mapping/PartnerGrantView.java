package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.PartnerScope;
import io.hearth.membership.domain.PartnerGrant;
import io.hearth.platform.access.PartnerGrants;

@Schema(description = "A partner client's access to a community.",
        example = "{\"communityId\": \"6f1c2d2e-8a7b-4c55-9a53-2b0e3f1d9c11\", \"clientId\": \"partner-demo\", "
                + "\"scopes\": [\"members:read\", \"events:subscribe\"], \"grantedBy\": "
                + "\"0b6f8a1e-3c1d-4a57-9d3a-5e2f1c7b8a90\", \"grantedAt\": \"2026-11-22T09:30:00Z\"}")
public record PartnerGrantView(
        @Schema(required = true) UUID communityId,
        @Schema(required = true, description = "The partner's Keycloak client id") String clientId,
        @Schema(required = true, type = SchemaType.ARRAY, implementation = PartnerScopeSchema.class)
        List<PartnerScope> scopes,
        @Schema(required = true, description = "The owner who granted it") String grantedBy,
        @Schema(required = true) Instant grantedAt) {

    public static PartnerGrantView of(PartnerGrant grant) {
        return new PartnerGrantView(grant.communityId, grant.clientId,
                List.copyOf(PartnerGrants.split(grant.scopes)), grant.grantedBy, grant.grantedAt);
    }
}
