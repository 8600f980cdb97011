package io.hearth.content.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.contracts.events.AnswerAccepted;
import io.hearth.contracts.events.BroadcastPublished;
import io.hearth.contracts.events.PostEdited;
import io.hearth.contracts.events.ReactionAdded;
import io.hearth.contracts.events.ReplyCreated;
import io.hearth.content.service.KnowledgeService;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Content's own events, read back on one channel and consumer group ({@code own-events}, {@code content.own-events}),
 * so that each is claimed once for everything content derives from them:
 * <ul>
 * <li>the knowledge base fills itself: a reply or a reaction may bring a post to the community's nomination threshold,
 * judged on the post's counters (kept in the transaction of each reply and reaction, so by the time its event arrives
 * they include it; the counters, not the events, are the truth, so a replayed event nominates nothing twice and a lost
 * one is made up by the next). An edit or an accepted answer re-indexes the post for search: the write paths leave
 * that to this consumer, so an edit pays nothing for search unless its post is a knowledge item;</li>
 * <li>a broadcast's copy in a community is delivered to that community's members' inboxes
 * ({@link BroadcastDelivery}).</li>
 * </ul>
 */
@ApplicationScoped
public class OwnEventsConsumer {
    static final String CONSUMER = "content.own-events";

    private final IdempotentConsumer consumer;
    private final KnowledgeService knowledge;
    private final BroadcastDelivery broadcasts;

    public OwnEventsConsumer(IdempotentConsumer consumer, KnowledgeService knowledge, BroadcastDelivery broadcasts) {
        this.consumer = consumer;
        this.knowledge = knowledge;
        this.broadcasts = broadcasts;
    }

    @Incoming("own-events")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        return switch (event.type()) {
            case REPLY_CREATED -> {
                ReplyCreated reply = event.dataAs(ReplyCreated.class);
                yield knowledge.nominate(id(event, reply.communityId()), id(event, reply.postId()));
            }
            case REACTION_ADDED -> {
                ReactionAdded reaction = event.dataAs(ReactionAdded.class);
                yield knowledge.nominate(id(event, reaction.communityId()), id(event, reaction.postId()));
            }
            case POST_EDITED -> {
                PostEdited edit = event.dataAs(PostEdited.class);
                yield knowledge.reindex(id(event, edit.communityId()), id(event, edit.postId()));
            }
            case ANSWER_ACCEPTED -> {
                AnswerAccepted accepted = event.dataAs(AnswerAccepted.class);
                yield knowledge.reindex(id(event, accepted.communityId()), id(event, accepted.postId()));
            }
            case BROADCAST_PUBLISHED -> broadcasts.deliver(event, event.dataAs(BroadcastPublished.class));
            default -> Uni.createFrom().voidItem();
        };
    }

    /** Community and post ids are UUIDs; any other could never be applied, so it is poison rather than retried. */
    private static UUID id(InboundEvent event, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": " + value + " is not an id", e);
        }
    }
}
