package io.hearth.membership.mapping;

import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LiveCodeJoinRequest(
        @Pattern(regexp = Labels.VISITOR_ID_PATTERN, message = Labels.VISITOR_ID_MESSAGE)
        @Schema(description = "The visitorId the live code's preview (GET /live-codes/{code}) answered; 1-64 "
                + "characters of A-Z, a-z, 0-9, _ and -", maxLength = 64) String visitorId) {

    public static final LiveCodeJoinRequest EMPTY = new LiveCodeJoinRequest(null);
}
