// Knowledge__kav through SOQL: what ingestion reads (Online, latest version, by LastModifiedDate).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from './store.js';
import { client, q, startTwin, type Client } from './helpers';
import type { SalesforceTwin } from './index.js';

let twin: SalesforceTwin;
let c: Client;
const seed = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] as Array<() => void> };

beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
  const store = twin.store as any;
  store.create('Knowledge__kav', { Title: 'Card declined at checkout', UrlName: 'card-declined', Answer__c: '<p>Update the billing address.</p>', PublishStatus: 'Online' }, seed);
  store.create('Knowledge__kav', { Title: 'Old fees', UrlName: 'old-fees', Answer__c: '<p>Archived.</p>', PublishStatus: 'Archived', IsLatestVersion: true }, seed);
  store.create('Knowledge__kav', { Title: 'Draft about refunds', UrlName: 'refunds', Answer__c: '<p>…</p>' }, seed);
});
afterAll(async () => { await twin.close(); });

describe('Knowledge__kav', () => {
  it('serves published latest versions by SOQL with the fields ingestion reads', async () => {
    const r = await c.call('GET', q("SELECT Id, KnowledgeArticleId, ArticleNumber, Title, UrlName, Answer__c, LastModifiedDate, PublishStatus FROM Knowledge__kav WHERE PublishStatus = 'Online' AND IsLatestVersion = true AND LastModifiedDate > 2000-01-01T00:00:00Z ORDER BY LastModifiedDate"));
    expect(r.status).toBe(200);
    expect(r.body.records).toHaveLength(1);
    expect(r.body.records[0]).toMatchObject({ Title: 'Card declined at checkout', UrlName: 'card-declined', PublishStatus: 'Online' });
    expect(r.body.records[0].Id).toMatch(/^ka0/);
    expect(r.body.records[0].KnowledgeArticleId).toMatch(/^kA0/);
    expect(r.body.records[0].ArticleNumber).toMatch(/^\d{9}$/);
  });

  it('a new article is a draft, and the API cannot publish it by setting PublishStatus', async () => {
    const drafts = await c.call('GET', q("SELECT Title FROM Knowledge__kav WHERE PublishStatus = 'Draft'"));
    expect(drafts.body.records.map((x: any) => x.Title)).toEqual(['Draft about refunds']);
    const created = await c.call('POST', '/sobjects/Knowledge__kav', { Title: 'Try', UrlName: 'try', PublishStatus: 'Online' });
    expect(created.status).toBe(400);
    expect(JSON.stringify(created.body)).toContain('PublishStatus');
  });
});
