package io.hearth.membership.mapping;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.CommunityKind;

public record CreateCommunityRequest(
        @NotBlank @Size(max = 120) @Schema(examples = "Morning Runners Shanghai") String name,
        @NotBlank @Size(max = 500) @Schema(description = "The shared value that holds the community together",
                examples = "Run 5 km before work, together") String theme,
        @NotNull CommunityKind kind,
        @Min(1) @Max(100000) @Schema(description = CommunityView.SIZE_CAP) Integer sizeCap,
        @Size(max = 5000) @Schema(description = CommunityView.RULES) String rules,
        @TimeZoneId @Schema(description = CommunityView.TIME_ZONE + " UTC when absent.", examples = "Asia/Shanghai")
        String timeZone,
        @Schema(description = CommunityView.ADMISSION + " OPEN when absent.") Admission admission,
        @Size(max = 5) @Schema(description = CommunityView.QUESTIONS, maxItems = 5)
        List<@NotBlank @Size(max = 200) String> questions) {
}
