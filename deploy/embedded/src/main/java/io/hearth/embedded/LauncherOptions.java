package io.hearth.embedded;

import java.nio.file.Path;

/** The launcher's command line. */
record LauncherOptions(boolean fresh, boolean infraOnly, Path stateDir, boolean help) {
    static final String USAGE = """
            Usage: deploy/run-local.sh [--fresh] [--infra-only] [--state-dir DIR]
              --fresh         delete the state directory first (all data, the Keycloak realm is imported again)
              --infra-only    start PostgreSQL, Kafka and Keycloak without the services
              --state-dir DIR where data and logs live (default: .hearth/ at the repository root)""";

    static LauncherOptions parse(String... args) {
        boolean fresh = false;
        boolean infraOnly = false;
        boolean help = false;
        Path stateDir = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--fresh" -> fresh = true;
                case "--infra-only" -> infraOnly = true;
                case "-h", "--help" -> help = true;
                case "--state-dir" -> {
                    if (i + 1 == args.length) {
                        throw new IllegalArgumentException("--state-dir needs a directory");
                    }
                    stateDir = Path.of(args[++i]);
                }
                default -> {
                    if (args[i].startsWith("--state-dir=")) {
                        stateDir = Path.of(args[i].substring("--state-dir=".length()));
                    } else {
                        throw new IllegalArgumentException("Unknown option: " + args[i]);
                    }
                }
            }
        }
        return new LauncherOptions(fresh, infraOnly, stateDir, help);
    }
}
