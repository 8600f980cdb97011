package io.hearth.content.mapping;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hearth.content.domain.Announcement;

@Schema(description = "An announcement, as the caller sees it", requiredProperties = { "id", "communityId", "authorId",
        "title", "body", "pinned", "createdAt", "readCount", "readByMe" })
public record AnnouncementView(UUID id, UUID communityId,
        @Schema(description = "Keycloak subject of the staff member who published it") String authorId,
        String title, String body,
        @Schema(description = "Pinned announcements come first in the list") boolean pinned, Instant createdAt,
        @Schema(description = "How many people have marked it read, each once (people who left since included)")
        int readCount,
        @Schema(description = "Whether the caller has marked it read") boolean readByMe) {

    public static AnnouncementView of(Announcement a, boolean readByMe) {
        return of(a, a.readCount, readByMe);
    }

    /** With the read count as the database has it now (after the caller's own first read). */
    public static AnnouncementView of(Announcement a, int readCount, boolean readByMe) {
        return new AnnouncementView(a.id, a.communityId, a.authorId, a.title, a.body, a.pinned, a.createdAt,
                readCount, readByMe);
    }
}
