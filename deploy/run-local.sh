#!/usr/bin/env bash
# The whole Hearth stack on this machine, on 127.0.0.1, without Docker: PostgreSQL, Kafka, Keycloak and the five
# services. Data and logs live in .hearth/ and survive a restart.
#
#   deploy/run-local.sh [--fresh] [--infra-only] [--state-dir DIR]
#
# Builds what is missing first (mvn -DskipTests install), then runs io.hearth.embedded.HearthStack until Ctrl-C.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

classes="deploy/embedded/target/classes"
classpath_file="deploy/embedded/target/classpath.txt"
services=(membership content activity monetization analytics)

needs_build=false
[[ -f "$classpath_file" && -d "$classes" ]] || needs_build=true
infra_only=false
for arg in "$@"; do
  [[ "$arg" == "--infra-only" ]] && infra_only=true
done
if [[ "$infra_only" == false ]]; then
  for service in "${services[@]}"; do
    [[ -f "services/$service/target/quarkus-app/quarkus-run.jar" ]] || needs_build=true
  done
fi
if [[ "$needs_build" == true ]]; then
  if [[ "$infra_only" == true ]]; then
    echo "[hearth] building the launcher (mvn -q -DskipTests -pl deploy/embedded -am install)..."
    mvn -q -DskipTests -pl deploy/embedded -am install
  else
    echo "[hearth] building (mvn -q -DskipTests install)..."
    mvn -q -DskipTests install
  fi
fi

# exec: Ctrl-C goes straight to the JVM, whose shutdown hook stops everything it started.
exec java \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dhearth.repo.root="$root" \
  -cp "$classes:$(cat "$classpath_file")" \
  io.hearth.embedded.HearthStack "$@"
