#!/usr/bin/env bash
# Per-step overhead: where a step's time goes, runner next to the raw client, against a private
# Prosody (tools/with-server), REPS repetitions (default 5), each with a fresh server:
#   ping     one `scansion run --json` of a script with N ping round-trips (default 1000), one
#            actor: send-to-socket (toSocketMs) and arrival-to-verdict (toVerdictMs) per step,
#            from the JSON report (bench/step-timing.py)
#   raw      bench/RawClient.java ping N steps: the same split for a bare socket (write + flush;
#            read returning the bytes to the substring found)
#   suite    one `scansion run --json` of the 50-script suite: the split by verb, including the
#            cross-actor order waits (orderingMs)
# Results: bench/results/steps.txt
#
#   bench/run-steps.sh [REPS] [N]
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
reps=${1:-5}; n=${2:-1000}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null   # builds the jar if needed, outside the measurement
bench/gen-suite.py ping "$tmp/ping" "$n"
bench/gen-suite.py suite "$tmp/suite" 50
mkdir -p "$tmp/raw" && javac -d "$tmp/raw" bench/RawClient.java

cat > "$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
# Inside tools/with-server. $1 tmp dir, $2 repetition, $3 N.
tmp=$1; r=$2; n=$3
java -jar target/scansion.jar run --no-color --json "$tmp/ping-$r.json" --host 127.0.0.1 --port "$XMPP_PORT" "$tmp/ping" > "$tmp/out-ping-$r.txt" 2>&1 \
  || { echo "ping script failed:" >&2; tail -20 "$tmp/out-ping-$r.txt" >&2; }
java -jar target/scansion.jar run --no-color --json "$tmp/suite-$r.json" --host 127.0.0.1 --port "$XMPP_PORT" "$tmp/suite" > "$tmp/out-suite-$r.txt" 2>&1 \
  || { echo "suite failed:" >&2; tail -20 "$tmp/out-suite-$r.txt" >&2; }
java -cp "$tmp/raw" RawClient "$XMPP_PORT" ping "$n" steps | tail -1 > "$tmp/raw-$r.txt"
INNER
chmod +x "$tmp/inner.sh"

out=bench/results/steps.txt
: > "$out"
for r in $(seq "$reps"); do
  tools/with-server prosody -- "$tmp/inner.sh" "$tmp" "$r" "$n" 2> >(grep -vE '^with-server: prosody .*on 127' >&2)
  {
    echo "== repetition $r: runner, ping script ($n round-trips)"
    python3 bench/step-timing.py "$tmp/ping-$r.json"
    echo "== repetition $r: raw client, ping $n: send-to-socket median/p90 us, arrival-to-match median/p90 us"
    echo "  $(cat "$tmp/raw-$r.txt")"
    echo "== repetition $r: runner, 50-script suite"
    python3 bench/step-timing.py "$tmp/suite-$r.json"
  } >> "$out"
done
cat "$out"
