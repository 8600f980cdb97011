package io.hearth.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Something a member wrote in a community, tagged with the topics it is about. */
@Entity
@Table(name = "post")
public class Post {
    /** Order of writing; the paging cursor. */
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
    public String body;

    /** Normalised topic tags: trimmed, lower case, without a leading '#', each once. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> topics;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Length of the body in characters as a reader counts them (Unicode code points, so an emoji is one). */
    public int bodyLength() {
        return body.codePointCount(0, body.length());
    }
}
