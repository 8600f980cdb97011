#!/usr/bin/env bash
# The Hearth benchmark (issue 5): the whole local stack under load through its public APIs, beside the raw ceilings
# of the same Kafka broker and PostgreSQL server. Prints one markdown table, also written to
# deploy/bench/target/bench-report.md. About six minutes; never part of mvn verify.
#
#   deploy/bench.sh [--build] [--connections N] [--seconds S] [--rate R] ... (--help lists them)
#
# Builds what is missing first (mvn -DskipTests package -pl deploy/bench -am); --build rebuilds even if present, which
# is what you want after changing a service. Installs pgbench (Debian postgresql-client) when missing and possible;
# without it the insert ceiling is a JDBC loop, and the table says so.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

build=false
args=()
for arg in "$@"; do
  if [[ "$arg" == "--build" ]]; then build=true; else args+=("$arg"); fi
done

classes="deploy/bench/target/classes"
classpath_file="deploy/bench/target/classpath.txt"
[[ -f "$classpath_file" && -d "$classes" ]] || build=true
for service in membership content activity monetization analytics; do
  [[ -f "services/$service/target/quarkus-app/quarkus-run.jar" ]] || build=true
done
if [[ "$build" == true ]]; then
  echo "[bench] building (mvn -B -ntp -q -DskipTests package -pl deploy/bench -am)..."
  mvn -B -ntp -q -DskipTests package -pl deploy/bench -am
fi

if ! command -v pgbench >/dev/null; then
  echo "[bench] pgbench missing: installing postgresql-client"
  sudo_cmd=""
  [[ "$(id -u)" == 0 ]] || sudo_cmd="sudo -n"
  if ! ($sudo_cmd apt-get update -qq && $sudo_cmd apt-get install -y -qq postgresql-client) >/dev/null 2>&1; then
    echo "[bench] could not install pgbench: the insert ceiling will be a JDBC loop"
  fi
fi

commit="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [[ -n "$(git status --porcelain -- services contracts deploy/embedded 2>/dev/null)" ]]; then
  commit="$commit (with uncommitted changes)"
fi

exec java -Xmx1g \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dhearth.repo.root="$root" \
  -Dhearth.keycloak.dist="$root/deploy/embedded/target/keycloak-quarkus-dist.zip" \
  -Dbench.commit="$commit" \
  -cp "$classes:$(cat "$classpath_file")" \
  io.hearth.bench.Benchmark "${args[@]}"
