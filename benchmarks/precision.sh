#!/usr/bin/env bash
# Precision per rule on the labelled real corpus (issue 15): recomputes every finding on
# ../shared/corpus/real, joins it with src/test/resources/labels/PPxxx.tsv and prints
# true / false / not-worth-it and precision per rule, findings per repository, and any
# unlabelled finding as a TSV line ready to paste. Fails under 90% overall or 80% per rule.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -ntp -q -o test -Dtest=LabelledCorpusTest -Dpipeperf.labelled=true \
  -Dsurefire.failIfNoSpecifiedTests=false "$@"
