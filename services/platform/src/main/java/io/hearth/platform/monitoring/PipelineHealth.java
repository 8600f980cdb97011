package io.hearth.platform.monitoring;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Reports the pipeline's backlog in readiness. It stays UP however far behind: an instance whose outbox fills while
 * Kafka is away still takes writes, which is the point of the outbox; alerting reads the figures.
 */
@Readiness
@ApplicationScoped
public class PipelineHealth implements HealthCheck {
    private final PipelineMonitor monitor;

    public PipelineHealth(PipelineMonitor monitor) {
        this.monitor = monitor;
    }

    @Override
    public HealthCheckResponse call() {
        PipelineMonitor.Snapshot s = monitor.snapshot();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("hearth-pipeline").up()
                .withData("outboxPending", s.outboxPending())
                .withData("outboxOldestPendingSeconds", String.valueOf(s.oldestPendingSeconds()))
                .withData("outboxSetAside", s.outboxSetAside())
                .withData("relayLeader", s.relayLeader())
                .withData("deadLetters", s.deadLetters());
        s.consumerLag().forEach((group, lag) -> response.withData("consumerLag." + group, lag));
        return response.build();
    }
}
