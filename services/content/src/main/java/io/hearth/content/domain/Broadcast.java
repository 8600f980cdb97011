package io.hearth.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One message sent by staff to several communities; a post of kind BROADCAST appears in each. */
@Entity
@Table(name = "broadcast")
public class Broadcast {
    @Id
    public UUID id;

    @Column(name = "sender_id", nullable = false)
    public String senderId;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** The target communities, in the order the sender listed them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "community_ids", nullable = false)
    public List<String> communityIds;

    /** When its posts appear (or appeared): the creation time when no later time was asked for. */
    @Column(name = "publish_at", nullable = false)
    public Instant publishAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Inbox deliveries made, and those suppressed by a daily cap; kept by the delivery consumer. */
    @Column(nullable = false)
    public int delivered;

    @Column(nullable = false)
    public int suppressed;

    /** Delivered inbox items read (each counted once, at its first read). */
    @Column(name = "read_count", nullable = false)
    public int readCount;

    /** The body of the post it places in each community: the title, a blank line, the body. */
    public String postBody() {
        return title + "\n\n" + body;
    }
}
