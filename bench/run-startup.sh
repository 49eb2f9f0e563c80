#!/usr/bin/env bash
# Start-up benchmark: `--version` and a one-script run (connect, ping, disconnect) against a
# private Prosody, with default JVM flags, with the launcher as shipped and with the variants
# that reduce start-up:
#   default          java -jar target/scansion.jar
#   launcher         ./scansion as shipped: its staleness check, and its class-data sharing
#                    archive target/scansion.jsa (made warm first: one run, then the wait for
#                    the background dump), plus whatever else the launcher passes to the JVM
#   launcher cds=off ./scansion with SCANSION_CDS=off (the launcher's own cost)
#   launcher+c1      ./scansion with SCANSION_JAVA_OPTS=-XX:TieredStopAtLevel=1
#   launcher+c2      ./scansion with SCANSION_JAVA_OPTS=-XX:TieredStopAtLevel=4 (full tiers)
#   static           java -XX:SharedArchiveFile=target/scansion.jsa (the launcher's archive, no launcher)
#   dynamic          -XX:SharedArchiveFile=<archive made by -XX:ArchiveClassesAtExit on the same run>
#   c1               -XX:TieredStopAtLevel=1
#   dynamic+c1       both
#   noshare          -Xshare:off (what the JDK's default CDS archive is worth)
# A bash loop, round-robin over the variants, RUNS rounds (default 15) after one warm-up round.
# Also measured once: the extra time of the run that trains the launcher's archive.
#
#   bench/run-startup.sh [RUNS]          results: bench/results/startup.md
#   bench/run-startup.sh suite [REPS]    the 50-script suite (bench/gen-suite.py suite) through the
#                                        launcher, with full tiers and with C1 only, interleaved,
#                                        REPS (default 5) each, a fresh Prosody per invocation;
#                                        results: bench/results/startup-suite.md
#   MUC=200 bench/run-startup.sh suite [REPS]   also the CPU-heavier script where 200 actors join
#                                        one room (bench/gen-suite.py muc), the same way
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 2
mode=startup
if [ "${1:-}" = suite ]; then mode=suite; shift; fi
runs=${1:-15}
[ "$mode" = suite ] && runs=${1:-5}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null   # builds the jar if needed, outside the measurement
bench/gen-suite.py tiny "$tmp/tiny"
jar=$root/target/scansion.jar

# Shared by the inner scripts: the launcher's archive made warm for the current jar (a run
# against the server trains it; the dump runs in the background after it) and the table.
cat > "$tmp/common.sh" <<'COMMON'
warm_launcher() {  # warm_launcher TINY_DIR
  ./scansion run --no-color --host 127.0.0.1 --port "$XMPP_PORT" "$1" >/dev/null 2>&1
  local i
  for i in $(seq 600); do
    if [ -f target/scansion.jsa.stamp ] && ! ls target/scansion.jsa.list-* target/scansion.jsa.tmp-* >/dev/null 2>&1; then
      grep -q " | archive $(stat -c %s target/scansion.jsa 2>/dev/null)\$" target/scansion.jsa.stamp && return 0
      echo "the launcher's archive was not made: $(cat target/scansion.jsa.stamp)" >&2; return 1
    fi
    sleep 0.1
  done
  echo "the launcher's archive was not made in 60 s" >&2; return 1
}
table() {  # table TIMES_TSV NAME...
  python3 - "$@" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print("| variant | median ms | min | max | runs |\n|---|---:|---:|---:|---:|")
for i, name in enumerate(sys.argv[2:]):
    v = [int(t) for k, t in rows if int(k) == i]
    print(f"| {name} | {statistics.median(v):.0f} | {min(v)} | {max(v)} | {len(v)} |")
PY
}
COMMON

cat > "$tmp/startup.sh" <<'INNER'
#!/usr/bin/env bash
# Inside tools/with-server. $1 tmp dir, $2 runs, $3 jar.
tmp=$1; runs=$2; jar=$3
. "$tmp/common.sh"
args="run --no-color --host 127.0.0.1 --port $XMPP_PORT $tmp/tiny"
ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }
# The training run's extra time: the launcher's archive removed, then one run that trains it
# (the class list) against one that does not (SCANSION_CDS=off), 5 pairs; the dump itself runs
# in the background after the run, timed apart.
for i in 1 2 3 4 5; do
  rm -f target/scansion.jsa target/scansion.jsa.stamp
  t0=$(date +%s%N); SCANSION_CDS=off ./scansion $args >/dev/null 2>&1; off=$(ms "$t0")
  t0=$(date +%s%N); ./scansion $args >/dev/null 2>&1; train=$(ms "$t0")
  t0=$(date +%s%N); warm_launcher "$tmp/tiny" || exit 1; dump=$(ms "$t0")
  printf 'training pair %s: run %s ms, training run %s ms, archive ready %s ms later\n' "$i" "$off" "$train" "$dump" >&2
done
ls -l target/scansion.jsa >&2
# A dynamic archive, made by one training run at exit (the jar path must stay the same).
java -XX:ArchiveClassesAtExit="$tmp/run.jsa" -Xlog:cds*=off -jar "$jar" $args >/dev/null 2>&1
java -XX:ArchiveClassesAtExit="$tmp/version.jsa" -Xlog:cds*=off -jar "$jar" --version >/dev/null 2>&1
declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
for what in version run; do
  if [ "$what" = version ]; then a="--version"; else a="$args"; fi
  add "$what default"          "java -jar $jar $a"
  add "$what launcher"         "./scansion $a"
  add "$what launcher cds=off" "env SCANSION_CDS=off ./scansion $a"
  add "$what launcher+c1"      "env SCANSION_JAVA_OPTS=-XX:TieredStopAtLevel=1 ./scansion $a"
  add "$what launcher+c2"      "env SCANSION_JAVA_OPTS=-XX:TieredStopAtLevel=4 ./scansion $a"
  add "$what static"           "java -XX:SharedArchiveFile=target/scansion.jsa -Xlog:cds*=off -jar $jar $a"
  add "$what dynamic"          "java -XX:SharedArchiveFile=$tmp/$what.jsa -Xlog:cds*=off -jar $jar $a"
  add "$what c1"               "java -XX:TieredStopAtLevel=1 -jar $jar $a"
  add "$what dynamic+c1"       "java -XX:SharedArchiveFile=$tmp/$what.jsa -Xlog:cds*=off -XX:TieredStopAtLevel=1 -jar $jar $a"
  add "$what noshare"          "java -Xshare:off -jar $jar $a"
done
# Round-robin over the variants (not one variant after the other, as hyperfine does), so that
# the load of a shared machine spreads over all of them alike. One warm-up round.
for r in $(seq 0 "$runs"); do
  for i in "${!names[@]}"; do
    t0=$(date +%s%N); ${cmds[$i]} >/dev/null 2>&1; t=$(ms "$t0")
    [ "$r" -gt 0 ] && printf '%s\t%s\n' "$i" "$t" >> "$tmp/times.tsv"
  done
done
table "$tmp/times.tsv" "${names[@]}"
INNER

cat > "$tmp/suite.sh" <<'INNER'
#!/usr/bin/env bash
# Inside tools/with-server: one run through the launcher.
# $1 tmp dir, $2 script dir, $3 variant index (0 full tiers, 1 C1 only), $4 row index.
tmp=$1; dir=$2; i=$3; row=$4
opts=(-XX:TieredStopAtLevel=4 -XX:TieredStopAtLevel=1)
t0=$(date +%s%N)
SCANSION_JAVA_OPTS=${opts[$i]} ./scansion run --no-color --host 127.0.0.1 --port "$XMPP_PORT" "$dir" > "$tmp/suite-out.txt" 2>&1
rc=$?
t=$(( ($(date +%s%N) - t0) / 1000000 ))
grep -qE '^[0-9]+ passed, 0 failed, 0 errors' "$tmp/suite-out.txt" || { echo "$dir did not pass (exit $rc):" >&2; tail -5 "$tmp/suite-out.txt" >&2; }
printf '%s\t%s\n' "$row" "$t" >> "$tmp/times.tsv"
INNER
chmod +x "$tmp/startup.sh" "$tmp/suite.sh"

quiet() { grep -vE '^(with-server: )?prosody .*on 127' >&2; }
if [ "$mode" = startup ]; then
  tools/with-server prosody -- "$tmp/startup.sh" "$tmp" "$runs" "$jar" 2> >(quiet) | tee bench/results/startup.md
else
  bench/gen-suite.py suite "$tmp/suite" 50
  # shellcheck disable=SC1091
  . "$tmp/common.sh"
  tools/with-server prosody -- bash -c ". '$tmp/common.sh' && warm_launcher '$tmp/tiny'" 2> >(quiet)
  dirs=("$tmp/suite"); names=("suite 50 scripts, full tiers" "suite 50 scripts, C1 only")
  if [ -n "${MUC:-}" ]; then
    bench/gen-suite.py muc "$tmp/muc" "$MUC"
    dirs+=("$tmp/muc"); names+=("muc $MUC actors, full tiers" "muc $MUC actors, C1 only")
  fi
  for _ in $(seq "$runs"); do
    for d in "${!dirs[@]}"; do
      for i in 0 1; do
        tools/with-server prosody -- "$tmp/suite.sh" "$tmp" "${dirs[$d]}" "$i" $((2 * d + i)) 2> >(quiet)
      done
    done
  done
  table "$tmp/times.tsv" "${names[@]}" | tee bench/results/startup-suite.md
fi
