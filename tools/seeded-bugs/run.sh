#!/usr/bin/env bash
# Seeds, one at a time, the fake's bugs that a green report once hid (issue 23, findings 1-4),
# runs the features that must catch each, and takes the bug out again. Every bug must fail at
# least one scenario; the script says which, and exits non-zero if a bug passes.
#   bash tools/seeded-bugs/run.sh            (under two minutes on two busy cores)
# It refuses to start while fake-server/ has uncommitted changes: it must leave them as found.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! git diff --quiet -- fake-server; then
  echo "fake-server/ has uncommitted changes; commit or stash them first" >&2
  exit 2
fi
FEATURES=(features/important-key-pack-id.feature features/step-09-call-clearinghouse.feature
  features/programs-and-versions.feature features/faults.feature)
escaped=0
for patch in tools/seeded-bugs/*.patch; do
  git apply "$patch"
  trap 'git apply -R "$patch"' EXIT
  echo "== $(basename "$patch" .patch)"
  if output=$(npx cucumber-js --profile bare --format summary "${FEATURES[@]}" 2>&1); then
    echo "   NOT CAUGHT: every scenario passed"
    escaped=1
  else
    grep -E '^[0-9]+\) Scenario' <<<"$output" | sed -E 's/^[0-9]+\) Scenario: /   caught by: /; s/ # / (/; s/$/)/'
  fi
  git apply -R "$patch"
  trap - EXIT
done
exit "$escaped"
