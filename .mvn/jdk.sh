# Sourced by mvnw and .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already new enough; otherwise looks beside the default JDK
# (e.g. /usr/lib/jvm/*) and takes the newest JDK 21+ it finds.

dti_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

dti_select_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(dti_java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then return 0; fi
  fi
  default_java=$(command -v java 2>/dev/null || true)
  roots="/usr/lib/jvm"
  if [ -n "$default_java" ]; then
    real=$(readlink -f "$default_java")
    roots="$(dirname "$(dirname "$(dirname "$real")")") $roots"
  fi
  best=""; best_major=0
  for root in $roots; do
    for candidate in "$root"/*; do
      [ -x "$candidate/bin/javac" ] || continue
      major=$(dti_java_major "$candidate")
      if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
        best="$candidate"; best_major="$major"
      fi
    done
  done
  if [ -z "$best" ]; then
    echo "A JDK 21 or newer is needed and none was found (JAVA_HOME=${JAVA_HOME:-unset}, searched: $roots)." >&2
    echo "Install one (e.g. Debian: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
  echo "Using JDK $best_major at $JAVA_HOME" >&2
}
