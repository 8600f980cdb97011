package io.hearth.platform.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * {@code Idempotency-Key} support: the first request with a key creates a resource and remembers its id, in the
 * same transaction; a repeat with the same key (same caller, same operation) gets that resource back instead of a
 * second one. Keys are scoped per caller so one person's key can't reach another's resource. The key is stored with
 * a fingerprint (SHA-256) of the request: a repeat with the same key and a different request is refused with 409
 * idempotency-conflict on every route alike, never answered with the first result.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final String FIND = "select resource_id, request_hash from idempotency_key where operation = :op"
            + " and principal = :principal and key = :key";
    private static final String REMEMBER = "insert into idempotency_key"
            + " (operation, principal, key, resource_id, request_hash)"
            + " values (:op, :principal, :key, :resource, :hash)";

    private final ObjectMapper json;

    public IdempotencyKeys(ObjectMapper json) {
        this.json = json;
    }

    /** A created resource, and whether it was replayed for a repeated key rather than created now. */
    public record Outcome<T>(T resource, boolean replayed) {
    }

    /**
     * Runs {@code create} unless the key was used before, in which case {@code load} fetches what it created; if the
     * key was used with another {@code request} (compared as JSON), 409 idempotency-conflict. Must run inside the
     * transaction of the creation. A null key means no idempotency asked for.
     */
    public <T> Uni<Outcome<T>> once(String operation, String principal, String key, Object request,
            Supplier<Uni<T>> create, Function<T, String> idOf, Function<String, Uni<T>> load) {
        if (key == null) {
            return create.get().map(r -> new Outcome<>(r, false));
        }
        if (key.isBlank() || key.length() > 200) {
            return Uni.createFrom().failure(Problems.invalidField("Idempotency-Key", "must be 1 to 200 characters"));
        }
        String hash = fingerprint(request);
        return find(operation, principal, key).chain(existing -> {
            if (existing.isEmpty()) {
                return create.get().call(r -> remember(operation, principal, key, idOf.apply(r), hash))
                        .map(r -> new Outcome<>(r, false));
            }
            Remembered first = existing.get();
            if (first.requestHash() != null && !first.requestHash().equals(hash)) {
                return Uni.createFrom().failure(Problems.of(ProblemType.IDEMPOTENCY_CONFLICT, "This Idempotency-Key "
                        + "was used before with a different request; send a new key for a new request."));
            }
            return load.apply(first.resourceId()).map(r -> new Outcome<>(r, true));
        })
                // Two first requests with one key raced: the loser's transaction rolls back, nothing is doubled.
                .onFailure(IdempotencyKeys::isUniqueViolation).transform(e -> Problems.of(ProblemType.IDEMPOTENCY_CONFLICT,
                        "Another request with this Idempotency-Key was being processed; retry it to get its result."));
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // Hibernate Reactive reports it as a ConstraintViolationException over an SQLException, not a PgException.
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())
                    || t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SHA-256 of the request as JSON: records serialise their components in declaration order, so equal is equal. */
    private String fingerprint(Object request) {
        try {
            byte[] body = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint " + request, e);
        }
    }

    private record Remembered(String resourceId, String requestHash) {
    }

    private Uni<Optional<Remembered>> find(String operation, String principal, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FIND, Object[].class)
                .setParameter("op", operation).setParameter("principal", principal).setParameter("key", key)
                .getResultList())
                .map(rows -> rows.stream().findFirst().map(row -> new Remembered((String) row[0], (String) row[1])));
    }

    private Uni<Integer> remember(String operation, String principal, String key, String resourceId, String hash) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REMEMBER)
                .setParameter("op", operation).setParameter("principal", principal).setParameter("key", key)
                .setParameter("resource", resourceId).setParameter("hash", hash).executeUpdate());
    }
}
