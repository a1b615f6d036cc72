# Sourced by bin/gongkai and bin/reporting-drain: sets PROFILE_OPTS, the JVM flags of GONGKAI_JVM_PROFILE.
# "throughput" (the default): the full JIT (C1, then C2 for what runs hot) and the parallel collector with a larger
# heap. Warmed up, C2 halves what a request costs each app (docs/performance.md, runs 13–16: the gateway 1.7 → 0.8 ms
# of CPU per proxied read, consultation-service 4.9 → 1.5 ms per comment), which on a shared 2-core machine is what
# decides how much the suite carries; the price is some 15 s more to start and up to 512 MB of heap per app.
# "start-up": C1 only and the serial collector in 384 MB, to try the suite out on a small machine or to start it many
# times (the system tests use it: they check behaviour, not speed).
case "${GONGKAI_JVM_PROFILE:-throughput}" in
  start-up) PROFILE_OPTS="-Xms64m -Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1" ;;
  throughput) PROFILE_OPTS="-Xms256m -Xmx512m -XX:+UseParallelGC" ;;
  *) echo "GONGKAI_JVM_PROFILE is throughput or start-up, not '$GONGKAI_JVM_PROFILE'" >&2; exit 2 ;;
esac
