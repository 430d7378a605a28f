// Build times of both packages and the size of what the LWC side panel ships.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { at, outputs, root } from '../lib/paths.mjs';
import { emit } from './emit.mjs';

const G = 'builds and bundle';
function timed(metric, cmd, args, cwd) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  emit(G, metric, r.status === 0 ? s : 'failed', r.status === 0 ? 's' : '', r.status === 0 ? '' : `exit ${r.status}`);
}

timed('shared core build (rollup, 3 targets + metadata)', process.execPath, [at('scripts/build.mjs'), '--shared'], root);
timed('ServiceNow app build (now-sdk build)', 'npx', ['now-sdk', 'build'], at('servicenow-app'));
// The Salesforce package's "build" is the source → metadata-API conversion a deploy performs.
timed('Salesforce package build (source → mdapi convert, checked)', process.execPath, ['scripts/check.mjs', '--only', 'convert-source'], at('salesforce-pkg'));
timed('Salesforce offline checks (prettier, Apex LS, PMD, ours)', process.execPath, ['scripts/check.mjs'], at('salesforce-pkg'));

const panelDir = at('salesforce-pkg/force-app/main/default/lwc/linkedIncidentPanel');
const files = [outputs.lwcModule, ...(fs.existsSync(panelDir) ? fs.readdirSync(panelDir).filter((f) => /\.(js|html|css)$/.test(f)).map((f) => `${panelDir}/${f}`) : [])];
const bytes = Buffer.concat(files.filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
emit(G, 'LWC panel + seamCore source size', bytes.length / 1024, 'KiB', `${(zlib.gzipSync(bytes).length / 1024).toFixed(1)} KiB gzip`);
