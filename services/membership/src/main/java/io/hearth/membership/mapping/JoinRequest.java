package io.hearth.membership.mapping;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record JoinRequest(
        @Size(min = 1, max = 64) @Schema(description = "Code of the entry the person came through, for attribution") String entryCode,
        @Size(max = 5) @Schema(description = "For a community whose admission is APPROVAL: one answer (1 to 1000 "
                + "characters) to each of its questions, in their order; ignored elsewhere", maxItems = 5)
        List<@NotBlank @Size(max = 1000) String> answers,
        @Pattern(regexp = Labels.VISITOR_ID_PATTERN, message = Labels.VISITOR_ID_MESSAGE)
        @Schema(description = "The visitorId the entry's preview (GET /entries/{code}) answered, tying the "
                + "anonymous opening to this join; 1-64 characters of A-Z, a-z, 0-9, _ and -", maxLength = 64)
        String visitorId) {

    /** A join that names no entry: a direct join. */
    public static final JoinRequest EMPTY = new JoinRequest(null, null, null);
}
