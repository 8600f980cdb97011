package io.hearth.content.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.CommunityRules;
import io.hearth.content.domain.LinkPolicy;
import io.hearth.content.mapping.ModerationRulesRequest;
import io.hearth.content.mapping.ModerationRulesView;
import io.hearth.content.mapping.RuleBreachView;
import io.hearth.content.repository.CommunityRulesRepository;
import io.hearth.content.repository.RuleBreachRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** Staff set and read their community's moderation rules and read the breaches; the check is ModerationRules. */
@ApplicationScoped
public class ModerationService {
    private static final int MAX_WORD_LENGTH = 50;

    private final CommunityRulesRepository rules;
    private final RuleBreachRepository breaches;
    private final CommunityAccess access;

    public ModerationService(CommunityRulesRepository rules, RuleBreachRepository breaches, CommunityAccess access) {
        this.rules = rules;
        this.breaches = breaches;
        this.access = access;
    }

    /** Replaces the rules as a whole, for the owner and admins; absent fields take their defaults. */
    @WithTransaction
    public Uni<ModerationRulesView> set(UUID communityId, ModerationRulesRequest request, String callerId) {
        return Uni.createFrom().item(() -> words(request.blockedWords()))
                .call(() -> access.require(communityId.toString(), callerId, CommunityAccess.STAFF))
                .chain(words -> rules.findById(communityId).chain(existing -> {
                    CommunityRules set = existing != null ? existing : CommunityRules.defaults(communityId);
                    set.blockedWords = words;
                    set.linkPolicy = request.linkPolicy() == null ? LinkPolicy.ALLOW : request.linkPolicy();
                    set.maxPostsPerMinute = request.maxPostsPerMinute();
                    set.breachesBeforeMute = request.breachesBeforeMute() == null
                            ? CommunityRules.DEFAULT_BREACHES_BEFORE_MUTE : request.breachesBeforeMute();
                    set.muteMinutes = request.muteMinutes() == null ? CommunityRules.DEFAULT_MUTE_MINUTES
                            : request.muteMinutes();
                    set.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    set.updatedBy = callerId;
                    // A managed row is written by the flush at commit.
                    return existing != null ? Uni.createFrom().item(set) : rules.persist(set);
                }))
                .map(ModerationRulesView::of);
    }

    /** The rules in force, the defaults while never set; for the owner and admins. */
    @WithSession
    public Uni<ModerationRulesView> get(UUID communityId, String callerId) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> rules.of(communityId))
                .map(ModerationRulesView::of);
    }

    /** The community's breaches, newest first, for the owner and admins. */
    @WithSession
    public Uni<Page<RuleBreachView>> breaches(UUID communityId, String callerId, long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> breaches.pageNewestFirst(communityId, before, limit))
                .map(rows -> Page.of(rows, limit, b -> String.valueOf(b.seq), RuleBreachView::of));
    }

    /** Blocked words as they are matched (normalised, each once); one that normalises to nothing, or too long, is 400. */
    private static List<String> words(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : given) {
            String normalised = TextRules.normalise(word).strip();
            if (normalised.isEmpty() || normalised.codePointCount(0, normalised.length()) > MAX_WORD_LENGTH) {
                throw Problems.invalidField("blockedWords", "each word must have 1 to " + MAX_WORD_LENGTH
                        + " characters besides spaces and invisible characters (\"" + word + "\" has not)");
            }
            words.add(normalised);
        }
        return List.copyOf(words);
    }
}
