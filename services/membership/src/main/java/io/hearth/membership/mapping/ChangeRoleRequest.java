package io.hearth.membership.mapping;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.CommunityRole;

public record ChangeRoleRequest(
        @NotNull @Schema(description = "ADMIN or MEMBER; ownership is not handed over this way") CommunityRole role) {
}
