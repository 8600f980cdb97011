package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something in one person's inbox: a broadcast delivered to them, or another service's notice. */
@Entity
@Table(name = "inbox_item")
public class InboxItem {
    /** Kind of the items broadcasts deliver; notices carry their own kind (lower-kebab-case). */
    public static final String BROADCAST = "broadcast";

    /** Order of arrival; the paging cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    public String body;

    /** What it is about: the post for a broadcast, whatever the issuing service names for a notice. */
    public String ref;

    @Column(name = "community_id")
    public UUID communityId;

    @Column(name = "broadcast_id")
    public UUID broadcastId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
