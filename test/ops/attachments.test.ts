// Attachments end to end on the sandbox (both twins, the real built ServiceNow app in its own
// process): a file added on either side appears once on the other and never comes back; the same
// content added again is not mirrored twice. The Salesforce package's file sending is played by
// this test (forwardFiles: false keeps the sandbox's dispatchFiles off the outbox rows): it forwards
// the twin's queued AttachmentMessages to POST /v1/attachments, so each answer is seen here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM without declarations
import { runBackfill } from '../../scripts/lib/backfill/run.mjs';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { client, type Client } from '../twins/salesforce/helpers';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from '../twins/salesforce/store.js';

const basic = (u: string, p: string) => 'Basic ' + Buffer.from(`${u}:${p}`).toString('base64');
const AGENT = basic('itil.agent', 'itil');
const INTEGRATION = basic('seam.integration', 'integration');

let sb: Sandbox;
let stateDir: string;
let sf: Client;
let caseId: string;
let incidentSysId: string;

/** What the package's Queueable does with each queued file: POST it to ServiceNow. */
const queuedFiles: Array<{ kind: string; message: unknown }> = [];
async function forwardFiles(): Promise<string[]> {
  // The sandbox's pump drains the twin's outbound queue for comments; files are caught as queued.
  const items = queuedFiles.splice(0);
  const statuses: string[] = [];
  for (const item of items) {
    const res = await fetch(`${sb.urls.servicenow}/api/x_seam_bridge/seam/v1/attachments`, {
      method: 'POST', headers: { authorization: INTEGRATION, 'content-type': 'application/json' }, body: JSON.stringify({ messages: [item.message] }),
    });
    const body = await res.json();
    statuses.push(...body.results.map((r: { status: string }) => r.status));
  }
  return statuses;
}

const snAttachments = async () => {
  const res = await fetch(`${sb.urls.servicenow}/api/now/attachment?sysparm_query=table_sys_id=${incidentSysId}`, { headers: { authorization: basic('admin', 'admin') } });
  return (await res.json()).result as { sys_id: string; file_name: string; download_link: string }[];
};
const sfFiles = () => sb.salesforce.store.all('ContentVersion').filter((v) => v.FirstPublishLocationId === caseId);
const upload = (name: string, bytes: Buffer) =>
  fetch(`${sb.urls.servicenow}/api/now/attachment/file?table_name=incident&table_sys_id=${incidentSysId}&file_name=${name}`, {
    method: 'POST', headers: { authorization: AGENT, 'content-type': 'text/plain' }, body: bytes,
  });

beforeAll(async () => {
  stateDir = mkdtempSync(join(tmpdir(), 'seam-attachments-'));
  sb = await createSandbox({ stateDir, reset: true, forwardFiles: false }); // this test sends the files itself
  sf = await client(sb.salesforce);
  sb.salesforce.onOutbound((item) => { if (item.kind === 'attachment') queuedFiles.push(item); });
  // An existing pair, linked by the backfill (a Case created through the API would be triaged).
  const store = sb.salesforce.store as unknown as { create(t: string, b: Record<string, unknown>, ctx: unknown): string };
  caseId = store.create('Case', { Subject: 'Export job fails', Status: 'New', Priority: 'Medium' }, { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] });
  const inc = await sb.serviceNowApi('/api/now/table/incident', { method: 'POST', body: { short_description: 'Export job fails', x_seam_bridge_sf_case_id: caseId } });
  incidentSysId = inc.body.result.sys_id;
  const linked = await runBackfill({
    servicenow: { url: sb.urls.servicenow, user: 'seam.integration', password: 'integration' },
    salesforce: { url: sb.urls.salesforce, clientId: sb.salesforce.clientId, clientSecret: sb.salesforce.clientSecret },
    checkpointFile: join(stateDir, 'backfill.json'),
  });
  expect(linked.totals.linksCreated).toBe(1);
  await sb.settle();
  queuedFiles.length = 0;
});
afterAll(async () => {
  await sb?.close();
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

const LOG = Buffer.from('2026-11-23 10:00 export failed: disk full\n');
const CSV = Buffer.from('host,free\napp01,0\n');

describe('attachments on a linked pair', () => {
  it('an incident attachment appears once on the Case, tagged, and is not sent back', async () => {
    expect((await upload('export.log', LOG)).status).toBe(201);
    await sb.settle();
    const files = sfFiles();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({ FirstPublishLocationId: caseId, PathOnClient: 'export.log', ContentSize: LOG.length });
    expect(String(files[0].Description)).toMatch(/^\[Seam: from ServiceNow · sha256:[0-9a-f]{64}\]$/);
    const bytes = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/ContentVersion/${files[0].Id}/VersionData`, { headers: { authorization: `Bearer ${sf.token}` } });
    expect(Buffer.from(await bytes.arrayBuffer())).toEqual(LOG);
    // The Salesforce trigger saw the new file on a linked Case and, seeing our tag, queued nothing.
    expect(await forwardFiles()).toEqual([]);
    await sb.settle();
    expect(await snAttachments()).toHaveLength(1);
    expect(sfFiles()).toHaveLength(1);
  });

  it('a Case file appears once on the incident and is not sent back', async () => {
    const created = await sf.call('POST', '/sobjects/ContentVersion', { Title: 'disk', PathOnClient: 'disk.csv', VersionData: CSV.toString('base64'), FirstPublishLocationId: caseId });
    expect(created.status).toBe(201);
    expect(await forwardFiles()).toEqual(['created']);
    await sb.settle();
    const att = await snAttachments();
    expect(att.map((a) => a.file_name).sort()).toEqual(['disk.csv', 'export.log']);
    const csv = att.find((a) => a.file_name === 'disk.csv')!;
    const content = await fetch(csv.download_link, { headers: { authorization: basic('admin', 'admin') } });
    expect(Buffer.from(await content.arrayBuffer())).toEqual(CSV);
    // The incident rule ran for the mirrored file and queued nothing back to Salesforce.
    expect(sfFiles()).toHaveLength(2);
    expect(await forwardFiles()).toEqual([]);
  });

  it('the same content added again on either side is not mirrored a second time', async () => {
    await sf.call('POST', '/sobjects/ContentVersion', { Title: 'disk again', PathOnClient: 'disk-copy.csv', VersionData: CSV.toString('base64'), FirstPublishLocationId: caseId });
    expect(await forwardFiles()).toEqual(['duplicate']);
    expect((await upload('export-copy.log', LOG)).status).toBe(201);
    await sb.settle();
    expect(sfFiles()).toHaveLength(3); // the Salesforce user's own copy, not a mirror
    expect((await snAttachments()).map((a) => a.file_name).sort()).toEqual(['disk.csv', 'export-copy.log', 'export.log']);
    expect(sb.salesforce.store.all('ContentVersion').filter((v) => String(v.Description ?? '').startsWith('[Seam: from ServiceNow'))).toHaveLength(1);
  });
});
