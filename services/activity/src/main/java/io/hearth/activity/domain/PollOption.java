package io.hearth.activity.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One answer a poll offers; {@code position} keeps the order staff gave. */
@Entity
@Table(name = "poll_option")
public class PollOption {
    @Id
    public UUID id;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "poll_id", nullable = false)
    public UUID pollId;

    @Column(nullable = false)
    public short position;

    @Column(nullable = false)
    public String text;
}
