# Sourced by run-jmh and run-cold-start (from the repository root): the JDK the launcher picks,
# and the build of the benchmark jar and the functions' Lambda jar.

# The launcher's JDK choice, without running anything else of it.
JAVA_HOME="$(./lienlac mvn -v 2>/dev/null | sed -n -E 's/^Java version: .*, runtime: (.*)$/\1/p')"
[ -n "$JAVA_HOME" ] || { echo "bench: no JDK found (./lienlac mvn -v failed)" >&2; exit 1; }
JAVA="$JAVA_HOME/bin/java"

build_bench() {
  if [ "${BENCH_NO_BUILD:-}" = 1 ]; then
    return
  fi
  echo "bench: building (functions' Lambda jar, bench/target/benchmarks.jar)..." >&2
  ./lienlac mvn -q -pl bench -am package -DskipTests -Pbench
}
