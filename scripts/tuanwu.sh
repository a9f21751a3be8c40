#!/usr/bin/env bash
# Runs a command of the jar with a fast start: scripts/tuanwu.sh template organizations 团组织模板.xlsx
#
# The same commands and options as `java -jar target/tuanwu.jar <command> …`, started in about a third of the time
# (docs/architecture.md "Commands"): the jar is unpacked once per build next to it, a class data sharing archive is
# recorded from one training run (a template written against a throw-away in-memory database), and every run maps
# that archive instead of loading and verifying ~11 000 classes again; the JIT stops at its first tier (C1), which is
# what a run of a few seconds profits from.
#
# Environment: TUANWU_JAR (default target/tuanwu.jar), TUANWU_CDS_DIR (default <jar without .jar>-cds/),
# JAVA_OPTS (extra JVM options, e.g. -Xmx1g; -XX:TieredStopAtLevel=4 gives back the optimizing JIT for a long import).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${TUANWU_JAR:-$root/target/tuanwu.jar}"
if [ ! -f "$jar" ]; then
  echo "找不到 $jar：先构建（mvn -B -DskipTests package），或用 TUANWU_JAR 指定 jar" >&2
  exit 2
fi
jar="$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")"
cache="${TUANWU_CDS_DIR:-${jar%.jar}-cds}"
app="$cache/app/$(basename "$jar")"
archive="$cache/app.jsa"

stale() { [ ! -f "$archive" ] || [ ! -f "$app" ] || [ "$jar" -nt "$archive" ]; }
if stale; then
  mkdir -p "$(dirname "$cache")"
  exec 9>"$cache.lock"
  command -v flock >/dev/null 2>&1 && flock 9
  if stale; then
    echo "首次运行：正在准备快速启动（解包 jar 并记录类数据共享归档，每次构建后一次）…" >&2
    # In place: the archive is only valid for the class path it was recorded with.
    rm -rf "$cache"
    mkdir -p "$cache"
    java -Djarmode=tools -jar "$jar" extract --destination "$cache/app" >/dev/null
    # The training run: a whole command, so that the archive holds what commands load (Spring, Flyway, H2,
    # POI), on an in-memory database so that it touches no data.
    java -XX:ArchiveClassesAtExit="$cache/training.jsa" -XX:TieredStopAtLevel=1 -jar "$app" \
      template organizations "$cache/training.xlsx" \
      "--spring.datasource.url=jdbc:h2:mem:cds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
      >/dev/null 2>&1 && mv "$cache/training.jsa" "$archive" \
      || echo "（未能生成类数据共享归档：命令照常运行，只是启动较慢）" >&2
    rm -f "$cache/training.xlsx" "$cache/training.jsa"
  fi
  exec 9>&-
fi

share=()
[ -f "$archive" ] && share=(-XX:SharedArchiveFile="$archive" -Xshare:auto)
# shellcheck disable=SC2086
exec java "${share[@]}" -XX:TieredStopAtLevel=1 ${JAVA_OPTS:-} -jar "$app" "$@"
