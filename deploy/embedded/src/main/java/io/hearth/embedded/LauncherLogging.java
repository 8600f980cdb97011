package io.hearth.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * Sends what runs inside the launcher's JVM (the Kafka broker, the PostgreSQL wrapper) to a file, so that the terminal
 * shows only the launcher's own lines; the benchmark's JVM, which hosts the stack too, uses it as well.
 */
public final class LauncherLogging {
    private LauncherLogging() {
    }

    public static void toFile(Path file) {
        try {
            Files.createDirectories(file.getParent());
            // A plain stream rather than java.util.logging.FileHandler, which leaves a .lck file behind.
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Handler handler = new StreamHandler(out, new OneLine()) {
                @Override
                public synchronized void publish(LogRecord record) {
                    super.publish(record);
                    flush();
                }
            };
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
                StringWriter trace = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(trace));
                line.append(trace);
            }
            return line.toString();
        }
    }
}
