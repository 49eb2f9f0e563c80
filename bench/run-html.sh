#!/usr/bin/env bash
# HTML report benchmark: size and write time of `--html` for runs of 1, 100 and 1,000 scripts
# (dev.scansion.bench.HtmlReportBench: synthetic results shaped like specs/prosody/muc_kick.scs,
# one script in ten failing). Compiles the main classes if needed (mvn), then the benchmark with
# javac, and runs it in one JVM with default flags; the report directories go to a temporary
# directory, removed at the end.
#
#   bench/run-html.sh [N...]     default N: 1 100 1000; results on standard output (Markdown)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[ -d target/classes/dev/scansion/report/html ] || mvn -q -B -DskipTests compile
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
javac -d "$tmp/classes" -cp target/classes bench/src/main/java/dev/scansion/bench/HtmlReportBench.java
[ $# -gt 0 ] || set -- 1 100 1000
java -cp "$tmp/classes:target/classes" dev.scansion.bench.HtmlReportBench "$tmp/out" "$@"
