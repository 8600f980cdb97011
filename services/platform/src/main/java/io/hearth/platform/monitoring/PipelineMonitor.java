package io.hearth.platform.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.hearth.platform.deadletter.DeadLetters;
import io.hearth.platform.outbox.OutboxRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

/**
 * How far behind the pipeline is, read every few seconds and exported on {@code /q/metrics} and in readiness: the
 * outbox's pending rows and the age of the oldest, rows set aside as unpublishable, each of this service's consumer
 * groups' lag, and the records on its dead-letter topic.
 */
@ApplicationScoped
public class PipelineMonitor {
    private static final Logger LOG = Logger.getLogger(PipelineMonitor.class);
    private static final String OUTBOX = "select"
            + " (select count(*) from outbox_event where published_at is null and dead_reason is null) as pending,"
            + " (select created_at from outbox_event where published_at is null and dead_reason is null"
            + "   order by seq limit 1) as oldest,"
            + " (select count(*) from outbox_event where published_at is null and dead_reason is not null) as set_aside";

    /** What the last look found. */
    public record Snapshot(long outboxPending, double oldestPendingSeconds, long outboxSetAside,
            Map<String, Long> consumerLag, long deadLetters, boolean relayLeader) {
    }

    private final Pool pool;
    private final OutboxRelay relay;
    private final Map<String, Object> kafkaConfig;
    private final Map<String, String> groupTopics;
    private final String deadLetterTopic;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong setAside = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private volatile Instant oldestPending;
    private volatile Admin admin;

    public PipelineMonitor(Pool pool, OutboxRelay relay, MeterRegistry registry, Config config,
            DeadLetters dead, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.pool = pool;
        this.relay = relay;
        this.kafkaConfig = kafkaConfig;
        this.groupTopics = consumerGroups(config);
        this.deadLetterTopic = dead.topic();
        Gauge.builder("hearth.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows committed and not yet published").register(registry);
        Gauge.builder("hearth.outbox.oldest.pending", this, m -> m.oldestPendingSeconds())
                .description("Age of the oldest unpublished outbox row").baseUnit("seconds").register(registry);
        Gauge.builder("hearth.outbox.set.aside", setAside, AtomicLong::get)
                .description("Outbox rows Kafka refused for good, set aside with their reason").register(registry);
        Gauge.builder("hearth.outbox.relay.leader", relay, r -> r.isLeader() ? 1 : 0)
                .description("1 where this instance is the one publishing the outbox").register(registry);
        Gauge.builder("hearth.dead.letters", deadLetters, AtomicLong::get)
                .description("Records on this service's dead-letter topic").tag("topic", deadLetterTopic)
                .register(registry);
        groupTopics.keySet().forEach(group -> {
            AtomicLong value = new AtomicLong();
            lag.put(group, value);
            Gauge.builder("hearth.consumer.lag", value, AtomicLong::get)
                    .description("Records on the group's topic not yet applied").tag("group", group)
                    .register(registry);
        });
    }

    /** The consumer group of each incoming channel of this service, with the topic it reads. */
    private static Map<String, String> consumerGroups(Config config) {
        Map<String, String> groups = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".group.id")) {
                String channel = name.substring("mp.messaging.incoming.".length(), name.length() - ".group.id".length());
                config.getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                        .ifPresent(topic -> groups.merge(config.getValue(name, String.class), topic,
                                (a, b) -> a + "," + b));
            }
        }
        return groups;
    }

    public Snapshot snapshot() {
        return new Snapshot(pending.get(), oldestPendingSeconds(), setAside.get(),
                lag.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get())),
                deadLetters.get(), relay.isLeader());
    }

    private double oldestPendingSeconds() {
        Instant oldest = oldestPending;
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest, Instant.now()).toMillis() / 1000.0);
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refresh() {
        return pool.query(OUTBOX).execute().invoke(rows -> {
            Row row = rows.iterator().next();
            pending.set(row.getLong("pending"));
            OffsetDateTime oldest = row.getOffsetDateTime("oldest");
            oldestPending = oldest == null ? null : oldest.toInstant();
            setAside.set(row.getLong("set_aside"));
        }).replaceWithVoid()
                .onFailure().invoke(e -> LOG.debugf("Outbox figures unavailable: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .chain(() -> Uni.createFrom().item(this::refreshKafka).runSubscriptionOn(
                        io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool()))
                .replaceWithVoid();
    }

    /** Blocking Admin calls, on a worker thread. */
    private Void refreshKafka() {
        try {
            Admin client = admin();
            for (Map.Entry<String, String> group : groupTopics.entrySet()) {
                Set<String> topics = Set.of(group.getValue().split(","));
                Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = endOffsets(client, topics, OffsetSpec.latest());
                Map<TopicPartition, Long> starts = endOffsets(client, topics, OffsetSpec.earliest());
                long behind = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    long from = done != null ? done.offset() : starts.getOrDefault(end.getKey(), 0L);
                    behind += Math.max(0, end.getValue() - from);
                }
                lag.get(group.getKey()).set(behind);
            }
            Map<TopicPartition, Long> dlqEnds = endOffsets(client, Set.of(deadLetterTopic), OffsetSpec.latest());
            Map<TopicPartition, Long> dlqStarts = endOffsets(client, Set.of(deadLetterTopic), OffsetSpec.earliest());
            deadLetters.set(dlqEnds.entrySet().stream()
                    .mapToLong(e -> e.getValue() - dlqStarts.getOrDefault(e.getKey(), 0L)).sum());
        } catch (Exception e) {
            LOG.debugf("Kafka figures unavailable: %s", e.getMessage());
        }
        return null;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin client, Set<String> topics, OffsetSpec spec)
            throws Exception {
        Set<String> existing = client.listTopics().names().get(5, TimeUnit.SECONDS);
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        client.describeTopics(present).allTopicNames().get(5, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec)));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = client.listOffsets(request).all()
                .get(5, TimeUnit.SECONDS);
        return offsets.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.remove("group.id");
            config.remove("client.id");
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
