package io.hearth.activity.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.PointsSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PointsSettingsRepository implements PanacheRepositoryBase<PointsSettings, UUID> {
    private static final String UPSERT = "insert into points_settings (community_id, post, reply, reaction_received,"
            + " check_in, attendance, accepted_answer, challenge_completed, updated_at, updated_by)"
            + " values (:community, :post, :reply, :reactionReceived, :checkIn, :attendance, :acceptedAnswer,"
            + " :challengeCompleted, :at, :by)"
            + " on conflict (community_id) do update set post = excluded.post, reply = excluded.reply,"
            + " reaction_received = excluded.reaction_received, check_in = excluded.check_in,"
            + " attendance = excluded.attendance, accepted_answer = excluded.accepted_answer,"
            + " challenge_completed = excluded.challenge_completed, updated_at = excluded.updated_at,"
            + " updated_by = excluded.updated_by";

    /** The community's settings, or the defaults when staff never set any. */
    public Uni<PointsSettings> of(UUID communityId) {
        return findById(communityId).map(found -> found != null ? found : PointsSettings.defaults(communityId));
    }

    /** Replaces the community's settings in one statement, so that two staff saving at once leave one whole set. */
    public Uni<Void> save(PointsSettings settings) {
        return getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("community", settings.communityId)
                .setParameter("post", settings.post)
                .setParameter("reply", settings.reply)
                .setParameter("reactionReceived", settings.reactionReceived)
                .setParameter("checkIn", settings.checkIn)
                .setParameter("attendance", settings.attendance)
                .setParameter("acceptedAnswer", settings.acceptedAnswer)
                .setParameter("challengeCompleted", settings.challengeCompleted)
                .setParameter("at", settings.updatedAt)
                .setParameter("by", settings.updatedBy)
                .executeUpdate())
                .replaceWithVoid();
    }
}
