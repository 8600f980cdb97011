package io.hearth.content.repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.content.domain.CommunityProfile;
import io.hearth.content.domain.WelcomeBurst;
import io.hearth.content.domain.WelcomeNewcomer;
import io.hearth.content.domain.WelcomeSetting;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Welcomes' tables: the settings, the community profiles they name, and the bursts of joins waiting to be welcomed. */
@ApplicationScoped
public class WelcomeRepository {
    /**
     * The open burst whose window holds {@code at}, locked: the scheduler, which claims due bursts with skip locked,
     * cannot post it while a join is being added, and a join that waited for the scheduler finds it posted (the row
     * is checked again after the wait) and starts a new burst.
     */
    private static final String OPEN_BURST = "select * from welcome_burst where community_id = :community"
            + " and posted_at is null and started_at <= :at and due_at > :at order by started_at limit 1 for update";
    /** One due burst no other instance is posting right now; two instances never claim the same one. */
    private static final String CLAIM_DUE = "select * from welcome_burst where posted_at is null and due_at <= now()"
            + " order by due_at limit 1 for update skip locked";
    private static final String ADD_NEWCOMER = "insert into welcome_newcomer (burst_id, community_id, user_id,"
            + " display_name, joined_at) values (:burst, :community, :user, :name, :at)"
            + " on conflict (burst_id, user_id) do nothing";
    private static final String UPSERT_PROFILE = "insert into community_profile (community_id, name, rules) values"
            + " (:community, :name, :rules) on conflict (community_id) do update set name = excluded.name,"
            + " rules = excluded.rules";

    public Uni<WelcomeSetting> setting(UUID communityId) {
        return Panache.getSession().chain(s -> s.find(WelcomeSetting.class, communityId));
    }

    public Uni<Void> persist(Object entity) {
        return Panache.getSession().chain(s -> s.persist(entity).chain(s::flush));
    }

    public Uni<Void> delete(WelcomeSetting setting) {
        return Panache.getSession().chain(s -> s.remove(setting).chain(s::flush));
    }

    public Uni<CommunityProfile> profile(UUID communityId) {
        return Panache.getSession().chain(s -> s.find(CommunityProfile.class, communityId));
    }

    /** Name and rules from CommunityCreated or CommunityUpdated, which carry them as they now are. */
    public Uni<Void> saveProfile(UUID communityId, String name, String rules) {
        return Panache.getSession().chain(s -> s.createNativeQuery(UPSERT_PROFILE)
                .setParameter("community", communityId).setParameter("name", name).setParameter("rules", rules)
                .executeUpdate()).replaceWithVoid();
    }

    public Uni<WelcomeBurst> lockOpenBurst(UUID communityId, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(OPEN_BURST, WelcomeBurst.class)
                .setParameter("community", communityId).setParameter("at", at.atOffset(ZoneOffset.UTC))
                .getResultList()).map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /** Adds the person to the burst; a second join of the same person in one burst is named once. */
    public Uni<Void> addNewcomer(WelcomeBurst burst, String userId, String displayName, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(ADD_NEWCOMER).setParameter("burst", burst.id)
                .setParameter("community", burst.communityId).setParameter("user", userId)
                .setParameter("name", displayName).setParameter("at", at.atOffset(ZoneOffset.UTC)).executeUpdate())
                .replaceWithVoid();
    }

    /** A due burst, locked for this transaction, or null when none is due (or all due ones are being posted). */
    public Uni<WelcomeBurst> claimDue() {
        return Panache.getSession().chain(s -> s.createNativeQuery(CLAIM_DUE, WelcomeBurst.class).getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<List<WelcomeNewcomer>> newcomers(UUID burstId) {
        return Panache.getSession().chain(s -> s.createQuery("from WelcomeNewcomer n where n.burstId = :burst"
                + " order by n.seq", WelcomeNewcomer.class).setParameter("burst", burstId).getResultList());
    }
}
