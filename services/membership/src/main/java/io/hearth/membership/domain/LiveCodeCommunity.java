package io.hearth.membership.domain;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A community of a live code's pool, at its place in the order newcomers fill the pool. */
@Entity
@Table(name = "live_code_community")
@IdClass(LiveCodeCommunity.Key.class)
public class LiveCodeCommunity {
    @Id
    @Column(name = "live_code")
    public String liveCode;

    @Id
    public int position;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    public static class Key implements Serializable {
        public String liveCode;
        public int position;

        public Key() {
        }

        public Key(String liveCode, int position) {
            this.liveCode = liveCode;
            this.position = position;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.liveCode.equals(liveCode) && k.position == position;
        }

        @Override
        public int hashCode() {
            return Objects.hash(liveCode, position);
        }
    }
}
