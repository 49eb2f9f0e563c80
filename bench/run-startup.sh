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
# Uses hyperfine when installed (apt-get install hyperfine), else a bash loop (RUNS runs).
#
#   bench/run-startup.sh [RUNS]       results: bench/results/startup-*.md / .txt
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
if command -v hyperfine >/dev/null; then
  hf=()
  for i in "${!names[@]}"; do hf+=(-n "${names[$i]}" "${cmds[$i]}"); done
  hyperfine -N -w 2 -r "$runs" --export-markdown "$tmp/startup.md" "${hf[@]}" >&2
  cat "$tmp/startup.md"
else
  for i in "${!names[@]}"; do
    ts=()
    for r in $(seq "$runs"); do
      t0=$(date +%s%N); ${cmds[$i]} >/dev/null 2>&1; ts+=($(( ($(date +%s%N) - t0) / 1000000 )))
    done
    printf '%s\t%s\n' "${names[$i]}" "$(printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %d ms, min %d, max %d", a[int((NR+1)/2)], a[1], a[NR]}')"
  done
fi
INNER
chmod +x "$tmp/inner.sh"
tools/with-server prosody -- "$tmp/inner.sh" "$tmp" "$runs" "$jar" | tee bench/results/startup.md
