package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReactionRemoved;
import io.hearth.content.domain.Reaction;
import io.hearth.content.repository.ReactionRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Members react to standing posts with one of the fixed reactions. Both directions are idempotent: a repeat changes
 * nothing and publishes nothing, which the reaction row's primary key decides even when two requests race. The post's
 * reaction_count changes in the same transaction, under the post's row lock.
 */
@ApplicationScoped
public class ReactionService {
    private final ReactionRepository reactions;
    private final PostLookup lookup;
    private final CommunityAccess access;
    private final Outbox outbox;

    public ReactionService(ReactionRepository reactions, PostLookup lookup, CommunityAccess access, Outbox outbox) {
        this.reactions = reactions;
        this.lookup = lookup;
        this.access = access;
        this.outbox = outbox;
    }

    /** A member who is not muted gives the reaction; publishes hearth.reaction.added the first time only. */
    @WithTransaction
    public Uni<Void> add(UUID communityId, UUID postId, String reactionName, String userId) {
        return Uni.createFrom().item(() -> parse(reactionName))
                .call(() -> access.requireWriter(communityId.toString(), userId, CommunityAccess.ANY_MEMBER))
                .chain(reaction -> lookup.lockStanding(communityId, postId).chain(post -> {
                    Instant now = Instant.now();
                    return reactions.add(communityId, postId, userId, reaction, now).chain(added -> {
                        if (!added) {
                            return Uni.createFrom().voidItem();
                        }
                        post.reactionCount++;
                        return outbox.record(new ReactionAdded(communityId.toString(), postId.toString(), userId,
                                reaction.value(), post.authorId), now);
                    });
                }));
    }

    /**
     * A member takes their reaction back (also while muted: it writes nothing new); publishes hearth.reaction.removed
     * only if they had given it.
     */
    @WithTransaction
    public Uni<Void> remove(UUID communityId, UUID postId, String reactionName, String userId) {
        return Uni.createFrom().item(() -> parse(reactionName))
                .call(() -> access.require(communityId.toString(), userId, CommunityAccess.ANY_MEMBER))
                .chain(reaction -> lookup.lockStanding(communityId, postId).chain(post -> reactions
                        .remove(communityId, postId, userId, reaction).chain(removed -> {
                            if (!removed) {
                                return Uni.createFrom().voidItem();
                            }
                            post.reactionCount--;
                            return outbox.record(new ReactionRemoved(communityId.toString(), postId.toString(),
                                    userId, reaction.value()), Instant.now());
                        })));
    }

    private static Reaction parse(String name) {
        return Reaction.ofValue(name).orElseThrow(() -> Problems.invalidField("reaction",
                "must be one of " + Reaction.VALUES));
    }
}
