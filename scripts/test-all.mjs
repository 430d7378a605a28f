#!/usr/bin/env node
// `npm test`: builds what the tests need, runs every package's test runner, and ends with
// one line `N passed, N failed` totalled over all of them (CI reads only that line).
//
//   node scripts/test-all.mjs                 everything
//   node scripts/test-all.mjs shared proxy    only those suites
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { at, root } from './lib/paths.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-test-'));

/** Vitest's JSON report (Jest-compatible shape). */
const vitest = (name, dir, extra = []) => ({
  name,
  dir,
  cmd: process.execPath,
  args: [at('node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(tmp, `${name}.json`)}`, ...extra],
  report: path.join(tmp, `${name}.json`),
});

/** Jest through sfdx-lwc-jest, for the LWC components. */
const jest = (name, dir) => ({
  name,
  dir,
  cmd: process.execPath,
  args: [at('node_modules/@salesforce/sfdx-lwc-jest/bin/sfdx-lwc-jest'), '--', '--json', `--outputFile=${path.join(tmp, `${name}.json`)}`, '--ci'],
  report: path.join(tmp, `${name}.json`),
});

/** Node's own test runner; its TAP summary (`# pass N`, `# fail N`) is counted. */
const nodeTest = (name, dir, target) => ({ name, dir, cmd: process.execPath, args: ['--test', '--test-reporter=tap', target], tap: true });

/** A check script counts as one test: it passes or it fails. */
const check = (name, dir, script) => ({ name, dir, cmd: process.execPath, args: [script], report: null });

const has = (p) => fs.existsSync(at(p));
const suites = [
  check('typecheck', root, 'scripts/typecheck-all.mjs'),
  has('shared/vitest.config.ts') && vitest('shared', at('shared'), ['--coverage']),
  has('servicenow-app/vitest.config.ts') && vitest('servicenow-app', at('servicenow-app')),
  has('servicenow-app/scripts/engine-lint.mjs') && check('servicenow-engine-lint', at('servicenow-app'), 'scripts/engine-lint.mjs'),
  has('salesforce-pkg/jest.config.js') && jest('salesforce-lwc', at('salesforce-pkg')),
  has('salesforce-pkg/scripts/check.mjs') && check('salesforce-static-checks', at('salesforce-pkg'), 'scripts/check.mjs'),
  has('salesforce-pkg/scripts/checks.test.mjs') && nodeTest('salesforce-check-selftests', at('salesforce-pkg'), 'scripts/'),
  has('proxy/vitest.config.ts') && vitest('proxy', at('proxy')),
  has('knowledge/vitest.config.ts') && vitest('knowledge', at('knowledge')),
  has('test/vitest.config.ts') && vitest('cross-package', at('test')),
].filter(Boolean);

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = wanted.length ? suites.filter((s) => wanted.some((w) => s.name.startsWith(w))) : suites;

function runBuild() {
  const r = spawnSync(process.execPath, [at('scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}

function countReport(file) {
  const j = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Both Vitest's and Jest's JSON reports carry these totals; suites that failed to load count as failed.
  const failedSuites = (j.testResults || []).filter((r) => r.status === 'failed' && (!r.assertionResults || r.assertionResults.length === 0)).length;
  return { passed: j.numPassedTests || 0, failed: (j.numFailedTests || 0) + failedSuites, skipped: (j.numPendingTests || 0) + (j.numTodoTests || 0) };
}

function countTap(out) {
  const n = (k) => Number((new RegExp(`^# ${k} (\\d+)$`, 'm').exec(out) || [])[1] || 0);
  return { passed: n('pass'), failed: n('fail') + n('cancelled'), skipped: n('skipped') + n('todo') };
}

const rows = [];
const buildOk = process.env.SEAM_SKIP_BUILD === '1' || runBuild();
rows.push({ name: 'build', passed: buildOk ? 1 : 0, failed: buildOk ? 0 : 1, skipped: 0, ms: 0 });

for (const s of buildOk ? selected : []) {
  const t0 = Date.now();
  console.log(`\n=== ${s.name} ===`);
  const r = spawnSync(s.cmd, s.args, { cwd: s.dir, stdio: s.tap ? ['ignore', 'pipe', 'inherit'] : 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Date.now() - t0;
  let counts;
  if (s.tap) {
    process.stdout.write(r.stdout || '');
    counts = countTap(r.stdout || '');
  } else if (s.report && fs.existsSync(s.report)) counts = countReport(s.report);
  else counts = { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1, skipped: 0 };
  // A runner that exits non-zero without a counted failure (coverage threshold, crash) still fails.
  if (r.status !== 0 && counts.failed === 0) counts.failed = 1;
  rows.push({ name: s.name, ...counts, ms });
}

console.log('\nsuite                      passed  failed  skipped   seconds');
for (const r of rows) console.log(`${r.name.padEnd(26)} ${String(r.passed).padStart(6)}  ${String(r.failed).padStart(6)}  ${String(r.skipped).padStart(7)}  ${(r.ms / 1000).toFixed(1).padStart(8)}`);
const passed = rows.reduce((a, r) => a + r.passed, 0);
const failed = rows.reduce((a, r) => a + r.failed, 0);
const skipped = rows.reduce((a, r) => a + r.skipped, 0);
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
