package io.hearth.analytics.service;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.hearth.analytics.config.WebhookConfig;
import io.hearth.contracts.events.PartnerScope;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers recorded webhook deliveries: claims the due ones, checks the partner's grant and the URL again, POSTs the
 * signed CloudEvent, and records the outcome. 2xx is delivered; anything else (an error status, a refused address, a
 * timeout, no connection) is retried after base x 2^(attempts-1), capped, until the retry period after the first
 * attempt has passed, then given up.
 *
 * <p>Any number of analytics instances run this. A claim moves the rows' due time past the attempt's timeout in one
 * statement that skips rows another instance is claiming ({@code for update skip locked}), so a row is attempted by one
 * instance at a time; an instance that dies mid-attempt leaves the row due again when its claim runs out. Deliveries
 * are at least once (a receiver that answered but whose answer was lost gets the event again): receivers deduplicate on
 * {@code Hearth-Event-Id}. Order between deliveries is not kept; the CloudEvent's {@code time} says when it happened.
 *
 * <p>Non-blocking: the database through the reactive pool, HTTP through Vert.x's client on the event loop; only the
 * host lookup runs on a worker thread.
 */
@ApplicationScoped
public class WebhookDeliveryWorker {
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryWorker.class);
    private static final String USER_AGENT = "Hearth-Webhooks/1";
    private static final int MAX_ERROR_LENGTH = 500;

    private static final String CLAIM = "with due as (select id from webhook_delivery"
            + " where status = 'PENDING' and next_attempt_at <= now() order by next_attempt_at limit $1"
            + " for update skip locked)"
            + " update webhook_delivery d set next_attempt_at = now() + make_interval(secs => $2)"
            + " from due, webhook_subscription s where d.id = due.id and s.id = d.subscription_id"
            + " returning d.id, d.community_id, d.event_id, d.body, d.attempts, d.first_attempt_at, s.url, s.secret,"
            + " s.client_id";
    private static final String HAS_GRANT = "select 1 from partner_grant_replica where community_id = $1"
            + " and client_id = $2 and $3 = any(string_to_array(scopes, ' '))";
    private static final String DROP = "update webhook_delivery set status = 'DROPPED', last_error = $2"
            + " where id = $1 and status = 'PENDING'";
    private static final String PURGE = "delete from webhook_delivery where status <> 'PENDING'"
            + " and created_at < now() - make_interval(secs => $1)";
    private static final String OUTCOME = "update webhook_delivery set status = $2, attempts = attempts + 1,"
            + " first_attempt_at = coalesce(first_attempt_at, $3), last_attempt_at = $3, last_status_code = $4,"
            + " last_error = $5, next_attempt_at = $6, delivered_at = $7 where id = $1 and status = 'PENDING'";

    private final Pool pool;
    private final HttpClient http;
    private final WebhookUrlGuard guard;
    private final WebhookConfig config;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopped;
    private long timer;

    public WebhookDeliveryWorker(Pool pool, Vertx vertx, WebhookUrlGuard guard, WebhookConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.guard = guard;
        this.config = config;
        int timeout = (int) config.timeout().toMillis();
        // Redirects are not followed: a 3xx could point anywhere, so it is a failed attempt.
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                .setMaxPoolSize(config.batchSize()).setKeepAlive(false));
    }

    /** Stops before the database pool closes at shutdown. */
    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    @PreDestroy
    void close() {
        http.closeAndForget();
    }

    /** A claimed delivery, with what attempting it needs from its subscription. */
    record Claimed(UUID id, String communityId, String eventId, String body, int attempts, Instant firstAttemptAt,
            String url, String secret, String clientId) {
        static Claimed of(Row row) {
            OffsetDateTime first = row.getOffsetDateTime("first_attempt_at");
            return new Claimed(row.getUUID("id"), row.getString("community_id"), row.getString("event_id"),
                    row.getString("body"), row.getInteger("attempts"), first == null ? null : first.toInstant(),
                    row.getString("url"), row.getString("secret"), row.getString("client_id"));
        }
    }

    /** What one attempt came to: the HTTP status when the receiver answered, the error otherwise. */
    record Attempt(Instant at, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    /**
     * Looks for due deliveries every tick, on a Vert.x timer rather than the scheduler, whose every() does not go
     * below a second: a tick costs one look-up in the small index of pending rows. A tick that finds the previous
     * round still running does nothing.
     */
    void onStart(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.tick().toMillis(), id -> {
            if (!stopped && running.compareAndSet(false, true)) {
                deliverDue().subscribe().with(ignored -> running.set(false), failure -> running.set(false));
            }
        });
    }

    /** Finished deliveries are kept for the log a while (hearth.webhooks.log-retention), then deleted. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purgeFinished() {
        return pool.preparedQuery(PURGE).execute(Tuple.of(config.logRetention().toSeconds() / 1.0))
                .invoke(rows -> LOG.debugf("Purged %d finished webhook deliveries", rows.rowCount()))
                .replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("Could not purge finished webhook deliveries: %s", f.getMessage()))
                .onFailure().recoverWithNull();
    }

    Uni<Void> deliverDue() {
        return claim().onItem().transformToMulti(claimed -> Multi.createFrom().iterable(claimed))
                .onItem().transformToUniAndMerge(this::deliver)
                .collect().last().replaceWithVoid()
                .onFailure().invoke(f -> LOG.warnf("Webhook deliveries could not be claimed, retrying: %s",
                        f.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<List<Claimed>> claim() {
        double lease = config.timeout().plusSeconds(30).toMillis() / 1000.0;
        return pool.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize(), lease)).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            rows.forEach(row -> claimed.add(Claimed.of(row)));
            return claimed;
        });
    }

    private Uni<Void> deliver(Claimed delivery) {
        return hasGrant(delivery).chain(granted -> granted
                ? attempt(delivery).chain(attempt -> record(delivery, attempt))
                : drop(delivery))
                .onFailure().invoke(f -> LOG.warnf("Webhook delivery %s could not be recorded, it stays due: %s",
                        delivery.id(), f.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> hasGrant(Claimed delivery) {
        return pool.preparedQuery(HAS_GRANT).execute(Tuple.of(delivery.communityId(), delivery.clientId(),
                PartnerScope.EVENTS_SUBSCRIBE.value())).map(rows -> rows.size() > 0);
    }

    private Uni<Void> drop(Claimed delivery) {
        return pool.preparedQuery(DROP).execute(Tuple.of(delivery.id(), "Not delivered: partner " + delivery.clientId()
                + " no longer holds events:subscribe in this community.")).replaceWithVoid();
    }

    /** Checks the URL again (its host may resolve elsewhere now) and POSTs to the very address checked. */
    private Uni<Attempt> attempt(Claimed delivery) {
        Instant at = Instant.now();
        URI url;
        try {
            url = WebhookUrlGuard.parse(delivery.url());
        } catch (RuntimeException e) {
            return Uni.createFrom().item(new Attempt(at, null, e.getMessage()));
        }
        return guard.check(url)
                .chain(address -> post(url, address, delivery, at))
                .map(status -> new Attempt(at, status, status >= 200 && status < 300 ? null : "HTTP " + status))
                .onFailure().recoverWithItem(f -> new Attempt(at, null, describe(f)));
    }

    private Uni<Integer> post(URI url, InetAddress address, Claimed delivery, Instant at) {
        boolean https = "https".equalsIgnoreCase(url.getScheme());
        int port = url.getPort() != -1 ? url.getPort() : https ? 443 : 80;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        if (url.getRawQuery() != null) {
            path += "?" + url.getRawQuery();
        }
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(WebhookUrlGuard.hostOf(url))
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setTimeout(config.timeout().toMillis())
                .putHeader("Content-Type", WebhookEventBody.MEDIA_TYPE)
                .putHeader("User-Agent", USER_AGENT)
                .putHeader(WebhookSignature.HEADER,
                        WebhookSignature.header(delivery.secret(), at.getEpochSecond(), delivery.body()))
                .putHeader("Hearth-Event-Id", delivery.eventId())
                .putHeader("Hearth-Delivery-Id", delivery.id().toString());
        return http.request(options)
                .chain(request -> request.send(Buffer.buffer(delivery.body())))
                // Read (and drop) the answer so the connection is done with.
                .chain(response -> response.body().replaceWith(response.statusCode()));
    }

    private Uni<Void> record(Claimed delivery, Attempt attempt) {
        Instant first = delivery.firstAttemptAt() == null ? attempt.at() : delivery.firstAttemptAt();
        String status;
        Instant next;
        Instant deliveredAt = null;
        if (attempt.delivered()) {
            status = "DELIVERED";
            next = attempt.at();
            deliveredAt = Instant.now();
        } else {
            next = Instant.now().plus(backoff(delivery.attempts() + 1));
            boolean givenUp = next.isAfter(first.plus(config.giveUpAfter()));
            status = givenUp ? "FAILED" : "PENDING";
            if (givenUp) {
                LOG.infof("Webhook delivery %s of event %s given up after %d attempts: %s", delivery.id(),
                        delivery.eventId(), delivery.attempts() + 1, attempt.error());
            }
        }
        return pool.preparedQuery(OUTCOME).execute(Tuple.tuple()
                .addUUID(delivery.id())
                .addString(status)
                .addOffsetDateTime(utc(attempt.at()))
                .addInteger(attempt.status())
                .addString(attempt.error())
                .addOffsetDateTime(utc(next))
                .addOffsetDateTime(deliveredAt == null ? null : utc(deliveredAt)))
                .replaceWithVoid();
    }

    /** The wait after the {@code attempts}-th failure: base, 2 x base, 4 x base, ... at most the configured cap. */
    Duration backoff(int attempts) {
        Duration wait = config.backoffBase();
        for (int i = 1; i < attempts && wait.compareTo(config.backoffMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.backoffMax()) > 0 ? config.backoffMax() : wait;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String describe(Throwable failure) {
        String message = failure instanceof io.hearth.platform.rest.ProblemException ? failure.getMessage()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return message.length() > MAX_ERROR_LENGTH ? message.substring(0, MAX_ERROR_LENGTH) : message;
    }
}
