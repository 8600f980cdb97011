package io.hearth.content.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.mapping.InboxItemView;
import io.hearth.content.repository.BroadcastRepository;
import io.hearth.content.repository.InboxRepository;
import io.hearth.platform.rest.Page;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** A person's inbox: broadcasts delivered to them and other services' notices. Only its owner sees it. */
@ApplicationScoped
public class InboxService {
    private final InboxRepository inbox;
    private final BroadcastRepository broadcasts;

    public InboxService(InboxRepository inbox, BroadcastRepository broadcasts) {
        this.inbox = inbox;
        this.broadcasts = broadcasts;
    }

    @WithSession
    public Uni<Page<InboxItemView>> list(String userId, long afterSeq, int limit) {
        long before = afterSeq == 0 ? Long.MAX_VALUE : afterSeq;
        return inbox.pageNewestFirst(userId, before, limit + 1)
                .map(rows -> Page.of(rows, limit, i -> String.valueOf(i.seq), InboxItemView::of));
    }

    /**
     * Marks one of the caller's items read; again changes nothing. The first read of a broadcast's item counts into
     * the broadcast's read figure, in the same transaction.
     */
    @WithTransaction
    public Uni<InboxItemView> markRead(String userId, UUID itemId) {
        return inbox.markRead(userId, itemId)
                .call(marked -> marked.isEmpty() || marked.get(0) == null ? Uni.createFrom().voidItem()
                        : broadcasts.countRead(UUID.fromString(marked.get(0))))
                .chain(() -> inbox.findOwn(userId, itemId))
                .onItem().ifNull().failWith(() -> Problems.notFound("No item " + itemId + " in your inbox."))
                .map(InboxItemView::of);
    }
}
