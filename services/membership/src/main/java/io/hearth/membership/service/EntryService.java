package io.hearth.membership.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.EntryCreated;
import io.hearth.membership.domain.Entry;
import io.hearth.membership.domain.EntryChannel;
import io.hearth.membership.mapping.CreateEntryRequest;
import io.hearth.membership.mapping.EntryView;
import io.hearth.membership.repository.EntryRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.idempotency.IdempotencyKeys;
import io.hearth.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class EntryService {
    /** No 0/O or 1/I/L: codes get read aloud and typed from posters. */
    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int CODE_LENGTH = 10;
    private final SecureRandom random = new SecureRandom();

    private final EntryRepository entries;
    private final CommunityAccess access;
    private final IdempotencyKeys idempotency;
    private final Outbox outbox;

    public EntryService(EntryRepository entries, CommunityAccess access, IdempotencyKeys idempotency,
            Outbox outbox) {
        this.entries = entries;
        this.access = access;
        this.idempotency = idempotency;
        this.outbox = outbox;
    }

    /** Creates an entry into the community; only its owner and admins may. */
    @WithTransaction
    public Uni<IdempotencyKeys.Outcome<EntryView>> create(UUID communityId, CreateEntryRequest request,
            String callerId, String idempotencyKey) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> idempotency.once("create-entry:" + communityId, callerId, idempotencyKey, request,
                        () -> insert(communityId, request.channel(), callerId), EntryView::code,
                        code -> entries.findById(code).map(EntryView::of)));
    }

    private Uni<EntryView> insert(UUID communityId, EntryChannel channel, String callerId) {
        Entry entry = new Entry();
        entry.code = newCode();
        entry.communityId = communityId;
        entry.channel = channel;
        entry.createdBy = callerId;
        entry.createdAt = Instant.now();
        return entries.persist(entry)
                .call(() -> outbox.record(new EntryCreated(communityId.toString(), entry.code, channel.name(),
                        callerId), entry.createdAt))
                .map(EntryView::of);
    }

    private String newCode() {
        char[] code = new char[CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(code);
    }
}
