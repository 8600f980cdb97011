package io.hearth.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a paid plan entitles its buyer to: the whole {@code COMMUNITY} (every paid topic, event and challenge in it),
 * or one paid {@code TOPIC} (by its tag, lower case without '#'), {@code EVENT} or {@code CHALLENGE} (by id).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "What a payment entitles its buyer to", requiredProperties = { "kind" })
public record PlanGrant(
        // Inline, not a shared component: documents that do not use plans would keep an orphan GrantKind.
        @Schema(implementation = String.class, enumeration = { "COMMUNITY", "TOPIC", "EVENT", "CHALLENGE" },
                examples = "TOPIC") GrantKind kind,
        @Schema(description = "The topic tag (lower case, no '#'), event id or challenge id; absent for COMMUNITY",
                examples = "marathon") String itemId) {

    /** Whether holding this grant entitles to {@code kind}/{@code itemId}: a COMMUNITY grant covers every item. */
    public boolean covers(GrantKind wanted, String wantedId) {
        return kind == GrantKind.COMMUNITY || (kind == wanted && itemId != null && itemId.equals(wantedId));
    }
}
