package io.hearth.content.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.CommunityRules;
import io.hearth.content.domain.LinkPolicy;
import io.hearth.content.domain.ModerationRule;
import io.hearth.content.repository.CommunityRulesRepository;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.RuleBreached;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The check every write of a member's text passes (posts; replies and edits too): the community's blocked words,
 * link policy and flood limit. A breach is refused with 422 {@code moderation} naming the rule, and recorded with its
 * event by {@link BreachLog} in a transaction of its own, so that it stands although the write is rolled back.
 *
 * <p>Who is exempt: the owner and admins from blocked words and from the flood limit (they moderate, and post
 * announcements in bursts); from links only under {@code STAFF_ONLY}, which exists for that, while {@code BLOCK}
 * refuses links from everybody. Partner clients and Hearth's own posts (welcomes) are not checked.
 *
 * <p>Flooding: a member may write {@code maxPostsPerMinute} posts and replies in the community in any 60 seconds;
 * the next within that minute is refused. They are counted from the post and reply tables (an exact sliding minute,
 * unlike a token bucket, which lets a burst and its refill both through in one minute) under a per-member lock held
 * until the write commits, so two writes at once are counted one after the other. A refused write counts for nothing.
 */
@ApplicationScoped
public class ModerationRules {
    /** Advisory-lock namespace of a member's writes while their flood count is decided (two-key form). */
    private static final int MEMBER_WRITES_LOCK_SPACE = 0x464c;
    private static final Duration FLOOD_WINDOW = Duration.ofMinutes(1);
    private static final String LOCK_WRITER = "select 1 from pg_advisory_xact_lock(" + MEMBER_WRITES_LOCK_SPACE
            + ", hashtext(:key))";
    private static final String RECENT_WRITES = "select (select count(*) from post where community_id = :community"
            + " and author_id = :author and created_at > cast(:since as timestamptz))"
            + " + (select count(*) from reply where community_id = :community and author_id = :author"
            + " and created_at > cast(:since as timestamptz))";

    private final CommunityRulesRepository rules;
    private final BreachLog breaches;

    public ModerationRules(CommunityRulesRepository rules, BreachLog breaches) {
        this.rules = rules;
        this.breaches = breaches;
    }

    /**
     * Passes, or fails with 422 {@code moderation} after recording the breach. Call it inside the write's transaction,
     * after the caller's role was checked ({@code role}) and before the write records any event.
     */
    public Uni<Void> check(UUID communityId, String authorId, CommunityRole role, String text) {
        return check(communityId, authorId, role, text, true);
    }

    /**
     * The check of an edit: blocked words and links as for a new text, but no flood count, since an edit adds no
     * post or reply.
     */
    public Uni<Void> checkEdit(UUID communityId, String authorId, CommunityRole role, String text) {
        return check(communityId, authorId, role, text, false);
    }

    private Uni<Void> check(UUID communityId, String authorId, CommunityRole role, String text, boolean newWrite) {
        boolean staff = CommunityAccess.STAFF.contains(role);
        return rules.of(communityId).chain(current -> {
            String normalised = TextRules.normalise(text);
            if (!staff) {
                String word = TextRules.blockedWordIn(normalised, current.blockedWords);
                if (word != null) {
                    return refuse(current, authorId, ModerationRule.BLOCKED_WORD, word,
                            "Your text contains \"" + word + "\", which community " + communityId
                                    + " does not allow.");
                }
            }
            boolean linksRefused = current.linkPolicy == LinkPolicy.BLOCK
                    || current.linkPolicy == LinkPolicy.STAFF_ONLY && !staff;
            if (linksRefused) {
                String link = TextRules.linkIn(normalised);
                if (link != null) {
                    return refuse(current, authorId, ModerationRule.LINK, link, (current.linkPolicy == LinkPolicy.BLOCK
                            ? "Community " + communityId + " allows no links"
                            : "In community " + communityId + " only the owner and admins may post links")
                            + "; your text contains " + link + ".");
                }
            }
            if (staff || !newWrite || current.maxPostsPerMinute == null) {
                return Uni.createFrom().voidItem();
            }
            return recentWrites(communityId, authorId).chain(recent -> recent < current.maxPostsPerMinute
                    ? Uni.createFrom().voidItem()
                    : refuse(current, authorId, ModerationRule.FLOOD, null, "Community " + communityId
                            + " allows at most " + current.maxPostsPerMinute + " posts and replies a minute; wait a "
                            + "moment before writing again."));
        });
    }

    /** The member's posts and replies in the community in the last minute, counted once their earlier writes end. */
    private static Uni<Long> recentWrites(UUID communityId, String authorId) {
        Instant since = Instant.now().minus(FLOOD_WINDOW);
        // Two statements: the count's snapshot must be taken after the lock is granted, to see what its holder wrote.
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_WRITER)
                .setParameter("key", communityId + " " + authorId).getSingleResult()
                .chain(() -> session.createNativeQuery(RECENT_WRITES, Long.class)
                        .setParameter("community", communityId)
                        .setParameter("author", authorId)
                        .setParameter("since", since.atOffset(ZoneOffset.UTC))
                        .getSingleResult()));
    }

    private Uni<Void> refuse(CommunityRules current, String authorId, ModerationRule rule, String matched,
            String detail) {
        return breaches.record(current, authorId, rule, matched)
                .map(breach -> {
                    throw Problems.of(ProblemType.MODERATION, detail + " Nothing was written. " + consequence(
                            breach, current), Map.of("rule", rule.value()));
                });
    }

    private static String consequence(RuleBreached breach, CommunityRules current) {
        if (breach.muteMinutes() != null) {
            return "That is " + breach.breaches() + " breaches in 24 hours: you are muted for " + breach.muteMinutes()
                    + " minutes.";
        }
        return "Breaches in 24 hours: " + breach.breaches() + " of " + current.breachesBeforeMute
                + " before a mute.";
    }
}
