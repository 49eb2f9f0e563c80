#!/usr/bin/env bash
# Attribute parsing benchmark: `scansion check` on scripts whose one payload element carries N
# attributes (default N = 25000 50000 100000 200000), in two layouts: all on the element's line
# (one line of up to 3.7 MB) and one attribute per line. Each script is checked RUNS times
# (default 5) after one untimed warm-up; the median wall time is reported. Scripts above 10,000
# attributes end in the XML parser's limit error (exit 2): what is timed is the work up to that
# verdict, which is where the time went.
#
#   bench/run-attrs.sh [RUNS] [N...]          results: bench/results/attrs.md
#   JAR=/path/to/other/scansion.jar bench/run-attrs.sh   another build (e.g. an older commit)
#
# Public tools only: bash, python3 (script generation, median), java.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root" || exit 2
runs=${1:-5}
shift || true
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(25000 50000 100000 200000)
jar=${JAR:-$root/target/scansion.jar}
if [ -z "${JAR:-}" ]; then
    mvn -q -o -DskipTests package || mvn -q -DskipTests package || exit 2
fi
mkdir -p bench/results
out=bench/results/attrs.md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

generate() { # N LAYOUT FILE
    python3 - "$1" "$2" >"$3" <<'EOF'
import sys
n, layout = int(sys.argv[1]), sys.argv[2]
sep = " " if layout == "line" else "\n\t\t"
attrs = sep.join("a%d='v%d'" % (i, i) for i in range(n))
print("# %d attributes on one element\n\n[Client] Romeo\n\tjid: romeo@localhost\n\tpassword: pw\n\n"
      "-----\n\nRomeo connects\n\nRomeo sends:\n\t<message %s/>\n\nRomeo disconnects" % (n, attrs))
EOF
}

median() { python3 -c 'import sys, statistics; print("%.2f" % statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

seconds() { # FILE: wall seconds of one check (exit status ignored: > 10,000 attributes is an error)
    local t0 t1
    t0=$(date +%s.%N)
    java -jar "$jar" check --no-color "$1" >/dev/null 2>&1
    t1=$(date +%s.%N)
    python3 -c "print('%.3f' % ($t1 - $t0))"
}

{
    echo "### run-attrs: $(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "jar: $jar ($(java -version 2>&1 | head -1)), $runs runs each, median wall seconds"
    echo
    echo "| attributes | one line | one per line |"
    echo "|---:|---:|---:|"
} | tee "$out"
for n in "${sizes[@]}"; do
    row="| $n"
    for layout in line lines; do
        f="$tmp/attrs-$n-$layout.scs"
        generate "$n" "$layout" "$f"
        seconds "$f" >/dev/null # warm-up: page cache, JIT-independent start
        times=()
        for ((r = 0; r < runs; r++)); do times+=("$(seconds "$f")"); done
        row="$row | $(median "${times[@]}") s"
    done
    echo "$row |" | tee -a "$out"
done
