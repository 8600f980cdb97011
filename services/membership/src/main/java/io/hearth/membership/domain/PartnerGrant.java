package io.hearth.membership.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What one partner client may do in one community, as the owner granted it. */
@Entity
@Table(name = "partner_grant")
@IdClass(PartnerGrant.Key.class)
public class PartnerGrant {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "client_id")
    public String clientId;

    /** Space-separated scope values; see {@link io.hearth.platform.access.PartnerGrants#split}. */
    @Column(nullable = false)
    public String scopes;

    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_at", nullable = false)
    public Instant grantedAt;

    public static class Key implements Serializable {
        public UUID communityId;
        public String clientId;

        public Key() {
        }

        public Key(UUID communityId, String clientId) {
            this.communityId = communityId;
            this.clientId = clientId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.communityId.equals(communityId) && k.clientId.equals(clientId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(communityId, clientId);
        }
    }
}
