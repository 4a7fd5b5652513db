#!/usr/bin/env bash
# Benchmark: PromQL parse + type-check throughput over upstream/promql/real-queries.txt, after warm-up, on one
# core; and the same corpus through @prometheus-io/lezer-promql (the grammar Prometheus's web UI uses), installed
# with npm into a temporary folder. Prints both rates and their ratio.
#
#   bench/promql.sh [warmupSeconds] [measureSeconds]
#
# Needs: JDK 17, Maven (offline is fine), node and npm with access to the npm registry.
# Note: lezer-promql only parses (a syntax tree, no type checks); our side parses and type-checks.
set -euo pipefail

cd "$(dirname "$0")/.."
WARMUP="${1:-5}"
MEASURE="${2:-10}"
CORPUS="upstream/promql/real-queries.txt"

mvn -B -q test-compile
# One core: taskset pins the JVM when available; the harness is single-threaded either way.
PIN=()
if command -v taskset >/dev/null 2>&1; then
  PIN=(taskset -c 0)
fi
JAVA_LINE=$("${PIN[@]}" java -XX:+UseSerialGC -cp target/classes:target/test-classes \
  dev.trafficengineer.promql.bench.PromqlBench "$CORPUS" "$WARMUP" "$MEASURE")
echo "$JAVA_LINE"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(
  cd "$TMP"
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund @prometheus-io/lezer-promql @lezer/lr @lezer/highlight >/dev/null
)
cat > "$TMP/bench.mjs" <<'JS'
import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';

const [corpusPath, warmup, measure] = process.argv.slice(2);
const corpus = readFileSync(corpusPath, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));

// Queries whose lezer tree has an error node (lezer's grammar differs from Prometheus's in a few corners).
let errorTrees = 0;
for (const q of corpus) {
  let bad = false;
  parser.parse(q).iterate({ enter: (n) => { bad ||= n.type.isError; } });
  if (bad) { errorTrees++; }
}

function run(seconds) {
  const budget = BigInt(Math.round(seconds * 1e9));
  const start = process.hrtime.bigint();
  let queries = 0;
  let sink = 0;
  let elapsed;
  do {
    for (const q of corpus) {
      sink += parser.parse(q).length; // only parse, as the Java side only parses and type-checks
    }
    queries += corpus.length;
    elapsed = process.hrtime.bigint() - start;
  } while (elapsed < budget);
  return { queries, sink, seconds: Number(elapsed) / 1e9 };
}

run(Number(warmup));
const r = run(Number(measure));
console.log(`lezer queries=${r.queries} rounds=${r.queries / corpus.length} seconds=${r.seconds.toFixed(3)} `
  + `qps=${Math.round(r.queries / r.seconds)} queriesWithErrorNodes=${errorTrees}/${corpus.length}`);
JS
LEZER_VERSION=$(node -e "console.log(require('$TMP/node_modules/@prometheus-io/lezer-promql/package.json').version)")
NODE_LINE=$( "${PIN[@]}" node "$TMP/bench.mjs" "$PWD/$CORPUS" "$WARMUP" "$MEASURE")
echo "$NODE_LINE (lezer-promql $LEZER_VERSION, node $(node --version))"

JAVA_QPS=$(sed -E 's/.*qps=([0-9]+).*/\1/' <<<"$JAVA_LINE")
NODE_QPS=$(sed -E 's/.*qps=([0-9]+).*/\1/' <<<"$NODE_LINE")
awk -v j="$JAVA_QPS" -v n="$NODE_QPS" \
  'BEGIN { printf "ratio java/lezer = %.2f (target: java >= 200000 qps: %s)\n", j / n, (j >= 200000 ? "met" : "NOT met") }'
