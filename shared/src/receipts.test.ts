import { describe, expect, it } from 'vitest';
import { decideOutbound, newLink } from './decision';
import { messageId } from './idempotency';
import { MAX_REPUBLISHES, RECEIPT_CHUNK, decideReceipts, receiptQuery, republishEvent } from './receipts';

const M1 = messageId('servicenow:inc1:5');
const M2 = messageId('servicenow:inc1:6');
const M3 = messageId('servicenow:inc2:3');

describe('decideReceipts', () => {
  it('confirms an event whose audit is final, whatever the final result', () => {
    const rows = ['applied', 'duplicate', 'stale', 'rejected'].map((r, i) => ({ id: `row${i}`, messageId: `m-${i}`, republishes: 0, r }));
    const verdicts = decideReceipts(rows, rows.map((r) => ({ messageId: r.messageId, result: r.r })));
    expect(verdicts.map((v) => [v.action, v.action === 'confirm' ? v.result : ''])).toEqual([
      ['confirm', 'applied'], ['confirm', 'duplicate'], ['confirm', 'stale'], ['confirm', 'rejected'],
    ]);
  });

  it('republishes an event Salesforce has no audit of, counting the republishes', () => {
    const [v] = decideReceipts([{ id: 'a', messageId: M1, republishes: 0 }], [{ messageId: M2, result: 'applied' }]);
    expect(v).toMatchObject({ action: 'republish', id: 'a', messageId: M1, republish: 1 });
    if (v.action === 'republish') expect(v.reason).toContain('no audit');
    const [w] = decideReceipts([{ id: 'a', messageId: M1, republishes: 2 }], []);
    expect(w).toMatchObject({ action: 'republish', republish: 3 });
  });

  it('republishes an event audited only as error (its Case save failed), and names it', () => {
    const [v] = decideReceipts([{ id: 'a', messageId: M1, republishes: 0 }], [{ messageId: M1, result: 'error' }, { messageId: M1, result: 'error' }]);
    expect(v.action).toBe('republish');
    if (v.action === 'republish') expect(v.reason).toContain('only as error (not saved)');
  });

  it('prefers applied when an original and its republish were both audited', () => {
    const [v] = decideReceipts([{ id: 'a', messageId: M1, republishes: 1 }], [{ messageId: M1, result: 'duplicate' }, { messageId: M1, result: 'applied' }, { messageId: M1, result: 'error' }]);
    expect(v).toEqual({ action: 'confirm', id: 'a', messageId: M1, result: 'applied' });
  });

  it(`dead-letters after ${MAX_REPUBLISHES} unanswered republishes, with what to check`, () => {
    const [v] = decideReceipts([{ id: 'a', messageId: M1, republishes: MAX_REPUBLISHES }], []);
    expect(v.action).toBe('dead_letter');
    if (v.action === 'dead_letter') {
      expect(v.reason).toContain(`no receipt after ${MAX_REPUBLISHES} republish(es)`);
      expect(v.reason).toContain('View All on Seam_Audit__c');
      expect(v.reason).toContain('Replay');
    }
    // A final audit still confirms it, however often it was republished.
    expect(decideReceipts([{ id: 'a', messageId: M1, republishes: 9 }], [{ messageId: M1, result: 'stale' }])[0].action).toBe('confirm');
  });

  it('honours a smaller budget', () => {
    expect(decideReceipts([{ id: 'a', messageId: M1, republishes: 1 }], [], 1)[0].action).toBe('dead_letter');
  });
});

describe('receiptQuery', () => {
  it('is one SOQL over the inbound audits of the given message ids, each once', () => {
    expect(receiptQuery([M1, M3, M1])).toBe(`SELECT Message_Id__c, Result__c FROM Seam_Audit__c WHERE Direction__c = 'sn_to_sf' AND Message_Id__c IN ('${M1}', '${M3}') LIMIT 2000`);
  });

  it(`takes 1 to ${RECEIPT_CHUNK} ids and refuses anything that is not a message id`, () => {
    expect(() => receiptQuery([])).toThrow(RangeError);
    expect(() => receiptQuery(Array.from({ length: RECEIPT_CHUNK + 1 }, (_, i) => `m-${i}`))).toThrow(/1 to 200/);
    expect(() => receiptQuery([`m-1' OR Id != '`])).toThrow(/is not a message id/);
    expect(receiptQuery(Array.from({ length: RECEIPT_CHUNK }, (_, i) => messageId(`servicenow:x:${i}`))).length).toBeLessThan(10000);
  });
});

describe('republishEvent', () => {
  const INC = '0123456789abcdef0123456789abcdef';
  const CASE = '500000000000001AAA';
  const incident = (state: string, closeNotes: string, mod: number) => ({ sys_id: INC, sys_mod_count: String(mod), state, hold_reason: '', close_notes: closeNotes, priority: '3' });
  const event = (d: ReturnType<typeof decideOutbound>) => ({
    attributes: { type: 'Incident_Update__e' },
    Message_Id__c: messageId(d.idempotencyKey as string),
    Idempotency_Key__c: d.idempotencyKey,
    Case_Id__c: CASE,
    Incident_Sys_Id__c: INC,
    Link_Version__c: d.version,
    Origin__c: 'servicenow',
    Fields_Json__c: JSON.stringify(d.peerValues),
    Comments_Json__c: JSON.stringify(d.journal),
    Sent_At__c: '2026-11-23T12:00:00.000Z',
    Alert_Key__c: 'servicenow:x:5:critical-alert',
  });
  const base = newLink({ caseId: CASE, incidentSysId: INC });
  // v5: state In Progress + a comment (this is the event that is lost); v6: On Hold (landed).
  const v5 = decideOutbound({ from: 'servicenow', current: incident('2', '', 5), link: base, origin: 'local', recordVersion: 5, journal: [{ id: 'j1', body: 'We are on it', author: 'beth', createdAt: '2026-11-23T11:59:00Z' }] });
  const v6 = decideOutbound({ from: 'servicenow', current: { ...incident('3', '', 6), hold_reason: '4' }, link: v5.link, origin: 'local', recordVersion: 6 });

  it('takes a version above every one the link sent, so the Case cannot skip it as stale', () => {
    const r = republishEvent(event(v5), v6.link, '2026-11-23T12:10:00.000Z');
    expect(v5.version).toBe(5);
    expect(r.version).toBe(7);
    expect(r.event.Link_Version__c).toBe(7);
    expect(r.link.versions).toEqual({ salesforce: 0, servicenow: 7 });
    // Nothing else of the link moves: the snapshot already holds what the republish carries.
    expect({ ...r.link, versions: v6.link.versions }).toEqual(v6.link);
  });

  it('carries the original fields at their newest values, never the lost event\'s older ones', () => {
    const r = republishEvent(event(v5), v6.link, '2026-11-23T12:10:00.000Z');
    const original = JSON.parse(event(v5).Fields_Json__c);
    const now = JSON.parse(String(r.event.Fields_Json__c));
    expect(Object.keys(now).sort()).toEqual(Object.keys(original).sort());
    expect(original.Status).toBe('Working');
    expect(now.Status).toBe('On Hold');
    expect(now.Seam_Incident_State__c).toBe(v6.peerValues.Seam_Incident_State__c);
    expect(r.keptAsSent).toEqual([]);
  });

  it('keeps the message id, the comments, the alert key and the ids; only the send time is new', () => {
    const e = event(v5);
    const r = republishEvent(e, v6.link, '2026-11-23T12:10:00.000Z');
    for (const k of ['attributes', 'Message_Id__c', 'Idempotency_Key__c', 'Case_Id__c', 'Incident_Sys_Id__c', 'Origin__c', 'Comments_Json__c', 'Alert_Key__c'] as const) expect(r.event[k]).toEqual(e[k]);
    expect(JSON.parse(String(r.event.Comments_Json__c))).toHaveLength(1);
    expect(r.event.Sent_At__c).toBe('2026-11-23T12:10:00.000Z');
  });

  it('keeps a value the link no longer knows (a rebuilt link) and says so; a comment-only event stays comment-only', () => {
    const rebuilt = newLink({ caseId: CASE, incidentSysId: INC });
    const r = republishEvent(event(v5), { ...rebuilt, versions: { salesforce: 0, servicenow: 6 } }, 't');
    expect([...r.keptAsSent].sort()).toEqual(Object.keys(v5.peerValues).sort());
    expect(JSON.parse(String(r.event.Fields_Json__c))).toEqual(v5.peerValues);
    const commentOnly = republishEvent({ ...event(v5), Fields_Json__c: '{}' }, v6.link, 't');
    expect(commentOnly.event.Fields_Json__c).toBe('{}');
    expect(republishEvent({ ...event(v5), Fields_Json__c: 'not json' }, v6.link, 't').event.Fields_Json__c).toBe('{}');
  });
});
