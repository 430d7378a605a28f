#!/usr/bin/env bash
# Builds a package version of Seam with Apex code coverage computed (needed to promote it: 75 %),
# after the root build generated seamCore.js and the Seam_Field_Mapping records (they ship in it).
#   scripts/package-version.sh <dev-hub-alias> [--promote]
# --promote also promotes the new version to released (fails below 75 % coverage).
set -euo pipefail

hub="${1:-}"
if [[ -z "$hub" ]]; then
  echo "usage: $0 <dev-hub-alias> [--promote]" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

if command -v sf >/dev/null 2>&1; then SF=(sf); else SF=(npx --yes @salesforce/cli@2); fi

if ! node -e 'const p=require("./sfdx-project.json"); process.exit(p.packageAliases && p.packageAliases.Seam ? 0 : 1)'; then
  echo "sfdx-project.json has no package id for Seam: run scripts/create-package.sh $hub once and commit it" >&2
  exit 2
fi
if [[ ! -f force-app/main/default/lwc/seamCore/seamCore.js ]] || ! ls force-app/main/default/customMetadata/*.md-meta.xml >/dev/null 2>&1; then
  echo "generated files missing: run 'npm run build' at the repository root first" >&2
  exit 2
fi
node scripts/check.mjs

mkdir -p .sf-test-results
"${SF[@]}" package version create --package Seam --installation-key-bypass --code-coverage --wait 60 \
  --target-dev-hub "$hub" --json > .sf-test-results/package-version.json
version="$(node -p 'const r=require("./.sf-test-results/package-version.json"); (r.result && r.result.SubscriberPackageVersionId) || ""')"
if [[ -z "$version" ]]; then
  echo "package version create failed; see salesforce-pkg/.sf-test-results/package-version.json" >&2
  exit 1
fi
"${SF[@]}" package version report --package "$version" --target-dev-hub "$hub"
if [[ "${2:-}" == "--promote" ]]; then
  "${SF[@]}" package version promote --package "$version" --target-dev-hub "$hub" --no-prompt
fi
echo "built $version (install: sf package install --package $version --target-org <org> --wait 20)"
