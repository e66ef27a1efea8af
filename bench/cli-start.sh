#!/bin/sh
# Measures `tickguard` start to first output line (stdout), N runs each of the plain `java -jar`
# and of the ./tickguard launcher (C1 only, serial GC, class-data archive). Prints one line per run
# with the wall time, the process's CPU time and the load average, so numbers from a busy machine
# can be read for what they are. Usage: bench/cli-start.sh [RUNS] [COMMAND ARGS...]
set -e
cd "$(dirname "$0")/.."
RUNS=${1:-5}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- ticker BTC/USDT
JAR=sdk-examples/target/tickguard.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests -pl sdk-examples -am
./tickguard --version >/dev/null   # builds the class-data archive when it is missing or stale

now_ms() { date +%s%3N; }
measure() {
  label=$1; shift
  i=1
  while [ "$i" -le "$RUNS" ]; do
    start=$(now_ms)
    first=$( { /usr/bin/time -f "cpu %U+%S s" "$@" 2>/tmp/tickguard-bench-time | { IFS= read -r line; now_ms; cat >/dev/null; }; } )
    wait
    cpu=$(grep '^cpu' /tmp/tickguard-bench-time || true)
    echo "$label  first output $((first - start)) ms  $cpu  load $(cut -d' ' -f1 /proc/loadavg)"
    i=$((i + 1))
  done
}
measure "java -jar  " java -jar "$JAR" "$@"
measure "./tickguard" ./tickguard "$@"
