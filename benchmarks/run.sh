#!/usr/bin/env bash
# One command from a fresh clone: builds what the benchmarks need (the agent, the simulated API, the benchmark
# jars; the OpenTelemetry javaagent comes from Maven Central) and runs them.
#
#   benchmarks/run.sh e2e [e2e options]    end-to-end comparison: start-up, memory, request latency (~6 min)
#   benchmarks/run.sh jmh [JMH options]    JMH benchmarks of the recording path, with -prof gc (~3 min)
#   benchmarks/run.sh breakdown            the agent's start-up step by step, and alternatives (~1 min)
#   benchmarks/run.sh all                  all three
#
# JAVA=/path/to/bin/java picks the JVM that runs the benchmarks (default: java on the PATH); the e2e
# comparison's --java PATH picks the JVM under test.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA:-java}"
what="${1:-e2e}"
[ $# -gt 0 ] && shift
./mvnw -q -Pbench -pl benchmarks -am -DskipTests package
case "$what" in
  e2e) exec "$JAVA" -jar benchmarks/target/benchmarks.jar e2e "$@" ;;
  jmh) exec "$JAVA" -jar benchmarks/target/benchmarks.jar jmh -prof gc "$@" ;;
  breakdown) exec "$JAVA" -jar benchmarks/target/benchmarks.jar breakdown "$@" ;;
  all)
    "$JAVA" -jar benchmarks/target/benchmarks.jar jmh -prof gc
    "$JAVA" -jar benchmarks/target/benchmarks.jar breakdown
    exec "$JAVA" -jar benchmarks/target/benchmarks.jar e2e ;;
  *) echo "usage: benchmarks/run.sh e2e|jmh|breakdown|all [options]" >&2; exit 2 ;;
esac
