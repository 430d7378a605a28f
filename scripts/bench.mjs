#!/usr/bin/env node
// `npm run bench`: every benchmark, measured side by side in one run, printed as one table.
// Benchmarks never live in the unit tests. Each sub-bench prints lines `BENCH {json}` with
// { group, metric, value, unit, note? }; this script collects and prints them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { at, root } from './lib/paths.mjs';

const benches = [
  { name: 'shared core', cmd: [process.execPath, at('scripts/bench/shared-core.mjs')] },
  { name: 'builds and bundle', cmd: [process.execPath, at('scripts/bench/builds.mjs')] },
  fs.existsSync(at('proxy/bench/overhead.mjs')) && { name: 'proxy', cmd: ['npm', 'run', 'bench', '--silent', '-w', 'proxy', '--', '--emit-bench-lines'] },
  fs.existsSync(at('proxy/bench/scaleout.mjs')) && { name: 'proxy scale-out', cmd: [process.execPath, at('proxy/bench/scaleout.mjs'), '--emit-bench-lines'] },
  fs.existsSync(at('test/bench/sync.mjs')) && { name: 'sync on twins', cmd: [process.execPath, at('test/bench/sync.mjs')] },
  // SQLite and PostgreSQL side by side; needs knowledge/scripts/install-postgres.sh (root) for the second.
  fs.existsSync(at('knowledge/bench/knowledge.mjs')) && { name: 'knowledge index', cmd: ['npm', 'run', 'bench', '--silent', '-w', 'knowledge'] },
].filter(Boolean);

// The shared core is benchmarked from its Node build.
spawnSync(process.execPath, [at('scripts/build.mjs'), '--shared'], { cwd: root, stdio: 'ignore' });

const rows = [];
for (const b of benches) {
  process.stderr.write(`bench: ${b.name} …\n`);
  const r = spawnSync(b.cmd[0], b.cmd.slice(1), { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = (r.stdout || '').split('\n').filter((l) => l.startsWith('BENCH '));
  if (r.status !== 0 || lines.length === 0) {
    rows.push({ group: b.name, metric: 'FAILED', value: '', unit: '', note: (r.stderr || '').trim().split('\n').slice(-1)[0] || `exit ${r.status}` });
    continue;
  }
  for (const l of lines) rows.push(JSON.parse(l.slice(6)));
}

const fmt = (v) => (typeof v === 'number' ? (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-US') : String(Math.round(v * 100) / 100)) : String(v));
const widths = [18, Math.max(52, ...rows.map((r) => String(r.metric).length)), 14, 10];
const line = (cells) => cells.map((c, i) => (i === 2 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join(' ');
console.log(line(['group', 'metric', 'value', 'unit']) + ' note');
console.log('-'.repeat(widths.reduce((a, w) => a + w + 1, 0) + 20));
for (const r of rows) console.log(line([r.group, r.metric, fmt(r.value), r.unit]) + ' ' + (r.note || ''));
console.log(`\n(${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).cpus().length} cores; all rows measured in this one run)`);
