package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Admission;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.CommunityKind;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.SizeTier;

@Schema(description = "What a person who opens an entry or a live code sees before joining: the community they "
        + "would join, whether the code still takes joins, and the visitor id to send with the join",
        requiredProperties = { "communityId", "name", "theme", "kind", "memberCount", "sizeTier", "channel",
                "visitorId", "usable", "timeZone", "admission", "questions" })
public record EntryPreview(UUID communityId, String name,
        @Schema(description = "The shared value that holds the community together") String theme,
        CommunityKind kind,
        @Schema(description = "Current members, staff included") long memberCount, SizeTier sizeTier,
        @Schema(description = "Most members allowed, staff included; absent for no cap") Integer sizeCap,
        @Schema(description = CommunityView.RULES) String rules,
        @Schema(description = CommunityView.TIME_ZONE) String timeZone,
        @Schema(description = CommunityView.ADMISSION) Admission admission,
        @Schema(description = CommunityView.QUESTIONS) List<String> questions,
        EntryChannel channel,
        @Schema(description = "The entry's code; absent for a live code") String entryCode,
        @Schema(description = "The live code; absent for an entry") String liveCode,
        @Schema(description = "The operator's label for where the code is published; absent if none") String source,
        @Schema(description = "When the entry stops taking joins; absent for never") Instant expiresAt,
        @Schema(description = "Send this as visitorId with the join (and as the Hearth-Visitor-Id header of later "
                + "openings): the one sent in Hearth-Visitor-Id, or a new one") String visitorId,
        @Schema(description = "Whether a join through this code would be taken now") boolean usable,
        @Schema(description = "Why not, as the problem type a join would be refused with; absent when usable",
                enumeration = { "entry-expired", "entry-used-up", "community-full", "community-closed" })
        String unusableReason) {

    public static EntryPreview of(Community community, EntryChannel channel, String entryCode, String liveCode,
            String source, Instant expiresAt, String visitorId, String unusableReason) {
        String reason = unusableReason == null && community.admission == Admission.CLOSED
                ? "community-closed" : unusableReason;
        return new EntryPreview(community.id, community.name, community.theme, community.kind, community.memberCount,
                SizeTier.of(community.memberCount), community.sizeCap, community.rules, community.timeZone,
                community.admission, community.questions, channel, entryCode, liveCode, source, expiresAt, visitorId,
                reason == null, reason);
    }
}
