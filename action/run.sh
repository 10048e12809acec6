#!/usr/bin/env bash
# The pipeperf GitHub Action's body, kept out of action.yml so it can be run and tested locally:
#   INPUT_* (the action's inputs), GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, and either PIPEPERF_JAR (the
#   released or built jar) or PIPEPERF_CLASSPATH (tests), run with PIPEPERF_JAVA (default: java).
# Inputs reach this script as environment variables, never pasted into it, so no value can inject
# shell code. Exit code: pipeperf's own (0 passed, 1 gate failed, 2 usage, 3 internal error).
set -euo pipefail

java_bin="${PIPEPERF_JAVA:-java}"
if [[ -n "${PIPEPERF_JAR:-}" ]]; then
  pipeperf=("$java_bin" -jar "$PIPEPERF_JAR")
elif [[ -n "${PIPEPERF_CLASSPATH:-}" ]]; then
  pipeperf=("$java_bin" -cp "$PIPEPERF_CLASSPATH" dev.pipeperf.cli.Main)
else
  echo "pipeperf action: neither PIPEPERF_JAR nor PIPEPERF_CLASSPATH is set" >&2
  exit 2
fi

command="${INPUT_COMMAND:-check}"
path="${INPUT_PATH:-.}"
work="${RUNNER_TEMP:-$(mktemp -d)}/pipeperf"
mkdir -p "$work"

# Options every command shares. `args` holds one argument per line, so a value with spaces or
# quotes reaches pipeperf as written (no word splitting, no quote removal).
common=()
[[ -n "${INPUT_WORKFLOW:-}" ]] && common+=(--workflow "$INPUT_WORKFLOW")
if [[ -n "${INPUT_TIMINGS:-}" ]]; then
  while IFS= read -r t; do
    [[ -n "${t// /}" ]] && common+=(--timings "$t")
  done <<< "$INPUT_TIMINGS"
fi
# More arguments for the command itself (not for the JSON and markdown the outputs come from).
extra=()
if [[ -n "${INPUT_ARGS:-}" ]]; then
  while IFS= read -r a; do
    [[ -n "$a" ]] && extra+=("$a")
  done <<< "$INPUT_ARGS"
fi
# The baseline is relative to the analysed folder, as `pipeperf baseline . -o FILE` wrote it.
baseline="${INPUT_BASELINE:-.pipeperf/baseline.json}"
[[ "$baseline" != /* ]] && baseline="$path/$baseline"

output() {
  if [[ -n "${GITHUB_OUTPUT:-}" ]]; then
    printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"
  fi
}

# The run history first (`timings fetch`, pipeperf's only networked command), so every number
# below can be observed rather than estimated. It appends to path/.pipeperf/timings, which analyze,
# report and check read on their own. A failed fetch (rate limit, no actions: read) only warns.
if [[ "${INPUT_FETCH_TIMINGS:-false}" == "true" ]]; then
  fetch=(timings fetch "$path")
  [[ -n "${GITHUB_REPOSITORY:-}" ]] && fetch+=(--repo "$GITHUB_REPOSITORY")
  [[ -n "${GITHUB_API_URL:-}" ]] && fetch+=(--api-url "$GITHUB_API_URL")
  if ! GITHUB_TOKEN="${INPUT_TOKEN:-${GITHUB_TOKEN:-}}" "${pipeperf[@]}" "${fetch[@]}"; then
    echo "::warning title=pipeperf::timings fetch failed; the numbers use the run history already there and the catalogue"
  fi
fi

# The verdict as JSON (for the outputs) and as markdown (summary, comment, report-path).
json="$work/pipeperf.json"
report="$work/VERDICT.md"
"${pipeperf[@]}" analyze "$path" "${common[@]}" --format json -o "$json"
"${pipeperf[@]}" report "$path" "${common[@]}" -o "$report"

case "$command" in
  check)
    args=(check "$path" "${common[@]}" "${extra[@]}" --baseline "$baseline" --format github)
    [[ -n "${INPUT_FAIL_ON:-}" ]] && args+=(--fail-on "$INPUT_FAIL_ON")
    [[ -n "${INPUT_MAX_INCREASE:-}" ]] && args+=(--max-increase "$INPUT_MAX_INCREASE")
    ;;
  analyze)
    args=(analyze "$path" "${common[@]}" "${extra[@]}" --format github)
    [[ -n "${INPUT_FAIL_ON:-}" ]] && args+=(--fail-on "$INPUT_FAIL_ON")
    ;;
  report)
    args=()
    ;;
  *)
    echo "::error title=pipeperf::the command input must be analyze, check or report"
    exit 2
    ;;
esac

code=0
if [[ ${#args[@]} -gt 0 ]]; then
  # check --format github appends its own summary; analyze --format github appends the report.
  "${pipeperf[@]}" "${args[@]}" || code=$?
else
  if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]]; then
    cat "$report" >> "$GITHUB_STEP_SUMMARY"
  fi
fi

if [[ "${INPUT_SARIF:-false}" == "true" ]]; then
  sarif="$work/pipeperf.sarif"
  "${pipeperf[@]}" analyze "$path" "${common[@]}" --format sarif -o "$sarif"
  output sarif-path "$sarif"
fi

if [[ -n "${INPUT_OUTPUT:-}" ]]; then
  cp "$report" "$INPUT_OUTPUT"
  report="$INPUT_OUTPUT"
fi

decision=$(jq -r '.verdict.decision // ""' "$json")
score=$(jq -r '.verdict.score // ""' "$json")
# The longest critical path among the reported workflows, in seconds, as "low-high".
critical=$(jq -r '[.workflows[].criticalPath] | max_by(.high) // {} | if .high then "\(.low)-\(.high)" else "" end' "$json")
output decision "$decision"
output score "$score"
output critical-path-seconds "$critical"
output report-path "$report"
output exit-code "$code"

# One pull-request comment with the verdict, created once and then updated, when asked and when
# the token may write (a fork's pull request gets a read-only token: a warning, not a failure).
if [[ "${INPUT_COMMENT:-false}" == "true" ]]; then
  pr=""
  if [[ -n "${GITHUB_EVENT_PATH:-}" && -f "$GITHUB_EVENT_PATH" ]]; then
    pr=$(jq -r '.pull_request.number // ""' "$GITHUB_EVENT_PATH")
  fi
  if [[ -z "$pr" ]]; then
    echo "pipeperf: comment: not a pull request event; no comment written"
  elif [[ -z "${INPUT_TOKEN:-}" ]]; then
    echo "::warning title=pipeperf::comment: no token; give the action's token input (github.token) and permissions: pull-requests: write"
  else
    api="${GITHUB_API_URL:-https://api.github.com}/repos/${GITHUB_REPOSITORY}"
    marker="<!-- pipeperf-verdict -->"
    # GitHub refuses comments over 65,536 characters.
    body=$(printf '%s\n%s' "$marker" "$(head -c 60000 "$report")")
    auth=(-H "Authorization: Bearer $INPUT_TOKEN" -H "Accept: application/vnd.github+json" -H "X-GitHub-Api-Version: 2022-11-28")
    existing=$(curl -fsS "${auth[@]}" "$api/issues/$pr/comments?per_page=100" \
      | jq -r --arg m "$marker" '[.[] | select(.body | startswith($m))][0].id // ""') || existing=""
    payload=$(jq -n --arg body "$body" '{body: $body}')
    if [[ -n "$existing" ]]; then
      curl -fsS -X PATCH "${auth[@]}" "$api/issues/comments/$existing" -d "$payload" > /dev/null \
        || echo "::warning title=pipeperf::comment: could not update comment $existing (permissions: pull-requests: write?)"
    else
      curl -fsS -X POST "${auth[@]}" "$api/issues/$pr/comments" -d "$payload" > /dev/null \
        || echo "::warning title=pipeperf::comment: could not comment on #$pr (permissions: pull-requests: write?)"
    fi
  fi
fi

exit "$code"
