// A scripted session of jsforce 3, a real Salesforce client nobody here wrote, against the twin:
// what a client does on connect and in daily use, and a bad SOQL failing as the platform fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsforce from 'jsforce';
import { API, client, startTwin } from './helpers';
import type { SalesforceTwin } from './index.js';

let twin: SalesforceTwin;
let conn: InstanceType<typeof jsforce.Connection>;
let token: string;

beforeAll(async () => {
  twin = await startTwin();
  token = (await client(twin)).token;
  // As an app does with a stored session: instance URL and access token, no login call.
  conn = new jsforce.Connection({ instanceUrl: twin.url, accessToken: token, version: '62.0' });
});
afterAll(() => twin.close());

describe('jsforce 3 session against the Salesforce twin', () => {
  it('identity(): the version resources name the identity URL, which answers for the session user', async () => {
    const resources = await conn.request<Record<string, string>>(`/services/data/v62.0`);
    expect(resources.identity).toMatch(new RegExp(`^${twin.url}/id/00D\\w{15}/005\\w{15}$`));
    const me = await conn.identity();
    expect(me).toMatchObject({ user_id: expect.stringMatching(/^005/), organization_id: expect.stringMatching(/^00D/), display_name: 'Seam Integration', active: true });
  });

  it('create, retrieve, update, describe, and a query with WHERE, ORDER BY and LIMIT', async () => {
    const created = await conn.sobject('Case').create({ Subject: 'jsforce session: VPN down', Priority: 'High', Origin: 'Web' });
    expect(created).toMatchObject({ success: true, id: expect.stringMatching(/^500/) });
    const id = (created as { id: string }).id;
    const back = await conn.sobject('Case').retrieve(id);
    expect(back).toMatchObject({ Id: id, Subject: 'jsforce session: VPN down', Priority: 'High', Seam_Local_Version__c: 1 });
    expect(await conn.sobject('Case').update({ Id: id, Priority: 'Low' })).toMatchObject({ success: true, id });
    expect((await conn.sobject('Case').retrieve(id)).Priority).toBe('Low');

    const describe = await conn.sobject('Case').describe();
    expect(describe.name).toBe('Case');
    expect(describe.fields.map((f) => f.name)).toEqual(expect.arrayContaining(['Subject', 'Seam_Incident_Sys_Id__c', 'Seam_Sync_Status__c']));

    await conn.sobject('Case').create({ Subject: 'jsforce session: printer', Priority: 'Medium' });
    const r = await conn.query<{ Id: string; Subject: string; Priority: string }>(
      "SELECT Id, Subject, Priority FROM Case WHERE Subject LIKE 'jsforce session:%' AND Priority != 'High' ORDER BY Subject DESC LIMIT 1",
    );
    expect(r.totalSize).toBe(1);
    expect(r.records[0]).toMatchObject({ Subject: 'jsforce session: VPN down', Priority: 'Low', attributes: { type: 'Case' } });
  });

  it('collections create with allOrNone: one bad record rolls the others back', async () => {
    const before = (await conn.query('SELECT COUNT() FROM Account')).totalSize;
    const results = await conn.sobject('Account').create([{ Name: 'Acme Corp' }, { Name: 'Globex', NoSuchField__c: 1 }], { allOrNone: true });
    expect(results.map((x) => x.success)).toEqual([false, false]);
    expect(JSON.stringify(results)).toMatch(/ALL_OR_NONE_OPERATION_ROLLED_BACK/);
    expect(JSON.stringify(results)).toMatch(/INVALID_FIELD/);
    expect((await conn.query('SELECT COUNT() FROM Account')).totalSize).toBe(before);
    const ok = await conn.sobject('Account').create([{ Name: 'Acme Corp' }, { Name: 'Globex' }], { allOrNone: true });
    expect(ok.every((x) => x.success)).toBe(true);
  });

  it('a bad SOQL fails as Salesforce fails: MALFORMED_QUERY, HTTP 400, an array of errors', async () => {
    const bad = 'SELECT Id FROM Case WHERE';
    await expect(conn.query(bad)).rejects.toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    const raw = await fetch(`${twin.url}${API}/query?q=${encodeURIComponent(bad)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(raw.status).toBe(400);
    const body = await raw.json();
    expect(Array.isArray(body)).toBe(true);
    expect(body[0]).toMatchObject({ errorCode: 'MALFORMED_QUERY', message: expect.any(String) });
  });
});
