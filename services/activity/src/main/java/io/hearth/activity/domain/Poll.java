package io.hearth.activity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A question staff put to a community, with options members vote for until {@code closesAt}. Staff closing it early
 * moves {@code closesAt} to that moment and records who did in {@code closedBy}.
 */
@Entity
@Table(name = "poll")
public class Poll {
    /** Order of creation; the paging cursor. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(nullable = false, unique = true)
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(nullable = false)
    public String question;

    @Column(name = "multiple_choice", nullable = false)
    public boolean multipleChoice;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_by")
    public String closedBy;

    /** Votes are taken strictly before {@code closesAt}. */
    public boolean isOpenAt(Instant now) {
        return now.isBefore(closesAt);
    }
}
