package io.hearth.membership.mapping;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a partner scope appears in the OpenAPI document: its written value, not the Java constant's name. */
@Schema(name = "PartnerScope", type = SchemaType.STRING,
        enumeration = { "members:read", "analytics:read", "posts:write", "events:subscribe" })
public final class PartnerScopeSchema {
    private PartnerScopeSchema() {
    }
}
