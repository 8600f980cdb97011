package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;

@Schema(description = "An entry into a community: its code goes into an invite link, a referral link or a live code",
        requiredProperties = { "code", "communityId", "channel", "createdBy", "createdAt" })
public record EntryView(@Schema(description = "The code to share; joins that send it are attributed to this entry")
        String code, UUID communityId, EntryChannel channel,
        @Schema(description = "Keycloak subject of the staff member who made it") String createdBy,
        Instant createdAt) {

    public static EntryView of(Entry entry) {
        return new EntryView(entry.code, entry.communityId, entry.channel, entry.createdBy, entry.createdAt);
    }
}
