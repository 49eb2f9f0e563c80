#!/usr/bin/env bash
# --jobs N on one machine: a generated suite of unique-named scripts (bench/gen-suite.py suite:
# own accounts and room per script) run with --jobs 1, 2, 4, 8 against one private Prosody
# (tools/with-server: a fresh server for every invocation, so that no run pays for the state an
# earlier one left in it), REPS rounds (default 3), the job counts alternating within a round.
# Per invocation: wall time, peak RSS and user+sys CPU (/usr/bin/time), peak thread count of
# the runner's JVM (sampled from /proc/PID/status every 20 ms), and Prosody's CPU time over the
# invocation (/proc/PID/stat of the process listening on the port).
#
#   bench/run-jobs.sh [REPS] [SCRIPTS]      (defaults 3, 200)
#   SUITE=specs/prosody bench/run-jobs.sh [REPS]   (an existing suite instead, run with --isolate)
#   JOBS="1 4" bench/run-jobs.sh 1                 (other job counts)
# Writes bench/results/jobs.tsv (jobs-NAME.tsv for SUITE; one row per invocation) and prints
# medians per job count.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
reps=${1:-3}
scripts=${2:-200}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null   # builds the jar if needed, outside the measurement
if [ -n "${SUITE:-}" ]; then
  mkdir -p "$tmp/suite" && cp "$SUITE"/*.scs "$tmp/suite/"
  # Its scripts share names between runs: every job count runs isolated, --jobs 1 included.
  export RUN_OPTS=--isolate
else
  bench/gen-suite.py suite "$tmp/suite" "$scripts"
fi

cat > "$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
# Inside tools/with-server (XMPP_PORT): one invocation, one row.
tmp=$1; r=$2; jobs=$3
server_pid=$(ss -ltnpH "sport = :$XMPP_PORT" | grep -oE 'pid=[0-9]+' | head -1 | cut -d= -f2)
tick=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$tick" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }
s0=$(cpu_ms "$server_pid")
/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" java ${SCANSION_JAVA_OPTS:-} -jar target/scansion.jar run \
  --no-color --host 127.0.0.1 --port "$XMPP_PORT" --jobs "$jobs" ${RUN_OPTS:-} "$tmp/suite" > "$tmp/out-$jobs.txt" 2>&1 &
timer=$!
threads=0
while kill -0 "$timer" 2>/dev/null; do
  pid=$(pgrep -P "$timer" java | head -1)
  if [ -n "$pid" ]; then
    n=$(awk '/^Threads:/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$n" ] && [ "$n" -gt "$threads" ] && threads=$n
  fi
  sleep 0.02
done
wait "$timer"
s1=$(cpu_ms "$server_pid")
grep -qE "^$(ls "$tmp/suite" | wc -l) passed, 0 failed, 0 errors" "$tmp/out-$jobs.txt" \
  || { echo "== --jobs $jobs did not pass:" >&2; tail -20 "$tmp/out-$jobs.txt" >&2; }
read -r wall rss user sys < <(tail -1 "$tmp/time")
printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$jobs" "$(awk -v w="$wall" 'BEGIN{printf "%d", w*1000}')" \
  "$rss" "$(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%d", (u+s)*1000}')" "$threads" "$((s1 - s0))"
INNER
chmod +x "$tmp/inner.sh"

out=bench/results/jobs${SUITE:+-$(basename "$SUITE")}.tsv
printf 'round\tjobs\twall_ms\tpeak_rss_kib\trunner_cpu_ms\tpeak_threads\tprosody_cpu_ms\n' > "$out"
for r in $(seq "$reps"); do
  for jobs in ${JOBS:-1 2 4 8}; do
    tools/with-server prosody -- "$tmp/inner.sh" "$tmp" "$r" "$jobs" \
      2> >(grep -vE '^(with-server: )?prosody .*on 127' >&2) | grep -E '^[0-9]+\s' >> "$out"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Medians per job count (column-wise).
awk -F'\t' 'NR > 1 { for (c = 3; c <= 7; c++) v[$2, c] = v[$2, c] " " $c; jobs[$2] = 1 }
  END {
    printf "jobs\twall_ms\tpeak_rss_kib\trunner_cpu_ms\tpeak_threads\tprosody_cpu_ms\n"
    for (j = 1; j <= 8; j *= 2) if (j in jobs) {
      printf "%d", j
      for (c = 3; c <= 7; c++) {
        n = split(substr(v[j, c], 2), a, " ")
        for (x = 1; x <= n; x++) for (y = x + 1; y <= n; y++) if (a[y] + 0 < a[x] + 0) { t = a[x]; a[x] = a[y]; a[y] = t }
        printf "\t%s", a[int((n + 1) / 2)]
      }
      printf "\n"
    }
  }' "$out"
