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
