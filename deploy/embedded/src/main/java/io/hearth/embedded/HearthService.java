package io.hearth.embedded;

import java.nio.file.Path;

/** The five Hearth services: where their runnable jar is built, their database and default local port. */
public enum HearthService {
    MEMBERSHIP("membership", 8081),
    CONTENT("content", 8082),
    ACTIVITY("activity", 8083),
    MONETIZATION("monetization", 8084),
    ANALYTICS("analytics", 8085);

    private final String id;
    private final int defaultPort;

    HearthService(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    /** The service's name: its folder under services/, its database, its log file. */
    public String id() {
        return id;
    }

    /** Each service owns one database, named after it. */
    public String database() {
        return id;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The fast-jar launcher Quarkus builds for the service. */
    public Path runJar(Path repositoryRoot) {
        return moduleDir(repositoryRoot).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public Path moduleDir(Path repositoryRoot) {
        return repositoryRoot.resolve("services").resolve(id);
    }
}
