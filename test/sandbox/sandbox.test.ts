// The sandbox itself: state survives a restart unless reset, and `npm start -- --smoke` works.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backoffMinutes } from '../twins/salesforce/index.js';
import { createSandbox, type Sandbox } from './sandbox.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'seam-sandbox-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function createCase(sb: Awaited<ReturnType<typeof createSandbox>>, subject: string): Promise<string> {
  const { access_token } = sb.salesforce.issueToken();
  const res = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Subject: subject, Description: 'Nobody can log in: SSO answers "authentication failed" after the password step.', Priority: 'Medium' }),
  });
  return (await res.json()).id;
}

const incidentsFor = async (sb: Awaited<ReturnType<typeof createSandbox>>, caseId: string) =>
  (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result as Array<{ number: string }>;

describe('createSandbox', () => {
  it('keeps both twins\' state across a restart, and forgets it with reset', async () => {
    const stateDir = tempDir();
    let sb = await createSandbox({ stateDir, reset: true });
    let caseId: string;
    let number: string;
    try {
      caseId = await createCase(sb, 'Login error after the SSO change');
      await sb.settle();
      [{ number }] = await incidentsFor(sb, caseId);
      expect(number).toMatch(/^INC\d+/);
    } finally {
      await sb.close();
    }

    sb = await createSandbox({ stateDir });
    try {
      expect(sb.salesforce.store.byId(caseId)?.record.Seam_Incident_Number__c).toBe(number);
      expect((await incidentsFor(sb, caseId)).map((i) => i.number)).toEqual([number]);
      // The link survived too: an update of the case updates the same incident.
      const { access_token } = sb.salesforce.issueToken();
      await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case/${caseId}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Subject: 'Login error after the SSO change (all EU users)' }),
      });
      await sb.settle();
      const after = (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result;
      expect(after.map((i: { number: string; short_description: string }) => [i.number, i.short_description])).toEqual([[number, 'Login error after the SSO change (all EU users)']]);
    } finally {
      await sb.close();
    }

    sb = await createSandbox({ stateDir, reset: true });
    try {
      expect(sb.salesforce.store.byId(caseId)).toBeNull();
      expect(await incidentsFor(sb, caseId)).toEqual([]);
    } finally {
      await sb.close();
    }
  });

  it('settle() reports quiet when nothing is left to move', async () => {
    const sb = await createSandbox({ stateDir: tempDir(), reset: true });
    try {
      await createCase(sb, 'Login error on the VPN');
      const busy = await sb.settle();
      expect(busy).toMatchObject({ quiet: true });
      expect(busy.dispatched + busy.asyncRules).toBeGreaterThan(0);
      expect(await sb.settle()).toMatchObject({ quiet: true, dispatched: 0, comments: 0, asyncRules: 0 });
    } finally {
      await sb.close();
    }
  });
});

describe('Case files go through the package\'s outbox (Seam_Outbox__c, kind attachment)', () => {
  let sb: Sandbox;
  let caseId: string;
  let incidentSysId: string;
  let skewMs = 0; // moves the package's clock past a retry's backoff (minutes, as in the package)

  beforeAll(async () => {
    sb = await createSandbox({ stateDir: tempDir(), reset: true, salesforceNow: () => Date.now() + skewMs });
    caseId = await createCase(sb, 'Login error after the SSO change');
    await sb.settle();
    [{ sys_id: incidentSysId }] = (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result as Array<{ sys_id: string }>;
  });
  afterAll(async () => { await sb?.close(); });

  const addFile = async (name: string, text: string): Promise<string> => {
    const { access_token } = sb.salesforce.issueToken();
    const res = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/ContentVersion`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ Title: name, PathOnClient: name, VersionData: Buffer.from(text).toString('base64'), FirstPublishLocationId: caseId }),
    });
    expect(res.status).toBe(201);
    return (await res.json()).id;
  };
  /** The incident's files with this name, as the Table API lists them (one row per stored file). */
  const attachmentRows = async (name: string) =>
    (await sb.serviceNowApi(`/api/now/table/sys_attachment?sysparm_query=${encodeURIComponent(`table_sys_id=${incidentSysId}^file_name=${name}`)}`)).body.result as Array<{ file_name: string }>;
  const outboxRow = (contentVersionId: string) =>
    sb.salesforce.store.all('Seam_Outbox__c').find((r) => r.Kind__c === 'attachment' && JSON.parse(String(r.Payload__c)).contentVersionId === contentVersionId);
  /** Every POST /v1/attachments the sandbox made for this file, with ServiceNow's (or the fault's) HTTP status. */
  const deliveries = (name: string) =>
    sb.delivered.filter((d) => d.path === '/attachments' && (d.messages as Array<{ fileName: string }>).some((m) => m.fileName === name)).map((d) => d.status);

  it('a file added on a linked Case is sent once, from its outbox row, and arrives on the incident once', async () => {
    const id = await addFile('sso-trace.txt', 'SAML response: invalid audience');
    await sb.settle();
    expect(outboxRow(id)).toMatchObject({ Status__c: 'Sent', Attempts__c: 1 });
    expect(deliveries('sso-trace.txt')).toEqual([200]); // one path only: a second sender would show here
    expect((await attachmentRows('sso-trace.txt')).map((a) => a.file_name)).toEqual(['sso-trace.txt']);
  });

  it('with POST /v1/attachments failing, the file is retried after the backoff and then arrives once', async () => {
    sb.faults.next({ path: '/attachments', status: 503 });
    const id = await addFile('har-capture.txt', 'GET /sso 302 then 500');
    await sb.settle();
    expect(outboxRow(id)).toMatchObject({ Status__c: 'Retrying', Attempts__c: 1, Last_Error__c: 'ServiceNow answered HTTP 503; will retry' });
    expect(deliveries('har-capture.txt')).toEqual([503]);
    expect(await attachmentRows('har-capture.txt')).toEqual([]);

    skewMs += backoffMinutes(1) * 60_000;
    await sb.settle();
    expect(outboxRow(id)).toMatchObject({ Status__c: 'Sent', Attempts__c: 2 });
    expect(deliveries('har-capture.txt')).toEqual([503, 200]);
    expect((await attachmentRows('har-capture.txt')).map((a) => a.file_name)).toEqual(['har-capture.txt']);
    // Quiet afterwards: nothing is sent again.
    await sb.settle();
    expect(deliveries('har-capture.txt')).toEqual([503, 200]);
  });
});

describe('scripts/start.mjs --smoke', () => {
  it('creates a case, sees its incident, prints one line and exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO, 'scripts/start.mjs'), '--smoke', '--no-build', '--state-dir', tempDir()], { cwd: REPO, timeout: 60_000 });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^smoke: OK case 500\w+ → incident INC\d+ in \d+ ms/);
  });

  it('with --redis runs the round trip through two proxy replicas sharing a real redis-server', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(REPO, 'scripts/start.mjs'), '--smoke', '--redis', '--no-build', '--state-dir', tempDir()], { cwd: REPO, timeout: 60_000 });
    expect(stderr).toMatch(/2 proxy replicas \(http:\/\/127\.0\.0\.1:\d+, http:\/\/127\.0\.0\.1:\d+\) behind http:\/\/127\.0\.0\.1:\d+, sharing redis:\/\/127\.0\.0\.1:\d+/);
    expect(stdout).toMatch(/^smoke: OK case 500\w+ → incident INC\d+ in \d+ ms/);
  });
});
