#!/usr/bin/env bash
# Creates the Seam package (unlocked 2GP, no namespace) once, in a Dev Hub, and writes its real
# 0Ho… id into sfdx-project.json's packageAliases (sf package create does that). Commit the result;
# every later version is built against that id (scripts/package-version.sh).
#   scripts/create-package.sh <dev-hub-alias>
set -euo pipefail

hub="${1:-}"
if [[ -z "$hub" ]]; then
  echo "usage: $0 <dev-hub-alias>   (authorise it first: sf org login web --set-default-dev-hub --alias <dev-hub-alias>)" >&2
  exit 2
fi
cd "$(dirname "$0")/.."

if command -v sf >/dev/null 2>&1; then SF=(sf); else SF=(npx --yes @salesforce/cli@2); fi

if node -e 'const p=require("./sfdx-project.json"); process.exit(p.packageAliases && p.packageAliases.Seam ? 0 : 1)'; then
  echo "sfdx-project.json already names package Seam ($(node -p 'require("./sfdx-project.json").packageAliases.Seam')); nothing to create" >&2
  exit 0
fi

"${SF[@]}" package create --name Seam --package-type Unlocked --path force-app --no-namespace \
  --description "Seam: Salesforce side of the Seam Salesforce–ServiceNow integration" --target-dev-hub "$hub"

# The offline check refuses anything but a real id (scripts/lib/checks.mjs, isRealPackageId).
node --input-type=module -e '
import fs from "node:fs";
import { isRealPackageId } from "./scripts/lib/checks.mjs";
const id = JSON.parse(fs.readFileSync("sfdx-project.json", "utf8")).packageAliases?.Seam;
if (!isRealPackageId(id)) { console.error(`sfdx-project.json: packageAliases.Seam is ${JSON.stringify(id)} after sf package create; fix it by hand from sf package list`); process.exit(1); }
console.log(`package Seam is ${id}: commit sfdx-project.json`);
'
