#!/usr/bin/env bash
# Builds scansion, then runs the matcher benchmarks (JMH, sample-time mode: the percentiles in
# the output are per single comparison, parse of the received stanza included).
# Usage: bench/run-matcher.sh [extra JMH arguments, e.g. -f 1 -wi 2 -i 3 for a quick look]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/.."
mvn -q -B -DskipTests install
cd "$here"
mvn -q -B package
java -jar target/benchmarks.jar 'dev.scansion.bench.MatcherBench' "$@"
