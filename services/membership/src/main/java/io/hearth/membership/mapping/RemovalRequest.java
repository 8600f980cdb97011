package io.hearth.membership.mapping;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record RemovalRequest(
        @Schema(description = "Also ban the person, so that they cannot join again through any entry or live code "
                + "until the ban is lifted; default false (a kick)", defaultValue = "false") Boolean ban,
        @Size(max = MuteRequest.MAX_REASON) @Schema(maxLength = MuteRequest.MAX_REASON, description = "Why, for the "
                + "audit and hearth.member.left") String reason) {

    public boolean banned() {
        return Boolean.TRUE.equals(ban);
    }
}
