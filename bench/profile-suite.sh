#!/usr/bin/env bash
# Profiles one run of the 50-script suite with Java Flight Recorder (execution samples, 10 ms
# "profile" settings) and prints where the CPU samples are: by top frame's package group and
# by the outermost dev.scansion frame on each stack (self+children), plus -v step split.
#
#   bench/profile-suite.sh            results: bench/results/profile.txt
#   NAGLE=off bench/profile-suite.sh  against Prosody with nagle = false: bench/results/profile-nonagle.txt
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mkdir -p bench/results
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
./scansion --version >/dev/null
bench/gen-suite.py suite "$tmp/suite" 50
server=(tools/with-server prosody --); res=bench/results/profile.txt
if [ "${NAGLE:-on}" = off ]; then
  tools/with-server prosody -- true 2>/dev/null   # compiles the harness if needed
  server=(java -cp "$(ls -td target/with-server/*/ | head -1):src/test/resources" bench/ProsodyNoNagle.java)
  res=bench/results/profile-nonagle.txt
fi
"${server[@]}" java -XX:StartFlightRecording=filename="$tmp/rec.jfr",settings=profile \
    -jar target/scansion.jar run --no-color --host 127.0.0.1 --port '{port}' "$tmp/suite" > "$tmp/out.txt" 2>&1
tail -1 "$tmp/out.txt"
jfr print --events jdk.ExecutionSample --stack-depth 200 "$tmp/rec.jfr" > "$tmp/samples.txt"
python3 bench/jfr-top.py < "$tmp/samples.txt" | tee "$res"
"${server[@]}" java -jar target/scansion.jar run -v --no-color --host 127.0.0.1 --port '{port}' "$tmp/suite" 2>&1 \
  | python3 bench/step-split.py | tee -a "$res"
