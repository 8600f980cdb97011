package io.hearth.membership.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.contracts.events.RuleBreached;
import io.hearth.membership.service.ModerationService;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.hearth.platform.inbox.InboundEvent;
import io.hearth.platform.inbox.PoisonEventException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The automatic mute: content publishes hearth.rule.breached for every post or reply its moderation rules refuse, and
 * asks for a mute ({@code muteMinutes}) once a member's breaches in 24 hours reach the community's limit. Membership,
 * which owns mutes, applies it as a staff mute would be applied, and its hearth.member.muted tells every service
 * (content, activity) to refuse the member's writes. Channel {@code content-moderation}, its own consumer group.
 */
@ApplicationScoped
public class RuleBreachConsumer {
    static final String CONSUMER = "membership.moderation";

    private final IdempotentConsumer consumer;
    private final ModerationService moderation;

    public RuleBreachConsumer(IdempotentConsumer consumer, ModerationService moderation) {
        this.consumer = consumer;
        this.moderation = moderation;
    }

    @Incoming("content-moderation")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, this::apply);
    }

    private Uni<Void> apply(InboundEvent event) {
        // Content's other events, and breaches that ask for no mute, change nothing here.
        if (!(event.data() instanceof RuleBreached breach) || breach.muteMinutes() == null) {
            return Uni.createFrom().voidItem();
        }
        return moderation.muteForBreaches(communityOf(event), breach.userId(), breach.rule(), breach.breaches(),
                breach.muteMinutes(), event.time());
    }

    /** Community ids are UUIDs; any other subject could never be applied, so it is poison rather than retried. */
    private static UUID communityOf(InboundEvent event) {
        try {
            return UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("Event " + event.id() + ": subject is not a community id", e);
        }
    }
}
