// SeamChangesPoller on the twin: pages from the caller's GET /v1/changes go through the trigger's
// handler, the cursor moves with each saved page, a non-200 keeps it, an unreadable record is
// named, and nothing is asked while Seam_Polling__c is off.
import { afterEach, describe, expect, it } from 'vitest';
import type { SalesforceTwin } from './index.js';
import { client, startTwin } from './helpers';

let twin: SalesforceTwin;
afterEach(() => twin?.close());
const SYS_ID = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';

const change = (caseId: string, v: number, extra: Record<string, unknown> = {}) => ({
  attributes: { type: 'Incident_Update__e' }, Message_Id__c: `m-${caseId}-${v}`, Idempotency_Key__c: `servicenow:${SYS_ID}:${v}`, Case_Id__c: caseId,
  Incident_Sys_Id__c: SYS_ID, Origin__c: 'servicenow', Link_Version__c: v, Fields_Json__c: JSON.stringify({ Seam_Assignee__c: `agent ${v}` }), Comments_Json__c: '[]', ...extra,
});

async function oneCase(): Promise<string> {
  const c = await client(twin);
  return (await c.call('POST', '/sobjects/Case', { Subject: 'Printer offline' })).body.id;
}

describe('SeamChangesPoller (twin)', () => {
  it('applies each page through the handler and follows hasMore with the cursor', async () => {
    twin = await startTwin();
    const id = await oneCase();
    twin.polling.configure({ enabled: true });
    const asked: string[] = [];
    const pages = [
      { changes: [change(id, 1)], nextCursor: 'c1', hasMore: true },
      { changes: [change(id, 2), change(id, 2)], nextCursor: 'c2', hasMore: false },
    ];
    const r = await twin.pollChanges(async ({ cursor, limit }) => { asked.push(`${cursor}|${limit}`); return { status: 200, body: pages[asked.length - 1] }; });
    expect(asked).toEqual(['|200', 'c1|200']);
    expect(r).toMatchObject({ pages: 2, applied: 2, duplicate: 1, cursor: 'c2' });
    const c = twin.store.state.records.Case[id];
    expect(c).toMatchObject({ Seam_Assignee__c: 'agent 2', Seam_Link_Version__c: 2 });
  });

  it('keeps the cursor on a refusal and names an unreadable record instead of dropping it silently', async () => {
    twin = await startTwin();
    const id = await oneCase();
    twin.polling.configure({ enabled: true, cursor: 'c0' });
    const refused = await twin.pollChanges(async () => ({ status: 400, body: { error: { message: 'cursor is not valid', detail: 'fix: pass the nextCursor' } } }));
    expect(refused).toMatchObject({ pages: 0, cursor: 'c0', lastResult: 'HTTP 400: cursor is not valid: fix: pass the nextCursor' });
    const partly = await twin.pollChanges(async () => ({ status: 200, body: { changes: [change(id, 'two' as unknown as number), change(id, 3)], nextCursor: 'c3', hasMore: false } }));
    expect(partly).toMatchObject({ applied: 1, unreadable: [`servicenow:${SYS_ID}:two`], cursor: 'c3' });
    expect(partly.lastResult).toContain('unreadable');
  });

  it('asks nothing while polling is off (the default)', async () => {
    twin = await startTwin();
    let calls = 0;
    const r = await twin.pollChanges(async () => { calls += 1; return { status: 200, body: { changes: [], nextCursor: '', hasMore: false } }; });
    expect(calls).toBe(0);
    expect(r.calls).toBe(0);
    expect(twin.polling.setting.enabled).toBe(false);
  });
});

// Issue 14 remainder: the feed's other Salesforce-bound records, a page that fails mid-apply, and
// two runs that overlap.
const record = (type: string, messageId: string, fields: Record<string, unknown>) => ({ attributes: { type, messageId, idempotencyKey: `k-${messageId}`, kind: 'x' }, ...fields });
const servePages = (pages: Array<Record<string, unknown>>) => {
  const asked: string[] = [];
  const fetchPage = async ({ cursor }: { cursor: string }) => { asked.push(cursor); const i = Math.min(asked.length - 1, pages.length - 1); return { status: 200, body: pages[i] }; };
  return { asked, fetchPage };
};

describe('SeamChangesPoller (twin): every Salesforce-bound record, once', () => {
  it('creates a resolution CaseComment and a Task once per message id; a replayed page applies nothing new', async () => {
    twin = await startTwin();
    const id = await oneCase();
    twin.polling.configure({ enabled: true });
    const page = { changes: [
      record('CaseComment', 'msg-c1', { ParentId: id, CommentBody: '[Seam: from ServiceNow · Seam resolution summary]\nFixed.', IsPublished: true }),
      record('CaseComment', 'msg-c2', { ParentId: id, CommentBody: 'Untagged note', IsPublished: true }),
      record('Task', 'msg-t1', { WhatId: id, Subject: '[INC1] VPN outage', Priority: 'High', Status: 'Not Started', Bogus__c: 'never written' }),
    ], nextCursor: 'c1', hasMore: false };
    const first = await twin.pollChanges(servePages([page]).fetchPage);
    expect(first).toMatchObject({ pages: 1, applied: 3, duplicate: 0, rejected: 0, cursor: 'c1' });
    twin.polling.configure({ cursor: '' });
    const replay = await twin.pollChanges(servePages([page]).fetchPage);
    expect(replay).toMatchObject({ pages: 1, applied: 0, duplicate: 3 });
    expect(twin.store.all('CaseComment').filter((c) => c.ParentId === id)).toHaveLength(2);
    expect(twin.store.all('Task').map((t) => t.Subject)).toEqual(['[INC1] VPN outage']);
    const audits = twin.store.all('Seam_Audit__c').filter((a) => a.Message_Id__c === 'msg-c1');
    expect(audits.map((a) => a.Result__c)).toEqual(['applied', 'duplicate']);
  });

  it("expands a major-incident notice into one Task per account with open cases on its services, owned by the account's owner", async () => {
    twin = await startTwin();
    const c = await client(twin);
    const acct = async (Name: string) => (await c.call('POST', '/sobjects/Account', { Name })).body.id as string;
    const [a1, a2, a3] = [await acct('Acme'), await acct('Globex'), await acct('Initech')];
    for (const [AccountId, Seam_CI__c, Status] of [[a1, 'ci-vpn', 'New'], [a1, 'ci-vpn', 'New'], [a2, 'VPN concentrator', 'New'], [a3, 'ci-vpn', 'Closed'], [a3, 'ci-mail', 'New']]) {
      await c.call('POST', '/sobjects/Case', { Subject: 'VPN down', AccountId, Seam_CI__c, Status });
    }
    twin.polling.configure({ enabled: true });
    const notice = record('Seam_Impact_Notice', 'msg-n1', { Services: ['ci-vpn', 'VPN concentrator'], Max_Accounts: 200, Task: { Subject: '[INC9] VPN outage', Description: 'AI draft', Priority: 'High', Status: 'Not Started' } });
    const page = { changes: [notice], nextCursor: 'c1', hasMore: false };
    expect(await twin.pollChanges(servePages([page]).fetchPage)).toMatchObject({ applied: 1 });
    twin.polling.configure({ cursor: '' });
    expect(await twin.pollChanges(servePages([page]).fetchPage)).toMatchObject({ applied: 0, duplicate: 1 });
    const tasks = twin.store.all('Task');
    expect(tasks.map((t) => t.WhatId).sort()).toEqual([a1, a2].sort());
    expect(tasks.every((t) => t.Subject === '[INC9] VPN outage' && t.Priority === 'High')).toBe(true);
  });

  it('a page that throws mid-apply rolls back entirely (cursor included); the next run re-reads it and applies it once', async () => {
    twin = await startTwin();
    const id = await oneCase();
    twin.polling.configure({ enabled: true, cursor: 'c0' });
    const page = { changes: [change(id, 1), record('CaseComment', 'msg-c1', { ParentId: id, CommentBody: 'Resolved.', IsPublished: true }), change(id, 2)], nextCursor: 'c1', hasMore: false };
    twin.polling.failNextPageAfter(2);
    const failed = await twin.pollChanges(servePages([page]).fetchPage);
    expect(failed.failed).toMatch(/LimitException/);
    expect(failed).toMatchObject({ pages: 0, applied: 0, cursor: 'c0' });
    expect(twin.store.state.records.Case[id].Seam_Link_Version__c ?? null).toBeNull();
    expect(twin.store.all('CaseComment').filter((c) => c.ParentId === id)).toHaveLength(0);
    expect(twin.store.all('Seam_Audit__c').filter((a) => a.Direction__c === 'sn_to_sf')).toHaveLength(0);
    const { asked, fetchPage } = servePages([page]);
    const again = await twin.pollChanges(fetchPage);
    expect(asked).toEqual(['c0']);
    expect(again).toMatchObject({ pages: 1, applied: 3, duplicate: 0, cursor: 'c1', failed: null });
    expect(twin.store.state.records.Case[id]).toMatchObject({ Seam_Link_Version__c: 2 });
    expect(twin.store.all('CaseComment').filter((c) => c.ParentId === id)).toHaveLength(1);
  });

  it('two overlapping runs (the schedule fires while the chain runs) apply a page once: the second sees the cursor moved after its callout', async () => {
    twin = await startTwin();
    const id = await oneCase();
    twin.polling.configure({ enabled: true });
    const page = { changes: [change(id, 1), record('CaseComment', 'msg-c1', { ParentId: id, CommentBody: 'Resolved.', IsPublished: true })], nextCursor: 'c1', hasMore: false };
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => { release = r; });
    // Both runs call out with the empty cursor; both answers arrive after both asked.
    const slow = async ({ cursor }: { cursor: string }) => { await gate; return { status: 200, body: cursor === '' ? page : { changes: [], nextCursor: 'c1', hasMore: false } }; };
    const runs = Promise.all([twin.pollChanges(slow), twin.pollChanges(slow)]);
    release();
    const [a, b] = await runs;
    expect(a.applied + b.applied).toBe(2);
    expect(a.overlapped + b.overlapped).toBe(1);
    expect(twin.store.all('CaseComment').filter((c) => c.ParentId === id)).toHaveLength(1);
    expect(twin.store.all('Seam_Audit__c').filter((a) => a.Direction__c === 'sn_to_sf').map((a) => a.Result__c)).toEqual(['applied', 'applied']);
  });
});
