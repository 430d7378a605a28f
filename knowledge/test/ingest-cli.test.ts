/**
 * The CLI as a person runs it: a real process, killed with SIGKILL mid-run, then run again. The
 * second run must resume from the checkpoint and end with every article indexed exactly once.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKnowledgeIndex } from '../src/index.js';
import { fakeServiceNow, type Fake, type SnRow } from './helpers/fakes.js';

const pkg = fileURLToPath(new URL('..', import.meta.url));
const cli = path.join(pkg, 'dist/cli/ingest.js');
let dir: string;
let fake: Fake<SnRow>;

const rows: SnRow[] = Array.from({ length: 12 }, (_, i) => ({
  sys_id: `b${String(i).padStart(31, '0')}`,
  number: `KB00${20000 + i}`,
  short_description: `Article ${i} about the mail relay`,
  text: `<p>Body ${i} of the relay article.</p>`,
  workflow_state: 'published',
  sys_updated_on: `2026-02-01 10:${String(i).padStart(2, '0')}:00`,
}));

beforeAll(async () => {
  // The CLI runs from its build; `npm test` builds first, a bare `vitest run` builds here.
  const r = spawnSync(process.execPath, [path.join(pkg, '../node_modules/typescript/bin/tsc'), '-p', path.join(pkg, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tsc failed: ${r.stdout}${r.stderr}`);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-ingest-cli-'));
  fake = await fakeServiceNow(rows);
}, 120_000);
afterAll(async () => {
  await fake?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ...process.env, SEAM_SN_URL: fake.url, SEAM_SN_USER: 'seam.integration', SEAM_SN_PASSWORD: 'not-a-real-secret', SEAM_KNOWLEDGE_PATH: path.join(dir, 'k.sqlite'), INIT_CWD: dir });
const args = (): string[] => ['--source', 'servicenow', '--page-size', '2', '--progress', 'plain', '--checkpoint', path.join(dir, 'cp.json')];

function run(extra: string[] = []): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [cli, ...args(), ...extra], { env: env() });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d));
    p.stderr.on('data', (d: Buffer) => (stderr += d));
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('knowledge:ingest CLI', () => {
  it('prints help', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--dry-run');
  });

  it('a bad option is a clear error', async () => {
    const r = await run(['--page-size', 'lots']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--page-size "lots" must be a whole number');
  });

  it('dry run writes nothing', async () => {
    const r = await run(['--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('would upsert 12, remove 0');
    expect(fs.existsSync(path.join(dir, 'cp.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'k.sqlite'))).toBe(false);
  });

  it('resumes after SIGKILL and ends with every article once', async () => {
    // Slow pages, so the kill lands mid-run: after the first checkpoint, before the last page.
    const slow = fake as Fake<SnRow> & { delayMs?: number };
    slow.delayMs = 150;
    const p = spawn(process.execPath, [cli, ...args()], { env: env() });
    const cp = path.join(dir, 'cp.json');
    await new Promise<void>((resolve, reject) => {
      const t0 = Date.now();
      const tick = setInterval(() => {
        if (fs.existsSync(cp)) {
          clearInterval(tick);
          p.kill('SIGKILL');
          resolve();
        } else if (Date.now() - t0 > 20_000) {
          clearInterval(tick);
          p.kill('SIGKILL');
          reject(new Error('no checkpoint within 20 s'));
        }
      }, 10);
    });
    await new Promise((r) => p.on('close', r));
    const saved = JSON.parse(fs.readFileSync(cp, 'utf8')) as { servicenow: { updatedOn: string } };
    expect(saved.servicenow.updatedOn < rows[rows.length - 1].sys_updated_on).toBe(true);
    const requestsBefore = fake.requests.length;
    slow.delayMs = 0;
    const r = await run();
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/progress source=servicenow done=\d+/);
    // The resumed run starts at the saved cursor, not at the beginning.
    expect(fake.requests[requestsBefore]).toContain(`sys_updated_on>=${saved.servicenow.updatedOn}`);
    const index = await openKnowledgeIndex({ path: path.join(dir, 'k.sqlite') });
    expect(await index.stats()).toMatchObject({ docs: 12, chunks: 12 });
    await index.close();
    // No secret in what the CLI printed.
    expect(r.stdout + r.stderr).not.toContain('not-a-real-secret');
  });
});
