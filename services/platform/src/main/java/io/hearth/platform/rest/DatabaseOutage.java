package io.hearth.platform.rest;

import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JacksonException;

import io.vertx.core.VertxException;
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
            // Refused, reset or broken connections (ConnectException, Netty's native "Connection reset by peer");
            // Jackson's and the charset decoders' exceptions are IOExceptions too, but faults of the data, not outages.
            if (t instanceof IOException && !isBadText(t)
                    || t instanceof ClosedConnectionException || t instanceof TimeoutException) {
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
            // Commands on a connection the server has just closed: "Connection is not active now, ...", "Pending
            // requests failed to be sent due to connection has been closed."
            if (t instanceof VertxException && t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("connection")) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (causedBy(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A body that is not JSON, or not text in the encoding it claims (a UTF-32 guess cut short, say). */
    static boolean isBadText(Throwable t) {
        return t instanceof JacksonException || t instanceof CharacterCodingException
                || t instanceof CharConversionException;
    }
}
