package io.hearth.platform.rest;

import java.net.ConnectException;
import java.sql.SQLException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/**
 * Tells a failure that comes from the database being away (restarting, unreachable, shutting down) from a fault of
 * ours: the first is answered 503 with Retry-After, the request having changed nothing, so a client may retry.
 */
final class DatabaseOutage {
    private DatabaseOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException) {
                return true;
            }
            // 08: connection exceptions; 57P: the server is shutting down, starting or crashed.
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || pg.getSqlState().startsWith("57P"))) {
                return true;
            }
            // The same over JDBC (the rate limits' buckets): PSQLException and the pool's own SQLExceptions.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            String message = t.getMessage();
            if (message != null && message.contains("Connection refused")) {
                return true;
            }
        }
        return false;
    }
}
