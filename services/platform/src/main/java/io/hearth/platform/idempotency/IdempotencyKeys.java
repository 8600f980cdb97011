package io.hearth.platform.idempotency;

import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.hearth.platform.rest.ProblemType;
import io.hearth.platform.rest.Problems;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;

/**
 * {@code Idempotency-Key} support: the first request with a key creates a resource and remembers its id, in the
 * same transaction; a repeat with the same key (same caller, same operation) gets that resource back instead of a
 * second one. Keys are scoped per caller so one person's key can't reach another's resource.
 */
@ApplicationScoped
public class IdempotencyKeys {
    private static final String FIND = "select resource_id from idempotency_key where operation = :op"
            + " and principal = :principal and key = :key";
    private static final String REMEMBER = "insert into idempotency_key (operation, principal, key, resource_id)"
            + " values (:op, :principal, :key, :resource)";

    /** A created resource, and whether it was replayed for a repeated key rather than created now. */
    public record Outcome<T>(T resource, boolean replayed) {
    }

    /**
     * Runs {@code create} unless the key was used before, in which case {@code load} fetches what it created. Must
     * run inside the transaction of the creation. A null key means no idempotency asked for.
     */
    public <T> Uni<Outcome<T>> once(String operation, String principal, String key, Supplier<Uni<T>> create,
            Function<T, String> idOf, Function<String, Uni<T>> load) {
        if (key == null) {
            return create.get().map(r -> new Outcome<>(r, false));
        }
        if (key.isBlank() || key.length() > 200) {
            return Uni.createFrom().failure(Problems.invalidField("Idempotency-Key", "must be 1 to 200 characters"));
        }
        return find(operation, principal, key).chain(existing -> existing.isPresent()
                ? load.apply(existing.get()).map(r -> new Outcome<>(r, true))
                : create.get().call(r -> remember(operation, principal, key, idOf.apply(r)))
                        .map(r -> new Outcome<>(r, false)))
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

    private Uni<Optional<String>> find(String operation, String principal, String key) {
        return Panache.getSession().chain(s -> s.createNativeQuery(FIND, String.class)
                .setParameter("op", operation).setParameter("principal", principal).setParameter("key", key)
                .getResultList())
                .map(rows -> rows.stream().findFirst());
    }

    private Uni<Integer> remember(String operation, String principal, String key, String resourceId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(REMEMBER)
                .setParameter("op", operation).setParameter("principal", principal).setParameter("key", key)
                .setParameter("resource", resourceId).executeUpdate());
    }
}
