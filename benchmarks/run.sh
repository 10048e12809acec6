#!/usr/bin/env bash
# pipeperf benchmarks (issue 10). Prints RATIOS measured in this one run on this machine; never
# compares with a fixed time. Usage:
#   benchmarks/run.sh [all|throughput|cold|scale|classes|linear]    (default: all)
# Environment: CORPUS (default ../shared/corpus/real), RUNS (cold-start runs, default 20),
#   SCALE_WORKFLOWS (default 1000), SCALE_JOBS (jobs per workflow, default 20),
#   LINEAR_N (default 1000: chains/steps of N and 10 N, issue 14).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
what="${1:-all}"
corpus="${CORPUS:-$here/../shared/corpus/real}"
runs="${RUNS:-20}"
sample="samples/seed-004-monorepo"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
javac_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}javac"
jar="target/pipeperf.jar"
bench="target/bench-classes"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ ! -f "$jar" ]]; then
  echo "# building $jar (mvn -q -DskipTests package)"
  mvn -q -B -ntp -DskipTests package
fi
mkdir -p "$bench"
"$javac_cmd" -nowarn -d "$bench" -cp "$jar" benchmarks/src/dev/pipeperf/bench/*.java
cp_bench="$jar:$bench"

# median of the numbers on stdin
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# median wall time in ms of "$@" over $runs runs (after 3 warm-up runs), output discarded
time_median_ms() {
  if command -v hyperfine >/dev/null 2>&1; then
    hyperfine -N --warmup 3 --runs "$runs" -i --export-json "$work/h.json" "$(printf '%q ' "$@")" \
      >/dev/null 2>&1
    "$java_cmd" -cp "$cp_bench" dev.pipeperf.bench.Json median "$work/h.json"
  else
    for _ in 1 2 3; do "$@" >/dev/null 2>&1 || true; done
    for _ in $(seq "$runs"); do
      s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
      echo $(((e - s) / 1000000))
    done | median
  fi
}

if ! command -v hyperfine >/dev/null 2>&1; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null 2>&1; then
    apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
  fi
  command -v hyperfine >/dev/null 2>&1 || echo "# hyperfine not available: timing with a bash loop"
fi

echo "# machine: $(nproc) cores, $("$java_cmd" -version 2>&1 | head -1), $(date -u +%FT%TZ)"
echo "# jar: $jar; CDS archive: $([[ -f target/pipeperf.jsa ]] && echo target/pipeperf.jsa || echo none)"

if [[ $what == all || $what == throughput ]]; then
  echo
  echo "## Throughput: whole corpus ($corpus)"
  "$java_cmd" -Xmx1g -cp "$cp_bench" dev.pipeperf.bench.CorpusThroughput "$corpus" 5 15
fi

if [[ $what == all || $what == cold ]]; then
  echo
  echo "## Cold start: bin/pipeperf analyze $sample vs java -version ($runs runs each)"
  jv=$(time_median_ms "$java_cmd" -Xshare:auto -version)
  pp=$(time_median_ms bin/pipeperf analyze "$sample")
  nocds=$(PIPEPERF_NO_CDS=1 time_median_ms bin/pipeperf analyze "$sample")
  ver=$(time_median_ms bin/pipeperf --version)
  plain=$(time_median_ms "$java_cmd" -jar "$jar" analyze "$sample")
  echo "java -version median: $jv ms;  bin/pipeperf --version (JVM + picocli only): $ver ms"
  echo "bin/pipeperf analyze median: $pp ms   (without the AppCDS archive: $nocds ms;" \
    "plain java -jar, no launcher flags: $plain ms)"
  awk -v a="$pp" -v b="$jv" -v c="$plain" 'BEGIN {
    printf "RATIO cold start: bin/pipeperf analyze / java -version = %.2f  (target <= 6; plain java -jar %.2f)\n", a / b, c / b }'
fi

if [[ $what == all || $what == classes ]]; then
  echo
  echo "## Class loading: bin/pipeperf analyze $sample"
  n_all=$(PIPEPERF_JAVA_OPTS="-Xlog:class+load:file=$work/cl.txt" bin/pipeperf analyze "$sample" \
    >/dev/null 2>&1; wc -l <"$work/cl.txt")
  n_shared=$(grep -c "shared objects file" "$work/cl.txt" || true)
  echo "classes loaded: $n_all, of which from a CDS archive: $n_shared"
  grep -v "shared objects file" "$work/cl.txt" | sed -n 's/.*\] \([^ ]*\) source: .*/\1/p' |
    awk -F. '{NF=(NF>3?3:NF); print}' OFS=. | sort | uniq -c | sort -rn | head -8 |
    sed 's/^/  not archived: /'
fi

if [[ $what == all || $what == scale ]]; then
  echo
  wfs="${SCALE_WORKFLOWS:-1000}"
  jobs="${SCALE_JOBS:-20}"
  echo "## Scale: synthetic repositories of $wfs and $((2 * wfs)) workflows x $jobs jobs, -Xmx256m"
  declare -A secs
  for n in "$wfs" $((2 * wfs)); do
    repo="$work/repo-$n"
    "$java_cmd" -cp "$cp_bench" dev.pipeperf.bench.SyntheticRepo "$repo" "$n" "$jobs"
    best=""
    for _ in 1 2 3; do
      set +e
      PIPEPERF_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$work/gc-$n.log" /usr/bin/time -f "%e %M" \
        -o "$work/time-$n" bin/pipeperf analyze "$repo" >"$work/out-$n" 2>"$work/err-$n"
      rc=$?
      set -e
      if grep -q OutOfMemoryError "$work/err-$n"; then
        echo "  $n workflows: OutOfMemoryError with -Xmx256m"
        break
      fi
      read -r t rss <"$work/time-$n"
      heap=$(sed -n 's/.*[^0-9]\([0-9]*\)M->[0-9]*M([0-9]*M).*/\1/p' "$work/gc-$n.log" | sort -n | tail -1)
      if [[ -z $best ]] || awk -v a="$t" -v b="$best" 'BEGIN {exit !(a < b)}'; then
        best=$t; best_rss=$rss; best_heap=${heap:-0}
      fi
    done
    secs[$n]=$best
    echo "  $n workflows, $((n * jobs)) jobs: best of 3 ${best} s, peak heap before GC ${best_heap} MiB," \
      "max RSS $((best_rss / 1024)) MiB, exit code $rc, $(wc -c <"$work/out-$n") bytes of report"
  done
  awk -v a="${secs[$((2 * wfs))]}" -v b="${secs[$wfs]}" 'BEGIN {
    printf "RATIO scale: time for 2x repository / time for 1x = %.2f  (target <= 2.2)\n", a / b }'
fi

if [[ $what == all || $what == linear ]]; then
  echo
  n="${LINEAR_N:-1000}"
  echo "## Linear time (issue 14): one needs: chain of N jobs, one job of N steps; N = $n and $((10 * n))"
  echo "## CPU seconds (user+sys, best of ${LINEAR_RUNS:-3}) as well as wall: on a shared machine wall time is noise"
  for shape in chain steps; do
    declare -A cpu
    for m in "$n" $((10 * n)); do
      repo="$work/$shape-$m"
      "$java_cmd" -cp "$cp_bench" dev.pipeperf.bench.LongWorkflow "$repo" "$shape" "$m"
      best=""
      for _ in $(seq "${LINEAR_RUNS:-3}"); do
        /usr/bin/time -f "%e %U %S" -o "$work/t" bin/pipeperf analyze "$repo" >"$work/out" 2>&1 || true
        read -r wall user sys <"$work/t"
        c=$(awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}')
        if [[ -z $best ]] || awk -v a="$c" -v b="$best" 'BEGIN {exit !(a < b)}'; then
          best=$c; best_wall=$wall
        fi
      done
      cpu[$m]=$best
      echo "  $shape of $m: best ${best} s CPU (${best_wall} s wall), $(wc -c <"$work/out") bytes of report"
    done
    awk -v a="${cpu[$((10 * n))]}" -v b="${cpu[$n]}" -v s="$shape" 'BEGIN {
      printf "RATIO linear %s: CPU time for 10x / time for 1x = %.2f  (target <= 12)\n", s, a / b }'
    unset cpu
  done
fi
