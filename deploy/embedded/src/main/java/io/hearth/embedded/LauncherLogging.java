package io.hearth.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Sends what runs inside the launcher's JVM (the Kafka broker, the PostgreSQL wrapper) to a file, so that the terminal
 * shows only the launcher's own lines.
 */
final class LauncherLogging {
    private LauncherLogging() {
    }

    static void toFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            FileHandler handler = new FileHandler(file.toString(), true);
            handler.setFormatter(new OneLine());
            Logger root = Logger.getLogger("");
            for (Handler existing : root.getHandlers()) {
                root.removeHandler(existing);
            }
            root.addHandler(handler);
            root.setLevel(Level.INFO);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot log to " + file, e);
        }
    }

    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            StringBuilder line = new StringBuilder()
                    .append(Instant.ofEpochMilli(record.getMillis())).append(' ')
                    .append(record.getLevel()).append(" [").append(record.getLoggerName()).append("] ")
                    .append(formatMessage(record)).append(System.lineSeparator());
            if (record.getThrown() != null) {
                java.io.StringWriter trace = new java.io.StringWriter();
                record.getThrown().printStackTrace(new java.io.PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
