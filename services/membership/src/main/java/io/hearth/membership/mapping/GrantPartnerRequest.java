package io.hearth.membership.mapping;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.PartnerScope;

@Schema(description = "The scopes the partner client gets in the community; they replace any it had.",
        example = "{\"scopes\": [\"members:read\", \"events:subscribe\"]}")
public record GrantPartnerRequest(
        @NotNull @Size(min = 1, max = 4)
        @Schema(type = SchemaType.ARRAY, required = true, minItems = 1, maxItems = 4, uniqueItems = true,
                implementation = PartnerScopeSchema.class,
                description = "members:read (GET .../members), analytics:read (analytics funnels), posts:write "
                        + "(POST .../posts as the partner), events:subscribe (webhook subscriptions)")
        List<@NotNull PartnerScope> scopes) {
}
