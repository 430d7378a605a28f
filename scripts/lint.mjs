#!/usr/bin/env node
// `npm run lint`: every workspace's own lint (engine rules for ServiceNow, Apex formatting and
// static analysis for Salesforce) plus the TypeScript type checks. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { at, root } from './lib/paths.mjs';

const workspaces = ['shared', 'servicenow-app', 'salesforce-pkg', 'proxy', 'knowledge', 'test'];
let failed = 0;
for (const ws of workspaces) {
  const pkg = JSON.parse(fs.readFileSync(at(ws, 'package.json'), 'utf8'));
  for (const script of ['typecheck', 'lint']) {
    if (!pkg.scripts || !pkg.scripts[script]) continue;
    console.log(`lint: ${ws} ${script}`);
    const r = spawnSync('npm', ['run', script, '--silent'], { cwd: at(ws), stdio: 'inherit' });
    if (r.status !== 0) { failed++; console.error(`lint: ${ws} ${script} failed`); }
  }
}
process.exit(failed ? 1 : 0);
