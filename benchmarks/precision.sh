#!/usr/bin/env bash
# Precision per rule on the labelled real corpus (issue 15; method in benchmarks/README.md):
# recomputes every finding on ../shared/corpus/real, joins it with
# src/test/resources/labels/PPxxx.tsv and prints true / false / not-worth-it and precision per
# rule, findings per repository, stale labels, and any unlabelled finding as a TSV line ready to
# paste. Fails under 90% overall or 80% per rule, on an unlabelled finding, or when a finding
# labelled false comes back. The same test (LabelledCorpusTest) runs in the normal suite.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -ntp -q -o test -Dtest=LabelledCorpusTest -Dsurefire.failIfNoSpecifiedTests=false "$@"
