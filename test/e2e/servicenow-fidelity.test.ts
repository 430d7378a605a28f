// Issue 14 item 4 (ServiceNow): Salesforce text longer than the instance's columns. The twin keeps
// what the database keeps (KB0685779: ≤ 255 → varchar(max_length), longer values cut silently;
// > 255 → mediumtext, not enforced). The app reads each column's dictionary length at run time,
// cuts with a visible marker and attaches the full text, so nothing is lost and nothing loops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

describe('text longer than the incident columns (short_description 160, description 4,000)', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('cuts subject and description to the dictionary lengths with a marker and attaches both full texts; nothing comes back or drifts', async () => {
    const subject = `${incidentTriage.Subject} — ${'and then the VPN dropped again '.repeat(6)}`.slice(0, 230);
    const description = `${incidentTriage.Description}\n${'Log line: auth failed for user on node 7. '.repeat(300)}`;
    expect(subject.length).toBeGreaterThan(160);
    expect(description.length).toBeGreaterThan(4000);
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: subject, Description: description });
    await e.sandbox.settle();
    const incident = await e.sn.incidentForCase(caseId);
    expect(incident, 'the incident was created').toBeDefined();
    const sd = incident!.short_description;
    expect(Array.from(sd)).toHaveLength(160);
    expect(sd.endsWith('…')).toBe(true);
    expect(subject.startsWith(sd.slice(0, -1))).toBe(true);
    expect(Array.from(incident!.description).length).toBeLessThanOrEqual(4000);
    expect(incident!.description).toMatch(/… \[Seam: cut at 4000 characters; the full text is attached as "Case \d+ description \(full text\)\.txt"\]$/);

    const files = (await e.sn.call('GET', `/api/now/attachment?sysparm_query=${encodeURIComponent(`table_sys_id=${incident!.sys_id}`)}`)).body.result as Array<{ sys_id: string; file_name: string }>;
    const byName = Object.fromEntries(files.map((f) => [f.file_name.replace(/^Case \d+ /, ''), f.sys_id]));
    expect(Object.keys(byName).sort()).toEqual(['description (full text).txt', 'short_description (full text).txt']);
    const text = async (id: string) => (await fetch(`${e.sn.url}/api/now/attachment/${id}/file`, { headers: { authorization: 'Basic ' + Buffer.from('admin:admin').toString('base64') } })).text();
    expect(await text(byName['description (full text).txt'])).toBe(description);
    expect(await text(byName['short_description (full text).txt'])).toBe(subject);

    // The files are Salesforce's own text: never sent back as ContentVersions.
    await e.sandbox.settle();
    const versions = await e.sf.query(`SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = '${caseId}'`).catch(() => ({ records: [], done: true, totalSize: 0 }));
    expect(versions.records).toHaveLength(0);
    expect((await getCase(e.sf, caseId, ['Subject'])).Subject).toBe(subject);

    // The drift sweep sees a cut copy, not drift: nothing repaired.
    const started = await e.sn.call('POST', '/api/x_seam_bridge/seam/v1/reconcile', {});
    expect([200, 201]).toContain(started.status);
    await e.sandbox.settle();
    const run = (await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/reconcile')).body.run;
    expect(run).toMatchObject({ state: 'done' });
    expect(Number(run.drift_found)).toBe(0);
  });

  it('schedules the debounced drain with its own scoped event and script action, never a cross-scope sys_trigger', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    await e.sn.patch('incident', incident.sys_id, { state: '2', work_notes: 'looking into it' }, 'agent');
    await e.sandbox.settle();
    const { logs, events } = await e.sandbox.servicenow.logs();
    expect(logs.filter((l: { level: string; message: string }) => l.level === 'error' && /cross-scope access policy|could not schedule the one-shot drain/.test(l.message))).toEqual([]);
    const drains = events.filter((ev: { name: string }) => ev.name === 'x_seam_bridge.outbox.drain');
    expect(drains.length).toBeGreaterThan(0);
    expect(await e.sn.query('sys_trigger', 'nameSTARTSWITHSeam')).toEqual([]);
    expect((await getCase(e.sf, caseId, ['Status'])).Status).not.toBe('New');
  });
});

describe('egress through a MID Server (x_seam_bridge.salesforce.mid_server)', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.salesforce.mid_server': 'seam-mid', 'x_seam_bridge.outbox.backoff_base_seconds': '1', 'x_seam_bridge.outbox.backoff_max_seconds': '1' }); });
  afterAll(async () => { await e?.close(); });

  it('with no MID Server Up the update waits (failed, retried; the error names the MID Server and the fix); once it is Up the update arrives', async () => {
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Printer queue stuck on floor 3' });
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    await e.sn.patch('incident', incident.sys_id, { state: '2' }, 'agent');
    await e.sandbox.settle();
    const rows = await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^statusINpending,failed`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.map((r) => r.last_error).join(' ')).toMatch(/No response for ECC message request.*x_seam_bridge\.salesforce\.mid_server.*fix: check that the MID Server is Up/);
    expect((await getCase(e.sf, caseId, ['Status'])).Status).toBe('New');

    await e.sn.insert('ecc_agent', { name: 'seam-mid', status: 'Up' });
    // The retry is due after its backoff (1 s, capped) from a whole-second next_attempt_at; on a loaded
    // machine the drain may come round later than that, so wait for it (up to 20 s) instead of a fixed 2.2 s.
    let status = 'New';
    for (const started = Date.now(); status === 'New' && Date.now() - started < 20_000;) {
      await new Promise((r) => setTimeout(r, 1100));
      await e.sandbox.settle();
      status = String((await getCase(e.sf, caseId, ['Status'])).Status);
    }
    expect(status).not.toBe('New');
    expect(await e.sn.query('x_seam_bridge_outbox', `incident=${incident.sys_id}^statusINpending,failed,dead_letter`)).toEqual([]);
  });
});

describe('Test connection (ServiceNow side, GET /api/x_seam_bridge/seam/v1/test-connection)', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  it('passes every check against a reachable org, and names the failed check and its fix when the endpoint is unreachable', async () => {
    const ok = await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/test-connection');
    expect(ok.status).toBe(200);
    expect(ok.body.checks.map((c: { name: string; ok: boolean }) => [c.name, c.ok])).toEqual([
      ['configuration', true], ['endpoint', true], ['auth', true], ['permissions', true], ['api_budget', true], ['receipts', true],
    ]);
    expect(ok.body.ok).toBe(true);

    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.salesforce.mid_server': 'seam-mid' }); // no MID Server is Up
    const down = await e.sn.call('GET', '/api/x_seam_bridge/seam/v1/test-connection');
    expect(down.body.ok).toBe(false);
    const failed = down.body.checks.find((c: { ok: boolean }) => !c.ok);
    expect(failed).toMatchObject({ name: 'endpoint' });
    expect(failed.fix).toMatch(/mid_server/);
    await e.sandbox.servicenow.setProperties({ 'x_seam_bridge.salesforce.mid_server': '' });
  });
});
