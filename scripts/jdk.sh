# Sourced by the ./lapor-* scripts: finds a JDK >= 21 (the machines' default java may be 17) and puts it first on
# PATH and in JAVA_HOME, so Maven and the programs run on it without anyone setting JAVA_HOME.
# Usage: . scripts/jdk.sh "<script name>"

# major version of a java executable (8 for 1.8.x), empty if it does not run
java_major() {
  local v
  v=$("$1" -version 2>&1 | awk -F'"' '/version/ {print $2; exit}') || return 0
  case "$v" in
    1.*) echo "${v#1.}" | cut -d. -f1 ;;
    *) echo "$v" | cut -d. -f1 | cut -d- -f1 | cut -d+ -f1 ;;
  esac
}

# the newest java >= 21 among the usual places
find_java() {
  local best="" best_major=0 candidate major
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  for d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/* \
           "$HOME"/.gradle/jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$d/bin/java" ] && candidates+=("$d/bin/java")
  done
  for candidate in "${candidates[@]}"; do
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate"
      best_major="$major"
    fi
  done
  [ -n "$best" ] && echo "$best"
}

JAVA_BIN=$(find_java) || true
if [ -z "${JAVA_BIN:-}" ]; then
  echo "${1:-lapor} needs a JDK >= 21 (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt, ~/.sdkman, ~/.jdks)" >&2
  exit 1
fi
JDK_HOME=$(dirname "$(dirname "$(readlink -f "$JAVA_BIN" 2>/dev/null || echo "$JAVA_BIN")")")
# Maven runs on that JDK too, so the toolchain it selects (maven-toolchains-plugin, JDK >= 21) and the java that
# exec:exec starts are that JDK or a newer one it discovers. Maven 3.8's Guava warns about sun.misc.Unsafe on JDK 24+.
export JAVA_HOME="$JDK_HOME"
export PATH="$JDK_HOME/bin:$PATH"
if [ "$(java_major "$JAVA_BIN")" -ge 24 ] && [[ "${MAVEN_OPTS:-}" != *sun-misc-unsafe* ]]; then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
