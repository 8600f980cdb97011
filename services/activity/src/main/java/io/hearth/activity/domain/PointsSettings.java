package io.hearth.activity.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The points each action earns in one community, as staff last set them. */
@Entity
@Table(name = "points_settings")
public class PointsSettings {
    @Id
    @Column(name = "community_id")
    public UUID communityId;

    public int post;

    public int reply;

    @Column(name = "reaction_received")
    public int reactionReceived;

    @Column(name = "check_in")
    public int checkIn;

    public int attendance;

    @Column(name = "accepted_answer")
    public int acceptedAnswer;

    @Column(name = "challenge_completed")
    public int challengeCompleted;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    public int pointsFor(PointsAction action) {
        return switch (action) {
            case POST -> post;
            case REPLY -> reply;
            case REACTION_RECEIVED -> reactionReceived;
            case CHECK_IN -> checkIn;
            case ATTENDANCE -> attendance;
            case ACCEPTED_ANSWER -> acceptedAnswer;
            case CHALLENGE_COMPLETED -> challengeCompleted;
        };
    }

    /** A community's settings where staff set nothing: every action at its default. */
    public static PointsSettings defaults(UUID communityId) {
        PointsSettings settings = new PointsSettings();
        settings.communityId = communityId;
        settings.post = PointsAction.POST.defaultPoints();
        settings.reply = PointsAction.REPLY.defaultPoints();
        settings.reactionReceived = PointsAction.REACTION_RECEIVED.defaultPoints();
        settings.checkIn = PointsAction.CHECK_IN.defaultPoints();
        settings.attendance = PointsAction.ATTENDANCE.defaultPoints();
        settings.acceptedAnswer = PointsAction.ACCEPTED_ANSWER.defaultPoints();
        settings.challengeCompleted = PointsAction.CHALLENGE_COMPLETED.defaultPoints();
        return settings;
    }
}
