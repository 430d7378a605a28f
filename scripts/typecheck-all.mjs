#!/usr/bin/env node
// Type checks of every workspace (the `typecheck` script each one declares), as one test of
// `npm test`: a test file or twin that stops type-checking fails CI, not only `npm run lint`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { at, root } from './lib/paths.mjs';

const { workspaces } = JSON.parse(readFileSync(at('package.json'), 'utf8'));
let failed = 0;
for (const ws of workspaces) {
  const pkg = JSON.parse(readFileSync(at(`${ws}/package.json`), 'utf8'));
  if (!pkg.scripts?.typecheck) continue;
  const r = spawnSync('npm', ['run', 'typecheck', '--silent', '-w', ws], { cwd: root, stdio: 'inherit' });
  console.log(`typecheck ${ws}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
