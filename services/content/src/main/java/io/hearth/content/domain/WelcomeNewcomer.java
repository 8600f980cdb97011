package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Someone a burst's welcome names, as the join event described them. */
@Entity
@Table(name = "welcome_newcomer")
public class WelcomeNewcomer {
    /** Order of arrival. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "burst_id", nullable = false)
    public UUID burstId;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    /** From the join event; null when it carried none. */
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;
}
