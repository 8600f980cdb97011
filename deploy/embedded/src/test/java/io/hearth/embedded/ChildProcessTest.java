package io.hearth.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child JVM ({@link FakeService}) killed, as a crash, or stopped cleanly: told apart by its shutdown hook. */
class ChildProcessTest {
    /** What a process killed by signal 9 exits with: 128 + 9. */
    private static final int KILLED_BY_SIGKILL = 137;

    @TempDir
    Path dir;

    @Test
    void killIsSigkillSoNoShutdownHookRuns() {
        Path marker = dir.resolve("killed.marker");
        ChildProcess child = startFake(marker);

        int status = child.kill();

        assertEquals(KILLED_BY_SIGKILL, status);
        assertFalse(child.isAlive());
        assertFalse(Files.exists(marker), "a shutdown hook ran, so the process was not killed by SIGKILL");
    }

    @Test
    void closeStopsCleanlySoShutdownHooksRun() {
        Path marker = dir.resolve("closed.marker");
        ChildProcess child = startFake(marker);

        child.close();

        assertFalse(child.isAlive());
        assertTrue(Files.exists(marker), "the shutdown hook did not run on a clean stop");
    }

    private ChildProcess startFake(Path marker) {
        int port = Ports.free();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = FakeService.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        ChildProcess child = ChildProcess.launch("fake", List.of(java, "-cp", classes,
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dfake.shutdown-marker=" + marker, FakeService.class.getName()), Map.of(), dir,
                dir.resolve("fake.log"));
        child.awaitHttpOk(URI.create("http://127.0.0.1:" + port + "/q/health/ready"), Duration.ofSeconds(60));
        return child;
    }
}
