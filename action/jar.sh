#!/usr/bin/env bash
# Finds the pipeperf jar for the action's own ref: the jar attached to the GitHub release of that
# tag, checked against its published SHA-256; from an untagged ref (a branch, a commit, `./`), the
# jar is built from the action's source. Prints `jar=PATH` and `built=true|false` to GITHUB_OUTPUT.
# Environment: ACTION_PATH, ACTION_REF, ACTION_REPOSITORY, JAVA_HOME_FOR_BUILD, GITHUB_API_URL,
# GITHUB_SERVER_URL, TOKEN (optional, for the API's rate limit), RUNNER_TEMP.
set -euo pipefail

out="${GITHUB_OUTPUT:-/dev/stdout}"
work="${RUNNER_TEMP:-$(mktemp -d)}/pipeperf-jar"
mkdir -p "$work"
ref="${ACTION_REF:-}"
repo="${ACTION_REPOSITORY:-}"

if [[ -n "$ref" && -n "$repo" && "$ref" =~ ^v[0-9] ]]; then
  api="${GITHUB_API_URL:-https://api.github.com}"
  auth=()
  [[ -n "${TOKEN:-}" ]] && auth=(-H "Authorization: Bearer $TOKEN")
  if release=$(curl -fsSL "${auth[@]}" "$api/repos/$repo/releases/tags/$ref" 2>/dev/null); then
    jar_url=$(jq -r '[.assets[] | select(.name | test("^pipeperf-.*\\.jar$"))][0].browser_download_url // ""' <<< "$release")
    sum_url=$(jq -r '[.assets[] | select(.name | test("^pipeperf-.*\\.jar\\.sha256$"))][0].browser_download_url // ""' <<< "$release")
    if [[ -n "$jar_url" && -n "$sum_url" ]]; then
      name=$(basename "$jar_url")
      curl -fsSL -o "$work/$name" "$jar_url"
      curl -fsSL -o "$work/$name.sha256" "$sum_url"
      expected=$(awk '{print $1}' "$work/$name.sha256")
      actual=$(sha256sum "$work/$name" | awk '{print $1}')
      if [[ "$expected" != "$actual" ]]; then
        echo "::error title=pipeperf::the released $name does not match its SHA-256 ($actual, expected $expected); refusing to run it"
        exit 2
      fi
      echo "pipeperf: using the released $name (SHA-256 $actual)"
      { echo "jar=$work/$name"; echo "built=false"; } >> "$out"
      exit 0
    fi
    echo "pipeperf: release $ref has no pipeperf jar; building from source"
  else
    echo "pipeperf: no release for $ref; building from source"
  fi
fi

# An untagged ref: build the action's own source. Maven's repository is the action's own, so the
# user's ~/.m2 (and their cache of it) is left alone.
cd "${ACTION_PATH:?}"
export JAVA_HOME="${JAVA_HOME_FOR_BUILD:-${JAVA_HOME:-}}"
mvn -q -B -ntp -DskipTests -Dmaven.repo.local="${RUNNER_TEMP:-/tmp}/pipeperf-m2" package
{ echo "jar=$ACTION_PATH/target/pipeperf.jar"; echo "built=true"; } >> "$out"
