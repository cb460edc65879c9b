#!/usr/bin/env bash
# The project in one command: builds what it needs (first run, or after a source change), then starts, in one
# JVM, a Kafka broker (KRaft), a distributed Connect worker with the BitMax plugin on its plugin.path, and the
# BitMax exchange simulator; creates both connectors from config/ and shows what flows. Ctrl-C stops it.
#   ./quickstart.sh --help           options (ports, --duration)
#   QUICKSTART_REBUILD=1 ./quickstart.sh   force a rebuild
set -euo pipefail

started_ms=$(date +%s%3N 2>/dev/null || true)
cd "$(dirname "$0")"

command -v java >/dev/null || { echo "quickstart needs a JDK 17+ on the PATH (java not found)" >&2; exit 1; }

classpath_file=quickstart/target/classpath.txt
plugin_dir=distribution/target/plugins
needs_build() {
  [[ "${QUICKSTART_REBUILD:-}" == 1 ]] && return 0
  [[ -f "$classpath_file" && -d "$plugin_dir" && -d quickstart/target/classes ]] || return 0
  # Any source, pom or config newer than the last build?
  local changed
  changed=$(find pom.xml manifest.json LICENSE config bitmax-client bitmax-simulator connector-common connector-source \
      connector-sink distribution quickstart -newer "$classpath_file" -type f -not -path '*/target/*' \
      -print -quit 2>/dev/null)
  [[ -n "$changed" ]]
}

if needs_build; then
  command -v mvn >/dev/null || { echo "quickstart needs Maven 3.8+ on the PATH (mvn not found)" >&2; exit 1; }
  echo "Building the plugin, the simulator and the quickstart (mvn -q -DskipTests install) ..."
  mvn -B -q -DskipTests -pl distribution,quickstart -am install
fi

exec java ${QUICKSTART_JAVA_OPTS:-} -Dquickstart.started.ms="$started_ms" \
  -cp "quickstart/target/classes:$(cat "$classpath_file" 2>/dev/null)" \
  dev.bitmaxconnect.quickstart.Quickstart "$@"
