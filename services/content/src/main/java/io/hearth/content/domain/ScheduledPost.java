package io.hearth.content.domain;

import java.time.Instant;
import java.util.ArrayList;
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

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A post waiting for its publication time; when it comes, it becomes a {@link Post} with the same id. */
@Entity
@Table(name = "scheduled_post")
public class ScheduledPost {
    /** Order of scheduling; the paging cursor. */
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

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> topics;

    /** POST, QUESTION or BROADCAST (a broadcast's copy for one of its communities). */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PostKind kind = PostKind.POST;

    @Column(name = "broadcast_id")
    public UUID broadcastId;

    @Column(name = "publish_at", nullable = false)
    public Instant publishAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The post it becomes, published at {@code now}. */
    public Post toPost(Instant now) {
        Post post = new Post();
        post.id = id;
        post.communityId = communityId;
        post.authorId = authorId;
        post.body = body;
        post.topics = new ArrayList<>(topics);
        post.kind = kind;
        post.broadcastId = broadcastId;
        post.createdAt = now;
        return post;
    }
}
