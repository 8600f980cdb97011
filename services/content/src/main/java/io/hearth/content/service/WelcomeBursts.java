package io.hearth.content.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.WelcomeBurst;
import io.hearth.content.repository.WelcomeRepository;
import io.hearth.contracts.events.CommunityCreated;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.CommunityUpdated;
import io.hearth.contracts.events.MemberJoined;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Gathers joins into bursts that share one welcome, from membership's events, in the consumer's transaction: a join
 * (role MEMBER, while a welcome is set) goes into the open burst whose window holds its time, or starts a new burst
 * whose window runs mergeSeconds from it. Windows follow event time, so a burst is the same whatever the consumer's
 * lag; a join that only arrives after its window's welcome was posted gets a welcome of its own (never none, never
 * two). Also keeps each community's name and rules for {community} and {rules}.
 */
@ApplicationScoped
public class WelcomeBursts {
    private final WelcomeRepository welcomes;

    public WelcomeBursts(WelcomeRepository welcomes) {
        this.welcomes = welcomes;
    }

    public Uni<Void> apply(InboundEvent event) {
        if (event.data() instanceof CommunityCreated created) {
            return welcomes.saveProfile(communityId(event, created.communityId()), created.name(), created.rules());
        }
        if (event.data() instanceof CommunityUpdated updated) {
            return welcomes.saveProfile(communityId(event, updated.communityId()), updated.name(), updated.rules());
        }
        if (event.data() instanceof MemberJoined joined && joined.role() == CommunityRole.MEMBER) {
            return join(communityId(event, joined.communityId()), joined, event.time());
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> join(UUID communityId, MemberJoined joined, Instant at) {
        return welcomes.setting(communityId).chain(setting -> {
            // Off, or a join from before it was turned on (a replay of old joins): no welcome.
            if (setting == null || at.isBefore(setting.enabledAt)) {
                return Uni.createFrom().voidItem();
            }
            return welcomes.lockOpenBurst(communityId, at)
                    .chain(open -> open != null ? Uni.createFrom().item(open) : start(communityId, at,
                            setting.mergeSeconds))
                    .chain(burst -> welcomes.addNewcomer(burst, joined.userId(), displayName(joined), at));
        });
    }

    private Uni<WelcomeBurst> start(UUID communityId, Instant at, int mergeSeconds) {
        WelcomeBurst burst = new WelcomeBurst();
        burst.id = UUID.randomUUID();
        burst.communityId = communityId;
        burst.startedAt = at;
        burst.dueAt = at.plusSeconds(mergeSeconds);
        return welcomes.persist(burst).replaceWith(burst);
    }

    /** As the join event names the person, trimmed; null when it names nobody (the welcome then says "a new member"). */
    private static String displayName(MemberJoined joined) {
        String name = joined.displayName();
        if (name == null || name.isBlank()) {
            return null;
        }
        name = name.strip();
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    private static UUID communityId(InboundEvent event, String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": " + id + " is not a community id", e);
        }
    }
}
