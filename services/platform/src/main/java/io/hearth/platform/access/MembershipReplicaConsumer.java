package io.hearth.platform.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.inbox.IdempotentConsumer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Feeds {@link MembershipReplica}, {@link PartnerGrantReplica} and {@link CommunityCalendar} from
 * {@code hearth.membership.v1} in every service that sets {@code hearth.membership-replica.enabled=true} and
 * configures the {@code membership-events} channel; membership itself, the source of roles, does not.
 */
@ApplicationScoped
@IfBuildProperty(name = "hearth.membership-replica.enabled", stringValue = "true")
public class MembershipReplicaConsumer {
    private final IdempotentConsumer consumer;
    private final MembershipReplica replica;
    private final PartnerGrantReplica grants;
    private final CommunityCalendar calendar;
    private final String consumerName;

    public MembershipReplicaConsumer(IdempotentConsumer consumer, MembershipReplica replica,
            PartnerGrantReplica grants, CommunityCalendar calendar, HearthConfig config) {
        this.consumer = consumer;
        this.replica = replica;
        this.grants = grants;
        this.calendar = calendar;
        this.consumerName = config.serviceName() + ".membership-replica";
    }

    @Incoming("membership-events")
    public Uni<Void> onMembershipEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consume(consumerName, batch, event -> replica.apply(event)
                .chain(() -> grants.apply(event))
                .chain(() -> calendar.apply(event)));
    }
}
