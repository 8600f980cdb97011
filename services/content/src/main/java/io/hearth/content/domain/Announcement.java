package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Something staff announced to the community; members mark it read. */
@Entity
@Table(name = "announcement")
public class Announcement {
    /** Order of publishing; with {@link #pinned}, the paging cursor. */
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
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(nullable = false)
    public boolean pinned;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Everyone who ever marked it read, once each (people who left since included). */
    @Column(name = "read_count", nullable = false)
    public int readCount;
}
