package io.hearth.membership.mapping;

import java.time.Instant;
import java.util.UUID;

import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;

public record EntryView(String code, UUID communityId, EntryChannel channel, String createdBy, Instant createdAt) {

    public static EntryView of(Entry entry) {
        return new EntryView(entry.code, entry.communityId, entry.channel, entry.createdBy, entry.createdAt);
    }
}
