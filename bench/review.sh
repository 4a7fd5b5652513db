#!/usr/bin/env bash
# Review speed and memory: the whole CLI over 10,000 generated documents (JVM start included), and the median
# of a one-file review. Targets (issue 2): 10,000 documents under 3 s wall on 2 cores; one file under 0.4 s.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
[ -f target/traffic-engineer.jar ] || mvn -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/gen-manifests.py "$work/m" 10000
run() { "$here/traffic-engineer" "$@" >/dev/null || true; }
run --version # builds the jar and class-data archive if needed

echo "10,000 documents in $(ls "$work/m" | wc -l) files:"
for i in 1 2 3 4 5; do
  /usr/bin/time -f "  %e s wall, %M KiB max RSS" "$here/traffic-engineer" review --format json "$work/m" >/dev/null 2>"$work/t" || true
  tail -1 "$work/t"
done

one="$work/m/m0000.yaml"
head -n 60 "$one" > "$work/one.yaml"
echo "one file (median of 11 runs):"
for i in $(seq 11); do
  s=$(date +%s%N); "$here/traffic-engineer" review "$work/one.yaml" >/dev/null || true; e=$(date +%s%N)
  echo $(( (e - s) / 1000000 ))
done | sort -n | sed -n 6p | sed 's/^/  /; s/$/ ms/'
