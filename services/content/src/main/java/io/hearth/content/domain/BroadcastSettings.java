package io.hearth.content.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The daily broadcast cap an owner sets for members reached through the communities they own. */
@Entity
@Table(name = "broadcast_settings")
public class BroadcastSettings {
    /** The cap when the owner set none. */
    public static final int DEFAULT_DAILY_CAP = 2;

    @Id
    @Column(name = "owner_id")
    public String ownerId;

    @Column(name = "daily_cap", nullable = false)
    public int dailyCap;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
