package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Application;
import io.hearth.membership.domain.ApplicationStatus;

@Schema(description = "An application to join a community whose admission is APPROVAL",
        requiredProperties = { "id", "communityId", "userId", "status", "questions", "answers", "createdAt" })
public record ApplicationView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the applicant") String userId,
        @Schema(description = "How the applicant is addressed (token name or username)") String displayName,
        @Schema(description = "PENDING until the owner or an admin approves (the applicant becomes a member) or "
                + "declines it") ApplicationStatus status,
        @Schema(description = "The community's questions as they were asked") List<String> questions,
        @Schema(description = "The applicant's answers, one per question, in the same order") List<String> answers,
        @Schema(description = "Code of the entry the applicant came through; absent if none") String entryCode,
        Instant createdAt,
        @Schema(description = "When it was decided; absent while pending") Instant decidedAt,
        @Schema(description = "Keycloak subject of who decided it; absent while pending") String decidedBy,
        @Schema(description = "The reason given with the decision; absent if none") String reason) {

    public static ApplicationView of(Application a) {
        return new ApplicationView(a.id, a.communityId, a.userId, a.displayName, a.status, List.copyOf(a.questions),
                List.copyOf(a.answers), a.entryCode, a.createdAt, a.decidedAt, a.decidedBy, a.reason);
    }
}
