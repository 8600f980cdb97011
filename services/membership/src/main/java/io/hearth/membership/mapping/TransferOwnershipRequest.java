package io.hearth.membership.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record TransferOwnershipRequest(@NotBlank @Size(max = 255) @Schema(description = "Keycloak subject of the "
        + "current member or admin who becomes the owner") String userId) {
}
