package io.hearth.membership.mapping;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record JoinRequest(
        @Size(min = 1, max = 64) @Schema(description = "Code of the entry the person came through, for attribution") String entryCode) {

    /** A join that names no entry: a direct join. */
    public static final JoinRequest EMPTY = new JoinRequest(null);
}
