#!/usr/bin/env bash
# Deploys the package to an authorised org, runs its Apex tests with coverage, and fails when any
# package class or the total is below 75 % (scripts/coverage-gate.mjs).
#   scripts/deploy-and-test.sh <org-alias> [--scratch]
# --scratch also deploys org-setup/ (the Case Status values the ServiceNow state map needs);
# never use it against a production org, it replaces the CaseStatus value set.
# The Salesforce CLI is not installed in this repository: `sf` on PATH is used if present,
# otherwise `npx --yes @salesforce/cli@2` downloads it on first use.
set -euo pipefail

org="${1:-}"
if [[ -z "$org" ]]; then
  echo "usage: $0 <org-alias> [--scratch]   (authorise the org first: sf org login web --alias <org-alias>)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

if command -v sf >/dev/null 2>&1; then
  SF=(sf)
else
  echo "sf CLI not installed; using npx --yes @salesforce/cli@2" >&2
  SF=(npx --yes @salesforce/cli@2)
fi

if [[ ! -f force-app/main/default/lwc/seamCore/seamCore.js ]]; then
  echo "seamCore.js is missing: run 'npm run build' at the repository root first" >&2
  exit 2
fi

"${SF[@]}" org display --target-org "$org" >/dev/null

if [[ "${2:-}" == "--scratch" ]]; then
  "${SF[@]}" project deploy start --source-dir org-setup --target-org "$org" --wait 30
fi

"${SF[@]}" project deploy start --source-dir force-app --target-org "$org" --wait 30

out=.sf-test-results
rm -rf "$out" && mkdir -p "$out"
# RunLocalTests: every test class in the org outside managed packages (ours are all local);
# human output for the reader, the files in --output-dir for the gate.
"${SF[@]}" apex run test --target-org "$org" --test-level RunLocalTests --code-coverage \
  --result-format human --output-dir "$out" --wait 30 | tee "$out/human.txt"

run_id="$(cat "$out/test-run-id.txt" 2>/dev/null || sed -n 's/^Test Run Id[[:space:]]*\([0-9A-Za-z]\{15,18\}\).*/\1/p' "$out/human.txt" | head -1)"
if [[ -z "$run_id" ]]; then
  echo "deploy-and-test: could not find the test run id in $out; see $out/human.txt" >&2
  exit 1
fi
# Per-class coverage as JSON, then the 75 % bar a promoted package version must clear.
"${SF[@]}" apex get test --test-run-id "$run_id" --target-org "$org" --code-coverage --json > "$out/coverage.json"
node scripts/coverage-gate.mjs "$out" --min 75
echo "Apex test results and coverage: salesforce-pkg/$out"
