package io.hearth.content.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.content.service.WelcomeBursts;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Feeds {@link WelcomeBursts} from {@code hearth.membership.v1} on its own channel and consumer group
 * ({@code welcome-joins}, {@code content.welcome}), apart from the membership replica's: joins and community names
 * and rules, each applied once.
 */
@ApplicationScoped
public class WelcomeJoinsConsumer {
    static final String CONSUMER = "content.welcome";

    private final IdempotentConsumer consumer;
    private final WelcomeBursts bursts;

    public WelcomeJoinsConsumer(IdempotentConsumer consumer, WelcomeBursts bursts) {
        this.consumer = consumer;
        this.bursts = bursts;
    }

    @Incoming("welcome-joins")
    public Uni<Void> onMembershipEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(CONSUMER, batch, bursts::apply);
    }
}
