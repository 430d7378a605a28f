// Field-level security of the integration user, read from the package's Seam_Integration permission
// set: a field the set does not grant is unreadable and unwritable through the API, a read-only one
// is unwritable, while the package's own Apex (system mode) still writes it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_DIR, type SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
afterEach(() => twin?.close());

/** A copy of the package's metadata whose Seam_Integration no longer grants Case.Seam_CI__c. */
function packageWithoutCiPermission(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sf-fls-'));
  fs.cpSync(DEFAULT_PACKAGE_DIR, dir, { recursive: true });
  const file = path.join(dir, 'permissionsets', 'Seam_Integration.permissionset-meta.xml');
  const xml = fs.readFileSync(file, 'utf8');
  const without = xml.replace(/\s*<fieldPermissions>\s*<editable>\w+<\/editable>\s*<field>Case\.Seam_CI__c<\/field>\s*<readable>\w+<\/readable>\s*<\/fieldPermissions>/, '');
  expect(without).not.toBe(xml);
  fs.writeFileSync(file, without);
  return dir;
}

describe('field-level security from the Seam_Integration permission set', () => {
  it('a read-only field cannot be written; a granted one can', async () => {
    twin = await startTwin({ fieldSecurity: 'Seam_Integration' });
    c = await client(twin);
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'FLS' })).body.id;
    expect((await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Incident_State__c: 'In Progress' })).status).toBe(204);
    const denied = await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Local_Version__c: 99 });
    expect(denied.status).toBe(400);
    expect(denied.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD_FOR_INSERT_UPDATE', fields: ['Seam_Local_Version__c'] });
    // Readable all the same.
    expect((await c.call('GET', q(`SELECT Seam_Local_Version__c FROM Case WHERE Id = '${id}'`))).body.records[0].Seam_Local_Version__c).toBe(1);
  });

  it('a field the set does not grant does not exist for the integration user, but the package still writes it', async () => {
    twin = await startTwin({ fieldSecurity: 'Seam_Integration', packageDir: packageWithoutCiPermission() });
    c = await client(twin);
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'FLS hidden' })).body.id;
    const query = await c.call('GET', q(`SELECT Id, Seam_CI__c FROM Case WHERE Id = '${id}'`));
    expect(query.status).toBe(400);
    expect(query.body[0].errorCode).toBe('INVALID_FIELD');
    expect(query.body[0].message).toContain('Seam_CI__c');
    const write = await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_CI__c: 'vpn-concentrator-01' });
    expect(write.status).toBe(400);
    expect(write.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD', fields: ['Seam_CI__c'] });
    const described = (await c.call('GET', '/sobjects/Case/describe')).body.fields.map((f: any) => f.name);
    expect(described).not.toContain('Seam_CI__c');
    expect(described).toContain('Seam_Incident_State__c');
    expect(Object.keys((await c.call('GET', `/sobjects/Case/${id}`)).body)).not.toContain('Seam_CI__c');

    // The Incident_Update__e subscriber runs in system mode: it applies the ServiceNow-owned field.
    await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Incident_Sys_Id__c: 'a'.repeat(32) });
    await c.call('POST', '/sobjects/Incident_Update__e', { Message_Id__c: 'fls-1', Case_Id__c: id, Incident_Sys_Id__c: 'a'.repeat(32), Origin__c: 'servicenow',
      Link_Version__c: 1, Fields_Json__c: JSON.stringify({ Seam_CI__c: 'vpn-concentrator-01' }), Comments_Json__c: '[]' });
    expect(twin.store.byId(id)?.record.Seam_CI__c).toBe('vpn-concentrator-01');
  });

  it('without fieldSecurity the twin grants every field (its other tests use that)', async () => {
    twin = await startTwin();
    c = await client(twin);
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'no FLS' })).body.id;
    expect((await c.call('PATCH', `/sobjects/Case/${id}`, { Seam_Local_Version__c: 99 })).status).toBe(204);
  });
});

describe('several permission sets add up', () => {
  it("the article body is unreadable with the package's set alone and readable with the org's knowledge set beside it", async () => {
    twin = await startTwin({ fieldSecurity: 'Seam_Integration' });
    c = await client(twin);
    const alone = await c.call('GET', q('SELECT Id, Answer__c FROM Knowledge__kav'));
    expect(alone.status).toBe(400);
    expect(alone.body[0].errorCode).toBe('INVALID_FIELD');
    await twin.close();
    twin = await startTwin({ fieldSecurity: ['Seam_Integration', 'Seam_Knowledge_Ingestion'] });
    c = await client(twin);
    const both = await c.call('GET', q('SELECT Id, Answer__c FROM Knowledge__kav'));
    expect(both.status).toBe(200);
  });
});
