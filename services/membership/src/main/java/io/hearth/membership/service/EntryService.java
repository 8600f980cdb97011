package io.hearth.membership.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.CommunityRole;
import io.hearth.contracts.events.EntryCreated;
import io.hearth.contracts.events.EntryOpened;
import io.hearth.membership.domain.Community;
import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.mapping.CreateEntryRequest;
import io.hearth.membership.mapping.EntryPreview;
import io.hearth.membership.mapping.EntryView;
import io.hearth.membership.repository.CommunityRepository;
import io.hearth.membership.repository.EntryRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EntryService {
    /** No 0/O or 1/I/L: codes get read aloud and typed from posters. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Further than this is no real expiry, and far enough out would pass what PostgreSQL can store. */
    private static final Duration LONGEST_LIFE = Duration.ofDays(3653);

    private final EntryRepository entries;
    private final CommunityRepository communities;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public EntryService(EntryRepository entries, CommunityRepository communities, CommunityAccess access,
            IdempotencyKeys idempotency, Outbox outbox) {
        this.entries = entries;
        this.communities = communities;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /**
     * Creates an entry into the community. The owner and admins create any channel; any member may create a referral,
     * whose referrer they are (the creator is always the caller).
     */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<EntryView>> create(UUID communityId, CreateEntryRequest request,
            String callerId, String idempotencyKey) {
        if (request.expiresAt() != null && request.expiresAt().isAfter(Instant.now().plus(LONGEST_LIFE))) {
            return Uni.createFrom().failure(Problems.invalidField("expiresAt", "must be within ten years"));
        }
        return access.require(communityId.toString(), callerId, CommunityAccess.ANY_MEMBER)
                .invoke(role -> {
                    if (role == CommunityRole.MEMBER && request.channel() != EntryChannel.REFERRAL) {
                        throw Problems.forbidden("A member may create referral entries only; " + request.channel()
                                + " entries are for the owner and admins of community " + communityId + ".");
                    }
                })
                .chain(() -> idempotency.once("create-entry:" + communityId, callerId, idempotencyKey, request,
                        () -> insert(communityId, request, callerId), EntryView::code,
                        code -> entries.findById(code).map(EntryView::of)));
    }

    private Uni<EntryView> insert(UUID communityId, CreateEntryRequest request, String callerId) {
        Entry entry = new Entry();
        entry.code = newCode();
        entry.communityId = communityId;
        entry.channel = request.channel();
        entry.createdBy = callerId;
        entry.createdAt = Instant.now();
        entry.source = request.source();
        entry.expiresAt = request.expiresAt();
        entry.maxUses = request.maxUses();
        return entries.persist(entry)
                .call(() -> outbox.record(new EntryCreated(communityId.toString(), entry.code, entry.channel.name(),
                        callerId, entry.source, entry.expiresAt, entry.maxUses), entry.createdAt))
                .map(EntryView::of);
    }

    /**
     * The preview of the community an entry leads to, for anyone who opens it, signed in or not; records the opening
     * ({@code hearth.entry.opened}) with the visitor id and, when signed in, the person. An expired or used-up entry
     * still previews, saying why it takes no joins.
     */
    @WithTransaction
    public Uni<EntryPreview> open(String code, String visitorId, String userId) {
        return entries.findById(code)
                .onItem().ifNull().failWith(() -> Problems.notFound("No entry " + code + "."))
                .chain(entry -> communities.findById(entry.communityId).chain(community -> {
                    String referrer = entry.channel == EntryChannel.REFERRAL ? entry.createdBy : null;
                    return outbox.record(new EntryOpened(community.id.toString(), visitorId, entry.code, null,
                            entry.channel.name(), entry.source, referrer, userId), Instant.now())
                            .map(ignored -> EntryPreview.of(community, entry.channel, entry.code, null, entry.source,
                                    entry.expiresAt, visitorId, unusableReason(entry, community)));
                }));
    }

    private static String unusableReason(Entry entry, Community community) {
        if (entry.expired(Instant.now())) {
            return ProblemType.ENTRY_EXPIRED.slug();
        }
        if (entry.usedUp()) {
            return ProblemType.ENTRY_USED_UP.slug();
        }
        return community.sizeCap != null && community.memberCount >= community.sizeCap
                ? ProblemType.COMMUNITY_FULL.slug() : null;
    }

    /** A new random code: 10 characters of 31, about 50 bits, not worth guessing under the preview's rate limit. */
    static String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
