// The backfill (scripts/backfill.mjs) on the two twins: 5,000 existing pairs are linked by key
// only, a run stopped half-way resumes from its checkpoint, a second run writes nothing, a dry run
// writes nothing, and the writes never echo back as sync messages.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without declarations
import { runBackfill } from '../../scripts/lib/backfill/run.mjs';
import { REPO, cases, incidents, kindOf, links, outboxRows, seed, startTwins, type Seeded } from './backfill-fixture';

const N = Number(process.env.SEAM_BACKFILL_PAIRS ?? 5000);
let t: Awaited<ReturnType<typeof startTwins>>;
let seeded: Seeded;
const timings: Record<string, number> = {};

beforeAll(async () => {
  t = await startTwins();
  seeded = seed(t, N);
});
afterAll(async () => {
  await t?.close();
  // Timings and API calls are reported, not asserted (no timing assertions in tests).
  console.log(`backfill timings (ms): ${JSON.stringify(timings)}`);
});

const fingerprint = () => JSON.stringify([links(t).length, incidents(t).map((r) => r.sys_mod_count + r.x_seam_bridge_sf_case_id), cases(t).map((c) => c.LastModifiedDate + String(c.Seam_Incident_Sys_Id__c))]);

describe(`backfill of ${N} existing pairs`, () => {
  it('dry run reports what it would do and writes nothing (no records, no checkpoint)', async () => {
    const before = fingerprint();
    const usageBefore = t.sf.apiUsage;
    const start = Date.now();
    const out = await runBackfill(t.config({ dryRun: true }));
    timings.dryRun = Date.now() - start;
    console.log(`dry run calls: ${JSON.stringify(out.calls)}`);
    expect(out.dryRun).toBe(true);
    expect(out.totals.linksCreated).toBe(N - seeded.preLinked);
    expect(out.totals.alreadyLinked).toBe(seeded.preLinked);
    // Each contradiction is reported from both incidents it involves.
    expect(out.totals.conflicts).toBe(2 * seeded.conflicts.length);
    expect(out.totals.casesUpdated).toBeGreaterThan(0);
    expect(out.calls.servicenow.writes).toBe(0);
    expect(out.calls.salesforce.collectionWrites).toBe(0);
    expect(fingerprint()).toBe(before);
    expect(existsSync(t.config().checkpointFile)).toBe(false);
    expect(t.sf.apiUsage - usageBefore).toBe(out.calls.salesforce.calls);
  });

  it('stops half-way, resumes from the checkpoint and completes without duplicates', async () => {
    const cfg = t.config({ concurrency: 8 });
    let start = Date.now();
    const first = await runBackfill(cfg, { stopAfter: N / 2 });
    timings.firstHalf = Date.now() - start;
    expect(first.stopped).toBe(true);
    const cp = JSON.parse(readFileSync(cfg.checkpointFile, 'utf8'));
    expect(cp.phase).toBe('incidents');
    expect(cp.incidentOffset).toBeGreaterThanOrEqual(N / 2);
    const linkedHalf = links(t).length;
    expect(linkedHalf).toBeGreaterThan(seeded.preLinked);
    expect(linkedHalf).toBeLessThan(N);

    start = Date.now();
    const second = await runBackfill(cfg);
    timings.resume = Date.now() - start;
    expect(second.resumed).toBe(true);
    expect(second.stopped).toBe(false);
    expect(existsSync(cfg.checkpointFile)).toBe(false);
    // Together the two runs created each missing link once.
    expect(second.totals.linksCreated).toBe(N - seeded.preLinked);
    expect(second.totals.failed).toBe(0);
    console.log(`5000-pair backfill API calls: first half ${JSON.stringify(first.calls)}; resume ${JSON.stringify(second.calls)}`);

    const all = links(t);
    expect(all).toHaveLength(N);
    expect(new Set(all.map((l) => l.sf_case_id)).size).toBe(N);
    expect(new Set(all.map((l) => l.incident)).size).toBe(N);
    const linkByCase = new Map(all.map((l) => [l.sf_case_id, l]));
    const incBySys = new Map(incidents(t).map((r) => [r.sys_id, r]));
    const caseById = new Map(cases(t).map((c) => [String(c.Id), c]));
    seeded.pairs.forEach((p, i) => {
      const where = `pair ${i} (${kindOf(i)})`;
      expect(linkByCase.get(p.caseId)?.incident, where).toBe(p.sysId);
      const inc = incBySys.get(p.sysId)!;
      expect(inc.x_seam_bridge_sf_case_id, where).toBe(p.caseId);
      expect(inc.x_seam_bridge_correlation_id, where).toBe(`SNOW-${p.number}|SFDC-${p.caseId}`);
      const c = caseById.get(p.caseId)!;
      expect(c.Seam_Incident_Sys_Id__c, where).toBe(p.sysId);
      expect(c.Seam_Incident_Number__c, where).toBe(p.number);
      // Owned fields in the owner's direction: state is ServiceNow's, priority → urgency is Salesforce's.
      expect(c.Status, where).toBe(i % 7 === 0 ? 'Working' : 'New');
      expect(inc.urgency, where).toBe(i % 7 === 0 ? '1' : '2');
      expect(c.Seam_Resolved_At__c ?? null, where).toBe(i % 11 === 0 ? '2026-11-20T08:00:00.000+0000' : null);
      expect(c.Seam_Assignee__c ?? null, where).toBe(i % 13 === 0 ? 'Beth Anglin' : null);
    });
    // Never by text: the decoys share subjects with real pairs and stay unlinked.
    for (const d of [...seeded.decoys, ...seeded.closed, ...seeded.conflicts]) {
      expect(linkByCase.has(d.caseId)).toBe(false);
      expect(incBySys.get(d.sysId)!.x_seam_bridge_correlation_id).toBe('');
    }
    expect(second.totals.conflicts).toBe(2 * seeded.conflicts.length);
  });

  it('a second run links nothing, writes nothing and duplicates nothing', async () => {
    const before = fingerprint();
    const start = Date.now();
    const out = await runBackfill(t.config());
    timings.secondRun = Date.now() - start;
    expect(out.totals.linksCreated).toBe(0);
    expect(out.totals.casesUpdated).toBe(0);
    expect(out.totals.incidentsUpdated).toBe(0);
    expect(out.totals.alreadyLinked).toBe(N);
    expect(out.calls.servicenow.writes).toBe(0);
    expect(out.calls.salesforce.collectionWrites).toBe(0);
    expect(fingerprint()).toBe(before);
    console.log(`idempotent re-run API calls: ${JSON.stringify(out.calls)}`);
  });

  it('the backfill writes do not echo: no Incident_Update__e queued, no CaseMessage queued', async () => {
    // The incident rule queued by the backfill's writes, for a sample of 500 incidents (all 5,000
    // take ~10 s on the twin and decide alike).
    t.sn.host.asyncQueue.splice(500);
    const ran = t.sn.runJobs();
    expect(ran.asyncRules).toBeGreaterThan(0); // the incident rule did run for the written incidents
    expect(outboxRows(t).map((r) => r.payload)).toEqual([]);
    expect(t.sf.outbound.filter((o) => o.kind === 'case')).toHaveLength(0);
  });
});

describe('the command line (node scripts/backfill.mjs), killed half-way', () => {
  const M = 600;
  let u: Awaited<ReturnType<typeof startTwins>>;
  let pairs: Seeded;
  beforeAll(async () => {
    u = await startTwins();
    pairs = seed(u, M);
  });
  afterAll(() => u?.close());

  const cli = (extra: string[] = [], env: Record<string, string> = {}) => {
    const cfg = u.config();
    return spawn(process.execPath, [join(REPO, 'scripts/backfill.mjs'), '--sn-url', u.sn.url, '--sn-user', 'seam.integration', '--sf-url', u.sf.url,
      '--sf-client-id', u.sf.clientId, '--checkpoint', cfg.checkpointFile, '--chunk-size', '50', '--progress', 'plain', ...extra], {
      env: { ...process.env, SEAM_SN_PASSWORD: 'integration', SEAM_SF_CLIENT_SECRET: u.sf.clientSecret, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  };
  const finish = (child: ReturnType<typeof spawn>) =>
    new Promise<{ code: number | null; signal: string | null; out: string; err: string }>((resolve) => {
      let out = '';
      let err = '';
      child.stdout!.on('data', (d) => (out += d));
      child.stderr!.on('data', (d) => (err += d));
      child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    });

  it('--help documents the options; missing settings are named without printing secrets', async () => {
    const help = await finish(cli(['--help']));
    expect(help.code).toBe(0);
    expect(help.out).toContain('--dry-run');
    expect(help.out).toContain('--checkpoint');
    const bad = await finish(spawn(process.execPath, [join(REPO, 'scripts/backfill.mjs'), '--sn-url', 'not a url'], { env: { ...process.env, SEAM_SF_CLIENT_SECRET: 'top-secret-value' }, stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sn-url "not a url" is not an http(s) URL');
    expect(bad.err).toContain('--sf-client-id');
    expect(bad.err + bad.out).not.toContain('top-secret-value');
  });

  it('SIGKILL half-way, then the same command resumes and completes; nothing is duplicated', async () => {
    // Table API writes (one call per record) keep the first run busy long enough to be killed mid-way.
    const child = cli(['--sn-writes', 'table', '--concurrency', '1']);
    const killed = new Promise<void>((resolve) => {
      child.stderr!.on('data', (d: Buffer) => {
        const m = /progress phase=incidents done=(\d+)/.exec(String(d));
        if (m && Number(m[1]) >= M / 2 && !child.killed) { child.kill('SIGKILL'); resolve(); }
      });
    });
    const first = finish(child);
    await killed;
    const r1 = await first;
    expect(r1.signal).toBe('SIGKILL');
    const partial = links(u).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(M);

    const r2 = await finish(cli(['--json']));
    expect(r2.code).toBe(0);
    const summary = JSON.parse(r2.out);
    expect(summary.resumed).toBe(true);
    expect(r2.err + r2.out).not.toContain(u.sf.clientSecret);
    const all = links(u);
    expect(all).toHaveLength(M);
    expect(new Set(all.map((l) => l.sf_case_id)).size).toBe(M);
    expect(new Set(all.map((l) => l.incident)).size).toBe(M);
    const byCase = new Map(all.map((l) => [l.sf_case_id, l.incident]));
    for (const p of pairs.pairs) expect(byCase.get(p.caseId)).toBe(p.sysId);
    expect(existsSync(u.config().checkpointFile)).toBe(false);
  });
});

describe('the API budget guard', () => {
  it('stops at the allowed share of the daily allocation, keeps the checkpoint, and resumes later', async () => {
    const v = await startTwins({ apiLimit: 200 });
    try {
      seed(v, 400);
      const cfg = v.config({ chunkSize: 50, maxApiShare: 0.1 }); // 20 of the 200 calls
      const first = await runBackfill(cfg);
      expect(first.stopped).toBe(true);
      expect(first.budgetStop).toMatch(/API usage \d+\/200 is at or above 10%/);
      expect(v.sf.apiUsage).toBeLessThanOrEqual(200 * 0.1 + 3); // at most one chunk's calls past the line
      expect(existsSync(cfg.checkpointFile)).toBe(true);
      expect(links(v).length).toBeLessThan(400);
      const rest = await runBackfill(v.config({ chunkSize: 200, maxApiShare: 1 }));
      expect(rest.stopped).toBe(false);
      expect(links(v)).toHaveLength(400);
      expect(new Set(links(v).map((l) => l.sf_case_id)).size).toBe(400);
    } finally {
      await v.close();
    }
  });
});
