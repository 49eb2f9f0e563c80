#!/usr/bin/env bash
# Start-up benchmark: `--version` and a one-script run (connect, ping, disconnect) against a
# private Prosody, with default JVM flags and with the variants that reduce start-up:
#   default        java -jar target/scansion.jar
#   launcher       ./scansion (the shell launcher: adds its jar-staleness check)
#   appcds         -XX:SharedArchiveFile=<archive made by -XX:ArchiveClassesAtExit on the same run>
#   c1             -XX:TieredStopAtLevel=1
#   appcds+c1      both
#   serialgc       -XX:+UseSerialGC -XX:TieredStopAtLevel=1 plus the archive
#   noshare        -Xshare:off (what the JDK's default CDS archive is worth)
# A bash loop, round-robin over the variants, RUNS rounds (default 15) after one warm-up round.
#
#   bench/run-startup.sh [RUNS]       results: bench/results/startup.md
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
runs=${1:-15}
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null
bench/gen-suite.py tiny "$tmp/tiny"
jar=$root/target/scansion.jar

cat > "$tmp/inner.sh" <<'INNER'
#!/usr/bin/env bash
# Inside tools/with-server. $1 tmp dir, $2 runs, $3 jar.
tmp=$1; runs=$2; jar=$3
args="run --no-color --host 127.0.0.1 --port $XMPP_PORT $tmp/tiny"
# Class-data sharing archives, made by one training run each (the jar path must stay the same).
java -XX:ArchiveClassesAtExit="$tmp/version.jsa" -jar "$jar" --version >/dev/null 2>&1
java -XX:ArchiveClassesAtExit="$tmp/run.jsa" -jar "$jar" $args >/dev/null 2>&1
ls -l "$tmp"/*.jsa >&2
declare -a names cmds
add() { names+=("$1"); cmds+=("$2"); }
for what in version run; do
  if [ "$what" = version ]; then a="--version"; else a="$args"; fi
  add "$what default"        "java -jar $jar $a"
  add "$what launcher"       "./scansion $a"
  add "$what appcds"         "java -XX:SharedArchiveFile=$tmp/$what.jsa -jar $jar $a"
  add "$what c1"             "java -XX:TieredStopAtLevel=1 -jar $jar $a"
  add "$what appcds+c1"      "java -XX:SharedArchiveFile=$tmp/$what.jsa -XX:TieredStopAtLevel=1 -jar $jar $a"
  add "$what appcds+c1+serial" "java -XX:SharedArchiveFile=$tmp/$what.jsa -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar $a"
  add "$what noshare"        "java -Xshare:off -jar $jar $a"
done
# Round-robin over the variants (not one variant after the other, as hyperfine does), so that
# the load of a shared machine spreads over all of them alike. One warm-up round.
for r in $(seq 0 "$runs"); do
  for i in "${!names[@]}"; do
    t0=$(date +%s%N); ${cmds[$i]} >/dev/null 2>&1; t=$(( ($(date +%s%N) - t0) / 1000000 ))
    [ "$r" -gt 0 ] && printf '%s\t%s\n' "$i" "$t" >> "$tmp/times.tsv"
  done
done
python3 - "$tmp/times.tsv" "${names[@]}" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[1])]
print("| variant | median ms | min | max | runs |\n|---|---:|---:|---:|---:|")
for i, name in enumerate(sys.argv[2:]):
    v = [int(t) for k, t in rows if int(k) == i]
    print(f"| {name} | {statistics.median(v):.0f} | {min(v)} | {max(v)} | {len(v)} |")
PY
INNER
chmod +x "$tmp/inner.sh"
tools/with-server prosody -- "$tmp/inner.sh" "$tmp" "$runs" "$jar" | tee bench/results/startup.md
