#!/usr/bin/env bash
# Finds a JDK 21+ for the build: $JAVA_HOME when it is one, otherwise the newest under /usr/lib/jvm (or
# /Library/Java/JavaVirtualMachines on macOS). Sourced by ./hnsw and .ci/run; exits with a clear message if none.

java_feature_version() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -1
}

hnsw_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    local v; v=$(java_feature_version "$JAVA_HOME")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null; then echo "$JAVA_HOME"; return 0; fi
    echo "JAVA_HOME=$JAVA_HOME is Java ${v:-unknown}; looking for a JDK 21+ instead" >&2
  fi
  local best="" best_v=0 dir v
  for dir in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    v=$(java_feature_version "$dir")
    if [ "${v:-0}" -ge 21 ] 2>/dev/null && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
  done
  if [ -n "$best" ]; then echo "$best"; return 0; fi
  return 1
}

if ! HNSW_JDK=$(hnsw_find_jdk); then
  echo "需要 JDK 21 或更高版本 / A JDK 21 or newer is required: set JAVA_HOME to one, or install one under /usr/lib/jvm." >&2
  exit 1
fi
export JAVA_HOME="$HNSW_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if ! command -v mvn >/dev/null 2>&1; then
  echo "需要 Maven 3.8+ / Apache Maven 3.8+ is required (apt-get install maven)." >&2
  exit 1
fi
