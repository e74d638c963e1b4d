#!/usr/bin/env bash
# The standing sweep of issue 28's bugs: each patch of tools/seeded-bugs/issue-28/ seeds one bug a
# developer could make in the fake (each compiles, each changes what a user, a client or a
# reviewer sees); the script applies it, runs the checks its "check:" lines name, and takes it
# out again. A bug is caught when one of its checks fails. A check line is a profile and files:
#   check: node    test/x.test.ts ...              the node test runner (protocol guards, persistence)
#   check: bare    features/x.feature[:line] ...   the acceptance suite over the API
#   check: browser features/x.feature[:line] ...   the acceptance suite through the pages
# First every check runs once on the fake as it is (it must pass there, or a failure with the
# bug in proves nothing); then the bugs, one at a time. Prints one row per bug: what caught it,
# or NOT CAUGHT, and how long it took; exits non-zero if a bug was not caught or a check fails
# without one.
#   bash tools/seeded-bugs/run-issue-28.sh                 every bug
#   bash tools/seeded-bugs/run-issue-28.sh 05 22           the bugs whose names start so
#   SKIP_BASELINE=1 bash tools/seeded-bugs/run-issue-28.sh (when the checks were just seen passing)
# It refuses to start while fake-server/ has uncommitted changes: it must leave them as found.
set -uo pipefail
cd "$(dirname "$0")/../.."
if ! git diff --quiet -- fake-server; then
  echo "fake-server/ has uncommitted changes; commit or stash them first" >&2
  exit 2
fi
FOLDER=tools/seeded-bugs/issue-28
patches=()
for patch in "$FOLDER"/*.patch; do
  name=$(basename "$patch" .patch)
  if [ $# -eq 0 ]; then patches+=("$patch"); continue; fi
  for wanted in "$@"; do [[ $name == "$wanted"* ]] && patches+=("$patch"); done
done

# Runs one check line ("node test/a.test.ts", "bare features/b.feature:12"); prints what failed.
run_check() {
  local profile=$1
  shift
  local output status
  case $profile in
    node) output=$(node -r ./tools/register-typescript.cjs --test "$@" 2>&1) ;;
    bare | browser) output=$(npx cucumber-js --profile "$profile" --format summary "$@" 2>&1) ;;
    *)
      echo "unknown profile $profile" >&2
      return 3
      ;;
  esac
  status=$?
  if [ $status -ne 0 ]; then
    # The node runner's failed tests, cucumber's failed scenarios: the first three of them
    # (indented: a test; a describe that holds failed tests is not named again).
    grep -E '^\s+not ok [0-9]+ - |^[0-9]+\) Scenario: ' <<<"$output" |
      sed -E 's/^\s*not ok [0-9]+ - //; s/^[0-9]+\) Scenario: //; s/ # .*$//' | head -3 | paste -sd ';' -
  fi
  return $status
}

checks_of() { sed -n 's/^check: //p' "$1"; }

failed=0
if [ "${SKIP_BASELINE:-}" != 1 ]; then
  echo "== every check on the fake as it is"
  while IFS= read -r check; do
    start=$SECONDS
    # shellcheck disable=SC2086 # a check line is a profile and files, split on blanks
    if ! what=$(run_check $check); then
      echo "   FAILS WITHOUT A BUG: $check ($what)"
      failed=1
    else
      echo "   passes: $check ($((SECONDS - start)) s)"
    fi
  done < <(for patch in "${patches[@]}"; do checks_of "$patch"; done | sort -u)
  [ $failed -eq 0 ] || exit 1
fi

echo "| bug | caught by | time |"
echo "| --- | --- | --- |"
sweep_start=$SECONDS
for patch in "${patches[@]}"; do
  name=$(basename "$patch" .patch)
  git apply "$patch" || {
    echo "| $name | DOES NOT APPLY | |"
    failed=1
    continue
  }
  trap 'git apply -R "$patch"' EXIT
  start=$SECONDS
  caught=""
  while IFS= read -r check; do
    # shellcheck disable=SC2086
    if ! what=$(run_check $check); then caught="${caught:+$caught; }${check#* } (${what:-failed})"; fi
  done < <(checks_of "$patch")
  git apply -R "$patch"
  trap - EXIT
  if [ -z "$caught" ]; then
    caught="NOT CAUGHT"
    failed=1
  fi
  echo "| $name | $caught | $((SECONDS - start)) s |"
done
echo "sweep: ${#patches[@]} bugs in $((SECONDS - sweep_start)) s"
exit $failed
