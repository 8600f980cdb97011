package io.hearth.content.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.Announcement;
import io.hearth.contracts.events.CommunityRole;
import io.hearth.platform.access.ReplicatedMember;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AnnouncementRepository implements PanacheRepositoryBase<Announcement, Long> {
    /** A repeat read hits the primary key and inserts nothing: the caller tells a first read by the row count. */
    private static final String RECORD_READ = "insert into announcement_read (community_id, announcement_id, user_id,"
            + " read_at) values (:community, :announcement, :user, :at) on conflict do nothing";
    private static final String COUNT_READ = "update announcement set read_count = read_count + 1"
            + " where community_id = :community and id = :announcement returning read_count";
    /** Current members with the plain member role: the people an announcement is meant for. */
    private static final String CURRENT_MEMBERS = "select count(*) from community_member_replica"
            + " where community_id = :community and role = 'MEMBER'";
    private static final String CURRENT_MEMBER_READS = "select count(*) from announcement_read r"
            + " join community_member_replica m on m.community_id = :communityText and m.user_id = r.user_id"
            + " and m.role = 'MEMBER' where r.community_id = :community and r.announcement_id = :announcement";

    /** The announcement with this id in this community, or null. */
    public Uni<Announcement> findInCommunity(UUID communityId, UUID announcementId) {
        return find("communityId = :community and id = :id",
                Parameters.with("community", communityId).and("id", announcementId)).firstResult();
    }

    /**
     * A page in list order, pinned first and then newest first, after the announcement ({@code afterPinned},
     * {@code afterSeq}), or from the start when {@code afterSeq} is 0; one more than {@code limit}.
     */
    public Uni<List<Announcement>> page(UUID communityId, boolean afterPinned, long afterSeq, int limit) {
        Parameters params = Parameters.with("community", communityId);
        String query = "communityId = :community";
        if (afterSeq > 0) {
            // Later in (pinned desc, seq desc) order: the rest of the same pinned group, then the unpinned if pinned.
            query += afterPinned ? " and (pinned = false or seq < :seq)" : " and pinned = false and seq < :seq";
            params = params.and("seq", afterSeq);
        }
        return find(query + " order by pinned desc, seq desc", params).range(0, limit).list();
    }

    /** Which of {@code announcementIds} the person has marked read. */
    public Uni<Set<UUID>> readBy(UUID communityId, String userId, List<UUID> announcementIds) {
        if (announcementIds.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(s -> s.createQuery("select r.announcementId from AnnouncementReceipt r"
                + " where r.communityId = :community and r.userId = :user and r.announcementId in (:ids)", UUID.class)
                .setParameter("community", communityId).setParameter("user", userId)
                .setParameter("ids", announcementIds).getResultList())
                .map(HashSet::new);
    }

    /**
     * Records the read unless the person had read it already: the announcement's read count after this first read,
     * or null for a repeat.
     */
    public Uni<Integer> recordRead(UUID communityId, UUID announcementId, String userId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD_READ)
                .setParameter("community", communityId).setParameter("announcement", announcementId)
                .setParameter("user", userId).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate()
                .chain(inserted -> inserted == 0 ? Uni.createFrom().nullItem()
                        // In the database, not on the entity: concurrent first reads must not lose a count.
                        : s.createNativeQuery(COUNT_READ, Integer.class).setParameter("community", communityId)
                                .setParameter("announcement", announcementId).getSingleResult()));
    }

    public Uni<Long> currentMembers(UUID communityId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CURRENT_MEMBERS, Long.class)
                .setParameter("community", communityId.toString()).getSingleResult());
    }

    public Uni<Long> currentMemberReads(UUID communityId, UUID announcementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CURRENT_MEMBER_READS, Long.class)
                .setParameter("communityText", communityId.toString()).setParameter("community", communityId)
                .setParameter("announcement", announcementId).getSingleResult());
    }

    /**
     * Current members (role MEMBER) who have not read the announcement, by user id after {@code afterUserId} (null
     * for the first page); one more than {@code limit}.
     */
    public Uni<List<ReplicatedMember>> unreadMembers(UUID communityId, UUID announcementId, String afterUserId,
            int limit) {
        String hql = "from ReplicatedMember m where m.communityId = :communityText and m.role = :role"
                + (afterUserId == null ? "" : " and m.userId > :after")
                + " and not exists (select 1 from AnnouncementReceipt r where r.communityId = :community"
                + " and r.announcementId = :announcement and r.userId = m.userId) order by m.userId";
        return Panache.getSession().chain(s -> {
            var query = s.createQuery(hql, ReplicatedMember.class)
                    .setParameter("communityText", communityId.toString()).setParameter("role", CommunityRole.MEMBER)
                    .setParameter("community", communityId).setParameter("announcement", announcementId)
                    .setMaxResults(limit);
            if (afterUserId != null) {
                query.setParameter("after", afterUserId);
            }
            return query.getResultList();
        });
    }
}
