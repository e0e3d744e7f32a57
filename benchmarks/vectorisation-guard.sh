#!/usr/bin/env bash
# Vectorisation guard: the generated N3 forward kernel against the DESIGN.md row-array reference kernel,
# interleaved in one JVM. Prints the speed ratio and exits non-zero below 0.8. Not a unit test: run it by hand
# (or in a performance job) after changing the processor's emitters or the JDK.
#
#   benchmarks/vectorisation-guard.sh            # builds the benchmarks jar first
#   benchmarks/vectorisation-guard.sh --no-build # uses benchmarks/target/benchmarks.jar as it is
#   ROUNDS=31 benchmarks/vectorisation-guard.sh  # more rounds on a noisy machine
#   MAVEN_ARGS=-o benchmarks/vectorisation-guard.sh  # build offline
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" != "--no-build" ]; then
  mvn -B -q ${MAVEN_ARGS:-} clean package -DskipTests -pl benchmarks -am
fi
exec java -Xms512m -Xmx512m -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.VectorisationGuard "${ROUNDS:-15}"
