package io.hearth.content.mapping;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record AcceptReplyRequest(
        @NotNull @Schema(description = "The reply to this question that answers it",
                examples = "8e4b1c2d-3f5a-4b6c-9d7e-1f2a3b4c5d6e") UUID replyId) {
}
