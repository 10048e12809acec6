#!/usr/bin/env bash
# Cross-checks pipeperf's workflow parser against GitHub's @actions/workflow-parser.
#
#   tools/crosscheck/run.sh                 # default corpus (see below)
#   tools/crosscheck/run.sh FILE...         # just these workflow files
#   tools/crosscheck/run.sh --cases         # the hand-written edge cases in tools/crosscheck/cases/
#   tools/crosscheck/run.sh --graph         # expanded graphs of ../shared/corpus/real (calls, matrices)
#
# Default corpus (relative to the repo root): ../shared/corpus/real/*/.github/workflows/*.{yml,yaml}
# (only files directly in that folder are workflows) + ../shared/corpus/peer/actionlint-testdata/{ok,err}/*.{yml,yaml}.
# Writes tools/crosscheck/out/{github,pipeperf}.jsonl and tools/crosscheck/last-run.txt (full report);
# prints the summary. Set CROSSCHECK_REPORT=path to write the report elsewhere (handy with FILE... args).
# CROSSCHECK_FEATURE_FLAGS (default: allowBackgroundSteps, since pipeperf models background/wait/
# parallel steps) turns on @actions/workflow-parser experimental features; set it empty for none.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if [[ ! -d "$here/node_modules/@actions/workflow-parser" ]]; then
  echo "crosscheck: installing npm dependencies (npm ci)" >&2
  npm ci --prefix "$here" --no-audit --no-fund >&2
fi
if [[ ! -f target/pipeperf.jar ]]; then
  echo "crosscheck: building target/pipeperf.jar" >&2
  mvn -q -DskipTests package >&2
fi

if [[ "${1:-}" == "--graph" ]]; then
  # Expanded graphs: local and $/ reusable-workflow calls, matrix instance counts, job-level needs.
  corpus="../shared/corpus/real"
  if [[ ! -d "$corpus" ]]; then
    echo "crosscheck: no corpus at $root/$corpus" >&2
    exit 2
  fi
  repos="$(mktemp)"
  trap 'rm -f "$repos"' EXIT
  for d in "$corpus"/*/; do printf '%s\n' "${d%/}"; done | LC_ALL=C sort >"$repos"
  mkdir -p "$here/out"
  node --import "$here/register.mjs" "$here/gh-graph.mjs" <"$repos" >"$here/out/github-graph.jsonl"
  java -cp target/pipeperf.jar "$here/PipeperfGraph.java" <"$repos" >"$here/out/pipeperf-graph.jsonl"
  node "$here/compare-graph.mjs" "$here/out/github-graph.jsonl" "$here/out/pipeperf-graph.jsonl" \
    "${CROSSCHECK_REPORT:-$here/graph-last-run.txt}"
  exit 0
fi

list="$(mktemp)"
trap 'rm -f "$list"' EXIT
export CROSSCHECK_FEATURE_FLAGS="${CROSSCHECK_FEATURE_FLAGS-allowBackgroundSteps}"
if [[ "${1:-}" == "--cases" ]]; then
  (cd "$root" && ls tools/crosscheck/cases/*.yml) >"$list"
  report="${CROSSCHECK_REPORT:-$here/cases-last-run.txt}"
elif [[ $# -gt 0 ]]; then
  printf '%s\n' "$@" >"$list"
  report="${CROSSCHECK_REPORT:-$here/out/report.txt}"
else
  corpus="../shared/corpus"
  if [[ ! -d "$corpus" ]]; then
    echo "crosscheck: no corpus at $root/$corpus; pass workflow files as arguments" >&2
    exit 2
  fi
  shopt -s nullglob
  for f in "$corpus"/real/*/.github/workflows/*.yml "$corpus"/real/*/.github/workflows/*.yaml \
           "$corpus"/peer/actionlint-testdata/ok/*.yml "$corpus"/peer/actionlint-testdata/ok/*.yaml \
           "$corpus"/peer/actionlint-testdata/err/*.yml "$corpus"/peer/actionlint-testdata/err/*.yaml; do
    [[ -f "$f" ]] && printf '%s\n' "$f"
  done | LC_ALL=C sort >"$list"
  report="${CROSSCHECK_REPORT:-$here/last-run.txt}"
fi

mkdir -p "$here/out"
node --import "$here/register.mjs" "$here/gh-dump.mjs" <"$list" >"$here/out/github.jsonl"
java -cp target/pipeperf.jar "$here/PipeperfDump.java" <"$list" >"$here/out/pipeperf.jsonl"
node "$here/compare.mjs" "$here/out/github.jsonl" "$here/out/pipeperf.jsonl" "$report"
