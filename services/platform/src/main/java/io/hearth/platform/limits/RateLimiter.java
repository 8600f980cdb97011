package io.hearth.platform.limits;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.hearth.platform.config.HearthConfig;
import io.hearth.platform.rest.Problems;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;

/**
 * Request budgets per caller, as Bucket4j token buckets kept in the service's own PostgreSQL (table
 * {@code rate_limit_bucket}), so that every instance of a service draws on the same budget. A bucket holds
 * {@code requests} tokens and refills continuously over {@code per}; a request takes one or is refused with 429 and
 * {@code Retry-After}. Bucket4j speaks JDBC (row lock per bucket, one short transaction per request), so the call runs
 * on a worker thread and the answer comes back on the request's own context.
 */
@ApplicationScoped
public class RateLimiter {
    /**
     * How long an untouched bucket's row outlives the moment it would be full again (Bucket4j stamps expires_at);
     * RetentionJob deletes expired rows. A deleted bucket starts full, as it would be by then anyway.
     */
    private static final Duration KEEP_FULL_BUCKET = Duration.ofMinutes(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
    private final Vertx vertx;

    public RateLimiter(DataSource dataSource, Vertx vertx) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                        KEEP_FULL_BUCKET))
                .build();
        this.vertx = vertx;
    }

    /**
     * Takes one request from {@code caller}'s budget under the limit named {@code limit}; fails with a 429 problem
     * carrying Retry-After when the budget is spent.
     */
    public Uni<Void> acquire(String limit, HearthConfig.Rate rate, String caller) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(b -> b.capacity(rate.requests()).refillGreedy(rate.requests(), rate.per()))
                .build();
        return vertx.executeBlocking(Uni.createFrom().item(() -> buckets.builder()
                // A changed limit replaces the stored one at the next request, keeping the caller's share of tokens.
                .withImplicitConfigurationReplacement(version(rate), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(limit + ":" + caller, () -> configuration)
                .tryConsumeAndReturnRemaining(1)), false)
                .invoke(probe -> refuseWhenSpent(limit, rate, probe))
                .replaceWithVoid();
    }

    /**
     * {@link #acquire} per the request's source address, for callers without an identity of their own (a payment
     * provider, an anonymous visitor). Behind a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so
     * that this is the client's address.
     */
    public Uni<Void> acquireForAddress(String limit, HearthConfig.Rate rate, HttpServerRequest request) {
        return acquire(limit, rate, request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
    }

    private static long version(HearthConfig.Rate rate) {
        return rate.requests() * 1_000_003L + rate.per().toMillis();
    }

    private static void refuseWhenSpent(String limit, HearthConfig.Rate rate, ConsumptionProbe probe) {
        if (!probe.isConsumed()) {
            throw Problems.rateLimited("Too many " + limit + " requests: at most " + rate.requests() + " per "
                    + describe(rate.per()) + ".", Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    private static String describe(Duration per) {
        if (per.toSeconds() % 60 == 0 && per.toSeconds() >= 60) {
            long minutes = per.toMinutes();
            return minutes == 1 ? "minute" : minutes + " minutes";
        }
        return per.toMillis() % 1000 == 0 ? per.toSeconds() + " s" : per.toMillis() + " ms";
    }
}
