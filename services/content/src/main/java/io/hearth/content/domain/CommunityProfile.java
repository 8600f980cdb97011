package io.hearth.content.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A community's name and rules as membership last published them; what welcomes say for {community} and {rules}. */
@Entity
@Table(name = "community_profile")
public class CommunityProfile {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Column(nullable = false)
    public String name;

    public String rules;
}
