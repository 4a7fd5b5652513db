#!/usr/bin/env bash
# Times the timeline simulator: seven simulated days at the 15 s sync period, two metrics (target: under 100 ms).
# Usage: bench/simulate.sh [WARMUP_RUNS] [MEASURED_RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile
classpath_file=target/bench-classpath.txt
mvn -B -q dependency:build-classpath -Dmdep.outputFile="$classpath_file" -Dmdep.includeScope=runtime >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat "$classpath_file")" \
    dev.trafficengineer.simulate.SimulationBenchmark "$@"
