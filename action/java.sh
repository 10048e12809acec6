#!/usr/bin/env bash
# Finds a Java 17+ for pipeperf without changing the job's JAVA_HOME or PATH: GitHub's hosted images
# carry several JDKs (JAVA_HOME_17_X64, ...); else `java` on the PATH. Prints `home=DIR` (empty when
# none was found; the action then sets one up) to GITHUB_OUTPUT.
set -euo pipefail
out="${GITHUB_OUTPUT:-/dev/stdout}"
for var in JAVA_HOME_21_X64 JAVA_HOME_17_X64 JAVA_HOME_21_ARM64 JAVA_HOME_17_ARM64 JAVA_HOME_25_X64 JAVA_HOME_25_ARM64; do
  dir="${!var:-}"
  if [[ -n "$dir" && -x "$dir/bin/java" ]]; then
    echo "home=$dir" >> "$out"
    exit 0
  fi
done
if command -v java > /dev/null; then
  major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  if [[ "${major%%.*}" -ge 17 ]]; then
    home=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.home/ {print $2}')
    echo "home=$home" >> "$out"
    exit 0
  fi
fi
echo "home=" >> "$out"
