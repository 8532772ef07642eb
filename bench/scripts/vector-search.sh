#!/usr/bin/env bash
# 1:N search bench (issue 6; docs/video-analytics.md "1:N search"): Lucene HNSW as the video service's VectorIndex
# uses it, against exact search. The vector module lets Lucene score with SIMD. Arguments go to VectorSearchBench,
# e.g. --n 1000000 --format int7 --rerank 1000 --candidates 100,200,400 (the index is kept under var/bench/ and reused
# when its parameters match). The machine's load is printed before and after: p99 on a shared machine is mostly
# waiting for a core, the per-query CPU time beside it is not.
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${JAVA_HOME:?set JAVA_HOME to a JDK 21+}"
LUCENE=$(ls ~/.m2/repository/org/apache/lucene/lucene-core/10.3.2/lucene-core-10.3.2.jar)
uptime
"$JAVA_HOME/bin/java" -Xmx${HEAP:-6g} --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
  -cp "$LUCENE" bench/src/main/java/cn/hnsw/bench/video/VectorSearchBench.java "$@" 2>&1 | grep -v '^WARNING'
uptime
