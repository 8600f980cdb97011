package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;

@Schema(description = "An entry into a community: its code goes into an invite link, a referral link or a live code",
        requiredProperties = { "code", "communityId", "channel", "createdBy", "createdAt", "uses" })
public record EntryView(@Schema(description = "The code to share; joins that send it are attributed to this entry")
        String code, UUID communityId, EntryChannel channel,
        @Schema(description = "Keycloak subject of who made it: the referrer, for a referral") String createdBy,
        Instant createdAt,
        @Schema(description = "The operator's label for where it is published; absent if none") String source,
        @Schema(description = "When it stops taking joins; absent for never") Instant expiresAt,
        @Schema(description = "The most joins it takes; absent for no limit") Integer maxUses,
        @Schema(description = "Joins through it so far") int uses) {

    public static EntryView of(Entry entry) {
        return new EntryView(entry.code, entry.communityId, entry.channel, entry.createdBy, entry.createdAt,
                entry.source, entry.expiresAt, entry.maxUses, entry.uses);
    }
}
