package io.hearth.membership.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.contracts.events.PartnerScope;
import io.hearth.membership.domain.DirectoryFilter;
import io.hearth.membership.mapping.MemberView;
import io.hearth.membership.repository.MemberDirectoryRepository;
import io.hearth.platform.access.CommunityAccess;
import io.hearth.platform.rest.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The member directory: current members in join order with their tags, filtered, for staff and granted partners. */
@ApplicationScoped
public class MemberDirectoryService {
    private final MemberDirectoryRepository directory;
    private final CommunityAccess access;

    public MemberDirectoryService(MemberDirectoryRepository directory, CommunityAccess access) {
        this.directory = directory;
        this.access = access;
    }

    /** For the owner and admins. */
    @WithSession
    public Uni<Page<MemberView>> list(UUID communityId, String callerId, DirectoryFilter filter, long afterSeq,
            int limit) {
        return access.require(communityId.toString(), callerId, CommunityAccess.STAFF)
                .chain(() -> page(communityId, filter, afterSeq, limit));
    }

    /** For a partner client granted members:read: the same directory, filters included. */
    @WithSession
    public Uni<Page<MemberView>> listForPartner(UUID communityId, String clientId, DirectoryFilter filter,
            long afterSeq, int limit) {
        return access.requirePartner(communityId.toString(), clientId, PartnerScope.MEMBERS_READ)
                .chain(() -> page(communityId, filter, afterSeq, limit));
    }

    private Uni<Page<MemberView>> page(UUID communityId, DirectoryFilter filter, long afterSeq, int limit) {
        return directory.page(communityId, filter, Instant.now(), afterSeq, limit)
                .map(rows -> Page.of(rows, limit, m -> String.valueOf(m.seq()), MemberView::of));
    }
}
