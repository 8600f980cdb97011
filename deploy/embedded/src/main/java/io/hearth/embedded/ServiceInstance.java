package io.hearth.embedded;

import java.net.URI;
import java.nio.file.Path;

/**
 * One more instance of a Hearth service beside the stack's own, from {@link HearthStack#startMoreInstances}: the same
 * database and consumer groups, its own HTTP port and log file, as a second replica in Kubernetes would be.
 */
public final class ServiceInstance implements AutoCloseable {
    private final HearthService service;
    private final URI url;
    private final ChildProcess process;

    ServiceInstance(HearthService service, URI url, ChildProcess process) {
        this.service = service;
        this.url = url;
        this.process = process;
    }

    public HearthService service() {
        return service;
    }

    /** Its base URL, e.g. http://127.0.0.1:40123/. */
    public URI url() {
        return url;
    }

    public Path logFile() {
        return process.logFile();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    ChildProcess process() {
        return process;
    }

    /** Kills it at once (SIGKILL), as a crash would; returns the exit status. */
    public int kill() {
        return process.kill();
    }

    /** Stops it cleanly (SIGTERM, then SIGKILL if it lingers). */
    @Override
    public void close() {
        process.close();
    }
}
