package io.hearth.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A community's welcome: the text posted for each burst of joins, and how long a burst gathers newcomers. */
@Entity
@Table(name = "welcome_setting")
public class WelcomeSetting {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Column(nullable = false)
    public String template;

    @Column(name = "merge_seconds", nullable = false)
    public int mergeSeconds;

    /** When it was turned on; joins that happened before are not welcomed. */
    @Column(name = "enabled_at", nullable = false)
    public Instant enabledAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
