package io.hearth.content.mapping;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How far an announcement reached. Staff (owner, admins) publish announcements and are not counted "
        + "among the current members it is meant for", requiredProperties = { "announcementId", "communityId",
                "readCount", "currentMembers", "currentMemberReads", "readShare" })
public record AnnouncementStatsView(UUID announcementId, UUID communityId,
        @Schema(description = "Everyone who has marked it read, each once: staff and people who left since included")
        int readCount,
        @Schema(description = "Current members with the role MEMBER (staff not counted)") long currentMembers,
        @Schema(description = "How many of those current members have read it") long currentMemberReads,
        @Schema(description = "currentMemberReads / currentMembers, from 0 to 1; 0 when there are no members",
                examples = "0.25") double readShare) {

    public static AnnouncementStatsView of(UUID announcementId, UUID communityId, int readCount, long currentMembers,
            long currentMemberReads) {
        double share = currentMembers == 0 ? 0 : (double) currentMemberReads / currentMembers;
        return new AnnouncementStatsView(announcementId, communityId, readCount, currentMembers, currentMemberReads,
                share);
    }
}
