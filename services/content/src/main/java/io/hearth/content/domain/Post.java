package io.hearth.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * Something a member wrote in a community, tagged with the topics it is about. Updates write only the columns that
 * changed: the knowledge base and the counters change other columns of the same row with statements of their own.
 */
@Entity
@DynamicUpdate
@Table(name = "post")
public class Post {
    /** Order of writing; the paging cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "author_id", nullable = false)
    public String authorId;

    @Column(nullable = false)
    public String body;

    /** Normalised topic tags: trimmed, lower case, without a leading '#', each once. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> topics;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind = PostKind.POST;

    @Column(name = "edited_at")
    public Instant editedAt;

    /** When it was taken down, by whom (the author or staff) and why; null while it stands. */
    @Column(name = "removed_at")
    public Instant removedAt;

    @Column(name = "removed_by")
    public String removedBy;

    @Column(name = "removal_reason")
    public String removalReason;

    /** For a question: the reply accepted as its answer. */
    @Column(name = "accepted_reply_id")
    public UUID acceptedReplyId;

    /** In the knowledge base since then, by staff or {@code hearth} (automatic nomination); null when not. */
    @Column(name = "featured_at")
    public Instant featuredAt;

    @Column(name = "featured_by")
    public String featuredBy;

    /** For kind BROADCAST: the broadcast that placed it. */
    @Column(name = "broadcast_id")
    public UUID broadcastId;

    @Column(name = "reply_count", nullable = false)
    public int replyCount;

    @Column(name = "reaction_count", nullable = false)
    public int reactionCount;

    /** Length of the body in characters as a reader counts them (Unicode code points, so an emoji is one). */
    public int bodyLength() {
        return body.codePointCount(0, body.length());
    }
}
