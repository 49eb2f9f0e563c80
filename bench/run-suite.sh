#!/usr/bin/env bash
# End-to-end benchmarks against a private Prosody (tools/with-server), REPS repetitions
# (default 5), each with a fresh server:
#   version   java -jar target/scansion.jar --version (JVM start + picocli, no work)
#   suite     one `scansion run` of 50 generated scripts (bench/gen-suite.py suite)
#   connect   one `scansion run` of 50 scripts with the same 3 actors that only connect/disconnect
#   ping200   one `scansion run` of one script with 200 ping round-trips
#   ping1000  the same with 1000 round-trips (the difference gives the per-step cost)
#   raw-*     bench/RawClient.java doing the same wire work (suite 50, ping 200, ping 1000),
#             compiled once; "work" is the time after its JVM started
# Writes bench/results/suite.tsv (one row per repetition, milliseconds) and a summary.
#
#   bench/run-suite.sh [REPS]
#   NAGLE=off bench/run-suite.sh [REPS]   the same against a Prosody with
#                                         network_settings = { nagle = false } (bench/ProsodyNoNagle.java)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
reps=${1:-5}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null   # builds the jar if needed, outside the measurement
bench/gen-suite.py suite "$tmp/suite" 50
bench/gen-suite.py connect "$tmp/connect" 50
bench/gen-suite.py ping "$tmp/ping200" 200
bench/gen-suite.py ping "$tmp/ping1000" 1000
mkdir -p "$tmp/raw" && javac -d "$tmp/raw" bench/RawClient.java

cat > "$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
# Runs inside tools/with-server: XMPP_PORT is the private server's port. Prints one TSV row.
tmp=$1
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
run() {  # run NAME DIR: wall ms of one runner invocation; keeps its console output
  local t0; t0=$(date +%s%N)
  java ${SCANSION_JAVA_OPTS:-} -jar target/scansion.jar run --no-color --host 127.0.0.1 --port "$XMPP_PORT" "$2" > "$tmp/out-$1.txt" 2>&1 \
    || echo "runner failed on $1 (see below)" >&2
  ms "$t0"
}
t0=$(date +%s%N); java -jar target/scansion.jar --version >/dev/null; v=$(ms "$t0")
s=$(run suite "$tmp/suite"); c=$(run connect "$tmp/connect")
p2=$(run ping200 "$tmp/ping200"); p10=$(run ping1000 "$tmp/ping1000")
# The runner's own per-script times (console "PASS ... 745 ms" / "1.2 s"), summed for the suite.
ssum=$(grep -oE '\) [0-9.]+ m?s$' "$tmp/out-suite.txt" | awk '{v=$2; if ($3=="s") v*=1000; t+=v} END {printf "%d", t}')
p2s=$(grep -oE '\) [0-9.]+ m?s$' "$tmp/out-ping200.txt" | awk '{v=$2; if ($3=="s") v*=1000; print v}')
p10s=$(grep -oE '\) [0-9.]+ m?s$' "$tmp/out-ping1000.txt" | awk '{v=$2; if ($3=="s") v*=1000; print v}')
t0=$(date +%s%N); rs=$(java -cp "$tmp/raw" RawClient "$XMPP_PORT" suite 50); rsw=$(ms "$t0")
rp2=$(java -cp "$tmp/raw" RawClient "$XMPP_PORT" ping 200); rp10=$(java -cp "$tmp/raw" RawClient "$XMPP_PORT" ping 1000)
for f in suite connect ping200 ping1000; do
  grep -qE '^[0-9]+ passed, 0 failed, 0 errors' "$tmp/out-$f.txt" || { echo "== $f did not pass:" >&2; tail -20 "$tmp/out-$f.txt" >&2; }
done
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$v" "$s" "$ssum" "$c" "$p2" "$p2s" "$p10" "$p10s" "$rs" "$rsw" "$rp2" "$rp10"
INNER
chmod +x "$tmp/inner.sh"

out=bench/results/suite.tsv
server=(tools/with-server prosody --)
if [ "${NAGLE:-on}" = off ]; then
  out=bench/results/suite-nonagle.tsv
  tools/with-server prosody -- true 2>/dev/null   # compiles the harness if needed
  harness=$(ls -td target/with-server/*/ | head -1)
  server=(java -cp "$harness:src/test/resources" bench/ProsodyNoNagle.java)
fi
printf 'version\tsuite_wall\tsuite_scripts_sum\tconnect_wall\tping200_wall\tping200_script\tping1000_wall\tping1000_script\traw_suite_work\traw_suite_wall\traw_ping200_work\traw_ping1000_work\n' > "$out"
for r in $(seq "$reps"); do
  "${server[@]}" "$tmp/inner.sh" "$tmp" 2> >(grep -vE '^(with-server: )?prosody .*on 127' >&2) | tail -1 >> "$out"
done
python3 bench/summarize.py "$out"
