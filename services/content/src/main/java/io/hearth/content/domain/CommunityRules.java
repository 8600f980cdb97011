package io.hearth.content.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A community's moderation rules as staff set them; {@link #defaults} when they never did. */
@Entity
@Table(name = "moderation_rules")
public class CommunityRules {
    public static final int DEFAULT_BREACHES_BEFORE_MUTE = 3;
    public static final int DEFAULT_MUTE_MINUTES = 60;

    @Id
    @Column(name = "community_id")
    public UUID communityId;

    /** Normalised as text is matched (see TextRules.normalise), each once. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "blocked_words", nullable = false)
    public List<String> blockedWords;

    @Enumerated(EnumType.STRING)
    @Column(name = "link_policy", nullable = false)
    public LinkPolicy linkPolicy;

    /** Posts and replies a member may write in a minute; null for no limit. */
    @Column(name = "max_posts_per_minute")
    public Integer maxPostsPerMinute;

    @Column(name = "breaches_before_mute", nullable = false)
    public int breachesBeforeMute;

    @Column(name = "mute_minutes", nullable = false)
    public int muteMinutes;

    /** Null while the rules are the defaults, never set. */
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    /** The rules of a community whose staff never set any: nothing blocked, links allowed, no flood limit. */
    public static CommunityRules defaults(UUID communityId) {
        CommunityRules rules = new CommunityRules();
        rules.communityId = communityId;
        rules.blockedWords = List.of();
        rules.linkPolicy = LinkPolicy.ALLOW;
        rules.maxPostsPerMinute = null;
        rules.breachesBeforeMute = DEFAULT_BREACHES_BEFORE_MUTE;
        rules.muteMinutes = DEFAULT_MUTE_MINUTES;
        return rules;
    }
}
