package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.CommunityKind;
import io.hearth.membership.domain.SizeTier;

@Schema(description = "A community", requiredProperties = { "id", "name", "theme", "kind", "ownerId", "memberCount",
        "sizeTier", "timeZone", "admission", "questions", "createdAt" })
public record CommunityView(UUID id, String name,
        @Schema(description = "The shared value that holds the community together") String theme, CommunityKind kind,
        @Schema(description = SIZE_CAP) Integer sizeCap,
        @Schema(description = "Keycloak subject of the owner") String ownerId,
        @Schema(description = "Current members, staff included") long memberCount,
        @Schema(description = "SMALL under 50 members, MEDIUM 50 to 200, LARGE over 200; crossing a boundary "
                + "publishes hearth.community.tier-changed") SizeTier sizeTier,
        @Schema(description = RULES) String rules,
        @Schema(description = TIME_ZONE) String timeZone,
        @Schema(description = ADMISSION) Admission admission,
        @Schema(description = QUESTIONS, maxItems = 5) List<String> questions,
        Instant createdAt) {

    static final String SIZE_CAP = "Most members allowed, counting every member: the owner and admins included. "
            + "Absent for no cap. Lowering it below the current member count removes nobody; joins are refused "
            + "(422 community-full) until members have left below it.";
    static final String RULES = "What members agree to, up to 5000 characters; absent for none";
    static final String TIME_ZONE = "IANA time zone the community's days are counted in (check-in streaks, daily "
            + "figures).";
    static final String ADMISSION = "How newcomers get in: OPEN (they join at once), APPROVAL (joining files an "
            + "application that the owner or an admin decides), CLOSED (nobody joins).";
    static final String QUESTIONS = "Up to five questions (1 to 200 characters each) an APPROVAL community asks; "
            + "each application answers every one";

    public static CommunityView of(Community community) {
        return new CommunityView(community.id, community.name, community.theme, community.kind, community.sizeCap,
                community.ownerId, community.memberCount, SizeTier.of(community.memberCount), community.rules,
                community.timeZone, community.admission, List.copyOf(community.questions), community.createdAt);
    }
}
