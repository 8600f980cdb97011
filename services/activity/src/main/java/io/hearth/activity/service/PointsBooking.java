package io.hearth.activity.service;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.activity.domain.PointsAction;
import io.hearth.activity.repository.PointsLedger;
import io.hearth.activity.repository.PointsLedger.Subject;
import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.ChallengeCompleted;
import io.hearth.contracts.events.CheckInRecorded;
import io.hearth.contracts.events.EventAttended;
import io.hearth.contracts.events.PostCreated;
import io.hearth.contracts.events.PostRemoved;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReactionRemoved;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;

/**
 * Books points from the events that earn them, and takes them back when what earned them is undone. Runs inside the
 * consumer's transaction; each booking is keyed by (event id, person), so applying an event twice books nothing twice.
 * The rate is the community's setting when the event is booked; the points count in the period of the event's time.
 */
@ApplicationScoped
public class PointsBooking {
    /** Who content names as the author of its own posts (welcomes): not a person, earns nothing. */
    static final String SYSTEM_AUTHOR = "hearth";

    private final PointsLedger ledger;
    private final Clock clock;

    public PointsBooking(PointsLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public Uni<Void> apply(InboundEvent event) {
        Instant now = clock.instant();
        Uni<?> effect = switch (event.type()) {
            case POST_CREATED -> {
                PostCreated post = event.dataAs(PostCreated.class);
                yield book(event, post.authorId(), PointsAction.POST, new Subject(post.postId(), null, null));
            }
            case REPLY_CREATED -> {
                ReplyCreated reply = event.dataAs(ReplyCreated.class);
                yield book(event, reply.authorId(), PointsAction.REPLY,
                        new Subject(reply.postId(), reply.replyId(), null));
            }
            case REACTION_ADDED -> {
                ReactionAdded reaction = event.dataAs(ReactionAdded.class);
                // Reacting to one's own post earns nothing, or a member could award themself points at will.
                yield reaction.postAuthorId().equals(reaction.userId()) ? none()
                        : book(event, reaction.postAuthorId(), PointsAction.REACTION_RECEIVED,
                                new Subject(reaction.postId(), null, reactionRef(reaction.userId(),
                                        reaction.reaction())));
            }
            case REACTION_REMOVED -> {
                ReactionRemoved removed = event.dataAs(ReactionRemoved.class);
                yield ledger.reverseReaction(community(event), event.id(), removed.postId(),
                        reactionRef(removed.userId(), removed.reaction()), now);
            }
            case ANSWER_ACCEPTED -> {
                AnswerAccepted answer = event.dataAs(AnswerAccepted.class);
                // A newly accepted answer replaces the one before: its points go with it. Accepting one's own reply
                // (an asker answering themself) earns nothing.
                Uni<Integer> replaced = ledger.reverseReplacedAnswers(community(event), event.id(), answer.postId(),
                        answer.replyId(), now);
                yield answer.answererId().equals(answer.acceptedBy()) ? replaced
                        : replaced.chain(() -> book(event, answer.answererId(), PointsAction.ACCEPTED_ANSWER,
                                new Subject(answer.postId(), answer.replyId(), null)));
            }
            case POST_REMOVED -> {
                PostRemoved removed = event.dataAs(PostRemoved.class);
                yield removed.replyId() == null
                        ? ledger.reversePost(community(event), event.id(), removed.postId(), now)
                        : ledger.reverseReply(community(event), event.id(), removed.postId(), removed.replyId(), now);
            }
            case CHECKIN_RECORDED -> {
                CheckInRecorded checkIn = event.dataAs(CheckInRecorded.class);
                yield book(event, checkIn.userId(), PointsAction.CHECK_IN, Subject.ref(checkIn.day().toString()));
            }
            case EVENT_ATTENDED -> {
                EventAttended attended = event.dataAs(EventAttended.class);
                yield book(event, attended.userId(), PointsAction.ATTENDANCE, Subject.ref(attended.eventId()));
            }
            case CHALLENGE_COMPLETED -> {
                ChallengeCompleted completed = event.dataAs(ChallengeCompleted.class);
                yield book(event, completed.userId(), PointsAction.CHALLENGE_COMPLETED,
                        Subject.ref(completed.challengeId()));
            }
            default -> none();
        };
        return effect.replaceWithVoid();
    }

    private Uni<?> book(InboundEvent event, String userId, PointsAction action, Subject subject) {
        if (SYSTEM_AUTHOR.equals(userId)) {
            return none();
        }
        return ledger.book(community(event), event.id(), userId, action, subject, event.time(), clock.instant());
    }

    private static String reactionRef(String giverId, String reaction) {
        return giverId + "/" + reaction;
    }

    private static Uni<?> none() {
        return Uni.createFrom().voidItem();
    }

    /** Community ids are UUIDs; any other could never be booked, so the event is poison rather than retried. */
    private static UUID community(InboundEvent event) {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": " + event.subject() + " is not a community id",
                    e);
        }
    }
}
