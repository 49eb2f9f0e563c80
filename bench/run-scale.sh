#!/usr/bin/env bash
# Scale benchmark: one script in which N actors join one MUC room (bench/gen-suite.py muc),
# for each N given (default: 200 1000). Each N gets its own Prosody (tools/with-server).
# Reports wall time, peak RSS (/usr/bin/time -v) and the JVM's peak thread count (sampled
# from /proc/PID/status every 0.2 s). Bounded: each run is killed after $SCALE_TIMEOUT s.
#
#   bench/run-scale.sh [N...]        results also go to bench/results/scale-N.txt
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
limit=${SCALE_TIMEOUT:-900}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null   # builds the jar if needed, outside the measurement

for n in "${@:-200 1000}"; do
  for n1 in $n; do
    bench/gen-suite.py muc "$tmp/m$n1" "$n1"
    out="bench/results/scale-$n1.txt"
    # The sampler finds the runner's JVM (child of /usr/bin/time) and records its peak Threads.
    cat > "$tmp/measure.sh" <<'INNER'
#!/usr/bin/env bash
dir=$1; port=$2; limit=$3; samples=$4
timeout "$limit" /usr/bin/time -v java ${SCANSION_JAVA_OPTS:-} -jar target/scansion.jar run \
    --host 127.0.0.1 --port "$port" "$dir" &
tpid=$!
max=0
while kill -0 "$tpid" 2>/dev/null; do
  for p in $(pgrep -f -- "-jar target/scansion.jar run --host 127.0.0.1 --port $port "); do
    t=$(awk '/^Threads:/{print $2}' /proc/$p/status 2>/dev/null)
    [ -n "$t" ] && [ "$t" -gt "$max" ] && max=$t
  done
  echo "$max" > "$samples"
  sleep 0.2
done
wait "$tpid"; rc=$?
echo "runner exit code: $rc"
echo "peak threads (sampled): $(cat "$samples")"
exit $rc
INNER
    chmod +x "$tmp/measure.sh"
    echo "== $n1 actors" | tee "$out"
    tools/with-server prosody -- "$tmp/measure.sh" "$tmp/m$n1" '{port}' "$limit" "$tmp/threads" 2>&1 \
      | grep -vE '^\s+(Average|Socket|Signals|Swaps|File system|Page size|Exit status|Minor|Major|Voluntary|Involuntary|Percent)' \
      | tee -a "$out"
  done
done
