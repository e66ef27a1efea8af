#!/usr/bin/env bash
# Builds the JMH uber-jar and runs the bounded TickGuard benchmark suite (about 6-7 minutes on
# 2 cores), then turns JMH's JSON into the Markdown table used in docs/performance.md.
#
# Usage: bench/run.sh [extra JMH arguments, e.g. a benchmark regex like 'Decode']
#   MAVEN_ARGS=-o bench/run.sh     build offline (Maven reads MAVEN_ARGS itself)
#   RESULTS_DIR=/tmp/x bench/run.sh  write results elsewhere (default bench/results)
#   JMH_TIMING="-f 1 -wi 1 -w 1s -i 1 -r 1s" bench/run.sh Regex   a short smoke run
#
# Run nothing else heavy meanwhile: the round-trip benchmarks share the CPUs with the server.
set -euo pipefail

cd "$(dirname "$0")/.."
results_dir="${RESULTS_DIR:-bench/results}"
jar=sdk-benchmarks/target/benchmarks.jar

./mvnw -B -q -pl sdk-benchmarks -am package -DskipTests
mkdir -p "$results_dir"

# One fork, short warmup and measurement: 29 benchmarks x ~12 s. -prof gc adds the allocation
# per operation (gc.alloc.rate.norm). Fixed heap so GC sizing does not drift between benchmarks.
# JMH refuses an option given twice, so a shorter smoke run replaces the timing through JMH_TIMING,
# e.g. JMH_TIMING="-f 1 -wi 1 -w 1s -i 1 -r 1s" bench/run.sh 'LastPrice|HmacThreads'.
read -r -a timing <<< "${JMH_TIMING:--f 1 -wi 2 -w 2s -i 3 -r 2s}"
jmh_args=("${timing[@]}" -prof gc
  -jvmArgsAppend "-Xms2g -Xmx2g -Djava.net.preferIPv4Stack=true"
  -rf json -rff "$results_dir/results.json")

{
  echo "# $(date -u +%Y-%m-%dT%H:%M:%SZ)  nproc=$(nproc)"
  java -version 2>&1
  grep -m1 'model name' /proc/cpuinfo || true
} > "$results_dir/machine.txt"

java -jar "$jar" "${jmh_args[@]}" "$@" | tee "$results_dir/jmh.log"
java -cp "$jar" io.tickguard.benchmarks.report.ResultsToMarkdown \
  "$results_dir/results.json" "$results_dir/results.md"
cat "$results_dir/machine.txt"
cat "$results_dir/results.md"
