package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.membership.domain.AutoTag;
import io.hearth.membership.domain.DirectoryMember;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.domain.Membership;

@Schema(description = "A person's current membership of a community",
        requiredProperties = { "communityId", "userId", "role", "joinedAt" })
public record MemberView(UUID communityId, @Schema(description = "Keycloak subject of the member") String userId,
        CommunityRole role, Instant joinedAt,
        @Schema(description = "Code of the entry they joined through; absent if none") String entryCode,
        @Schema(description = "Channel of that entry; absent if none") EntryChannel channel,
        @Schema(description = "Who referred them, for a join through a referral; absent otherwise") String referrerId,
        @Schema(description = "How the person was addressed when they joined (their token's name or username); "
                + "absent if unknown") String displayName,
        @Schema(description = "The operator's label of the entry or live code they joined through (poster, "
                + "partner-acme, ...); absent if none") String source,
        @Schema(description = "The live code they came through; absent otherwise") String liveCode,
        @Schema(description = "Manual tags staff gave them, in alphabetical order; present in the member directory "
                + "and the tag route's answer") List<String> tags,
        @Schema(description = "Automatic tags, judged when read: new (joined in the last 7 days), active (activity "
                + "in the last 7 days), silent (a member for 14+ days, no activity in the last 14), key-member (among "
                + "the fewest plain members producing half of the last 30 UTC days' activity); present where tags "
                + "is") List<String> autoTags,
        @Schema(description = "Time of their latest activity event (post, check-in, ...) in this community; absent "
                + "if none is known (or outside the directory)") Instant lastActiveAt) {

    public static MemberView of(Membership m) {
        return new MemberView(m.communityId, m.userId, m.role, m.joinedAt, m.entryCode, m.channel, m.referrerId,
                m.displayName, m.source, m.liveCode, null, null, null);
    }

    public static MemberView of(DirectoryMember m) {
        return new MemberView(m.communityId(), m.userId(), m.role(), m.joinedAt(), m.entryCode(), m.channel(),
                m.referrerId(), m.displayName(), m.source(), m.liveCode(), m.tags(),
                m.autoTags().stream().map(AutoTag::label).toList(), m.lastActiveAt());
    }
}
