package io.hearth.membership.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One code over a pool of communities: a newcomer joins the first one with room; see V8__live_code.sql. */
@Entity
@Table(name = "live_code")
public class LiveCode {
    @Id
    public String code;

    @Column(nullable = false)
    public String name;

    /** Owner of every community of the pool when it was made; owns the communities overflow creates. */
    @Column(name = "owner_id", nullable = false)
    public String ownerId;

    /** The operator's label for where the code is published. */
    public String source;

    /** Whether a full pool grows by a copy of its last community instead of refusing the join. */
    @Column(nullable = false)
    public boolean overflow;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
