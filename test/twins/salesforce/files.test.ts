// Files on the Salesforce twin: ContentVersion with base64 VersionData creates its ContentDocument
// and the ContentDocumentLink to FirstPublishLocationId; …/VersionData returns the bytes; the
// package's trigger queues files shared with linked Cases, never ServiceNow's own tagged files.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceTwin } from './index.js';
import { API, client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
let linkedCase: string;
let plainCase: string;
beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
  linkedCase = (await c.call('POST', '/sobjects/Case', { Subject: 'Linked' })).body.id;
  await c.call('PATCH', `/sobjects/Case/${linkedCase}`, { Seam_Incident_Sys_Id__c: 'a'.repeat(32) });
  plainCase = (await c.call('POST', '/sobjects/Case', { Subject: 'Not linked' })).body.id;
  twin.drainOutbound();
});
afterAll(() => twin.close());

const bytes = Buffer.from('line 1\nline 2 \u00e9\n');
const version = (over: Record<string, unknown> = {}) => ({ Title: 'trace', PathOnClient: 'trace.LOG', VersionData: bytes.toString('base64'), ...over });

describe('ContentVersion / ContentDocument / ContentDocumentLink', () => {
  it('creates the document and the link, answers the bytes at …/VersionData, and queues the file of a linked Case', async () => {
    const created = await c.call('POST', '/sobjects/ContentVersion', version({ FirstPublishLocationId: linkedCase }));
    expect(created.status).toBe(201);
    const v = (await c.call('GET', `/sobjects/ContentVersion/${created.body.id}`)).body;
    expect(v).toMatchObject({ ContentSize: bytes.length, FileExtension: 'log', IsLatest: true, VersionData: `${API}/sobjects/ContentVersion/${created.body.id}/VersionData` });
    const links = (await c.call('GET', q(`SELECT Id, LinkedEntityId FROM ContentDocumentLink WHERE ContentDocumentId = '${v.ContentDocumentId}'`))).body.records;
    expect(links.map((l: any) => l.LinkedEntityId)).toEqual([linkedCase]);
    const res = await fetch(`${twin.url}${API}/sobjects/ContentVersion/${created.body.id}/VersionData`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
    const out = twin.drainOutbound().filter((o) => o.kind === 'attachment');
    expect(out).toHaveLength(1);
    expect(out[0].message).toMatchObject({ caseId: linkedCase, contentVersionId: created.body.id, fileName: 'trace.LOG', sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'), versionData: bytes.toString('base64'), origin: 'salesforce' });
  });

  it('does not queue ServiceNow\'s own tagged file, nor files of unlinked Cases', async () => {
    await c.call('POST', '/sobjects/ContentVersion', version({ FirstPublishLocationId: linkedCase, Description: '[Seam: from ServiceNow · sha256:' + 'b'.repeat(64) + ']' }));
    await c.call('POST', '/sobjects/ContentVersion', version({ FirstPublishLocationId: plainCase }));
    expect(twin.drainOutbound().filter((o) => o.kind === 'attachment')).toEqual([]);
  });

  it('a file shared later with a linked Case (ContentDocumentLink insert) is queued', async () => {
    const created = await c.call('POST', '/sobjects/ContentVersion', version({ PathOnClient: 'later.txt' }));
    const docId = (await c.call('GET', `/sobjects/ContentVersion/${created.body.id}?fields=ContentDocumentId`)).body.ContentDocumentId;
    expect(twin.drainOutbound().filter((o) => o.kind === 'attachment')).toEqual([]);
    expect((await c.call('POST', '/sobjects/ContentDocumentLink', { ContentDocumentId: docId, LinkedEntityId: linkedCase })).status).toBe(201);
    expect(twin.drainOutbound().filter((o) => o.kind === 'attachment').map((o) => o.message.fileName)).toEqual(['later.txt']);
  });

  it('refuses VersionData that is not base64, naming the field', async () => {
    const bad = await c.call('POST', '/sobjects/ContentVersion', version({ VersionData: 'not base64!' }));
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ errorCode: 'INVALID_TYPE_ON_FIELD_IN_RECORD', fields: ['VersionData'] });
  });
});
