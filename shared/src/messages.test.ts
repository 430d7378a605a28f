import { describe, expect, it } from 'vitest';
import { applyInbound, applyInboundJournal, decideOutbound, newLink } from './decision';
import { idempotencyKey, messageId } from './idempotency';
import { tagOrigin } from './journal';
import {
  caseMessageToInbound,
  commentMessageToEntry,
  incidentUpdateToInbound,
  linkFromJson,
  linkToJson,
  toCaseMessage,
  toIncidentUpdateEvent,
} from './messages';
import type { IncidentUpdateEvent } from './messages';
import { validateCaseMessageBatch } from './validate';

const CASE_ID = '500Aa00000AbCdEIAV';
const SYS_ID = '0123456789abcdef0123456789abcdef';
const ids = { caseId: CASE_ID, incidentSysId: SYS_ID };
const CORR = `SNOW-INC0012345|SFDC-${CASE_ID}`;

describe('CaseMessage', () => {
  it('a Salesforce decision becomes a valid CaseMessage that ServiceNow applies', () => {
    const d = decideOutbound({ from: 'salesforce', current: { Id: CASE_ID, Subject: 'VPN', Priority: 'Medium' }, link: newLink(ids), origin: 'local' });
    const cm = toCaseMessage(d, { messageId: messageId(d.idempotencyKey!), caseId: CASE_ID, caseNumber: '00001026', sentAt: '2026-01-10T12:00:00Z', contactName: 'Jane Doe' });
    expect(cm).not.toBeNull();
    expect(cm!.fields).toEqual({ Id: CASE_ID, Subject: 'VPN', Priority: 'Medium' });
    const batch = validateCaseMessageBatch({ messages: [cm] });
    expect(batch.ok).toBe(true);
    if (!batch.ok) return;
    const r = applyInbound({ to: 'servicenow', message: caseMessageToInbound(batch.value.messages[0]), link: newLink(ids) });
    expect(r.status).toBe('applied');
    expect(r.writes).toMatchObject({ urgency: 2, short_description: 'VPN', x_seam_bridge_sf_case_id: CASE_ID });
  });

  it('nothing to send, no message', () => {
    const d = decideOutbound({ from: 'salesforce', current: {}, link: newLink(ids), origin: 'local' });
    expect(toCaseMessage(d, { messageId: 'm', caseId: CASE_ID, caseNumber: '1', sentAt: '2026-01-10T12:00:00Z' })).toBeNull();
    expect(toIncidentUpdateEvent(d, { messageId: 'm', caseId: CASE_ID, incidentSysId: SYS_ID, correlationId: CORR, sentAt: '2026-01-10T12:00:00Z' })).toBeNull();
  });
});

describe('CommentMessage', () => {
  it('applies each comment once, tagged, without touching field versions', () => {
    const entry = commentMessageToEntry({
      messageId: 'm1', idempotencyKey: idempotencyKey('salesforce', '00aAa00000AbCdEIAV', 1, 'comment'), caseId: CASE_ID,
      commentId: '00aAa00000AbCdEIAV', body: 'Any news?', author: 'Jane Doe', createdAt: '2026-01-10T12:00:00Z', origin: 'salesforce',
    });
    const link = { ...newLink(ids), versions: { salesforce: 9, servicenow: 4 } };
    const once = applyInboundJournal({ to: 'servicenow', from: 'salesforce', entries: [entry], link });
    expect(once.journal).toHaveLength(1);
    expect(once.journal[0].body).toBe(tagOrigin('Any news?', 'salesforce', 'Jane Doe'));
    expect(once.link.versions).toEqual(link.versions);
    const twice = applyInboundJournal({ to: 'servicenow', from: 'salesforce', entries: [entry], link: once.link });
    expect(twice.journal).toEqual([]);
    expect(twice.skipped).toBe(1);
    expect(twice.link).toBe(once.link);
  });
});

describe('Incident_Update__e', () => {
  it('a ServiceNow decision becomes an event that reads back into the same inbound message', () => {
    const d = decideOutbound({
      from: 'servicenow',
      current: { sys_id: SYS_ID, state: '6', hold_reason: '', close_code: 'Solved' },
      link: newLink(ids),
      origin: 'local',
      recordVersion: 12,
      journal: [{ id: 'j1', body: 'Fixed', author: 'Beth', createdAt: '2026-01-10T12:00:00Z' }],
    });
    const ev = toIncidentUpdateEvent(d, { messageId: 'm-1', caseId: CASE_ID, incidentSysId: SYS_ID, correlationId: CORR, sentAt: '2026-01-10T12:00:00Z' })!;
    expect(ev.Link_Version__c).toBe(12);
    expect(JSON.parse(ev.Fields_Json__c)).toEqual({ Seam_Incident_Sys_Id__c: SYS_ID, Status: 'Resolved', Seam_Incident_State__c: 'Resolved', Seam_Resolution_Code__c: 'Solved' });
    const back = incidentUpdateToInbound(ev);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const r = applyInbound({ to: 'salesforce', message: back.value, link: newLink(ids) });
    expect(r.writes).toMatchObject({ Status: 'Resolved', Seam_Resolution_Code__c: 'Solved' });
    expect(r.journal[0].body).toBe(tagOrigin('Fixed', 'servicenow', 'Beth'));
    expect(r.link.snapshotHash).toBe(d.link.snapshotHash);
  });

  it('reports broken JSON payloads by field', () => {
    const base: IncidentUpdateEvent = {
      Message_Id__c: 'm', Idempotency_Key__c: 'k', Case_Id__c: CASE_ID, Incident_Sys_Id__c: SYS_ID, Correlation_Id__c: CORR,
      Link_Version__c: 1, Origin__c: 'servicenow', Fields_Json__c: '', Comments_Json__c: '', Sent_At__c: '2026-01-10T12:00:00Z',
    };
    expect(incidentUpdateToInbound(base).ok).toBe(true);
    const fieldsOf = (e: Partial<IncidentUpdateEvent>) => {
      const r = incidentUpdateToInbound({ ...base, ...e });
      return r.ok ? [] : r.error.map((p) => p.field);
    };
    expect(fieldsOf({ Fields_Json__c: '{' })).toEqual(['Fields_Json__c']);
    expect(fieldsOf({ Fields_Json__c: '[1]' })).toEqual(['Fields_Json__c']);
    expect(fieldsOf({ Fields_Json__c: '{"Status":{"x":1}}' })).toEqual(['Fields_Json__c.Status']);
    expect(fieldsOf({ Comments_Json__c: '{}' })).toEqual(['Comments_Json__c']);
    expect(fieldsOf({ Comments_Json__c: '[{"id":1}]' })).toEqual(['Comments_Json__c[0]']);
    expect(fieldsOf({ Comments_Json__c: 'nope' })).toEqual(['Comments_Json__c']);
  });
});

describe('link state storage', () => {
  it('round-trips and starts fresh from nothing', () => {
    const d = decideOutbound({ from: 'salesforce', current: { Id: CASE_ID, Priority: 'Low' }, link: newLink(ids), origin: 'local' });
    expect(linkFromJson(linkToJson(d.link))).toEqual({ ok: true, value: d.link });
    expect(linkFromJson('')).toEqual({ ok: true, value: newLink() });
    expect(linkFromJson(null).ok).toBe(true);
  });

  it('refuses a tampered or broken state instead of resetting it', () => {
    const d = decideOutbound({ from: 'salesforce', current: { Id: CASE_ID, Priority: 'Low' }, link: newLink(ids), origin: 'local' });
    const tampered = JSON.parse(linkToJson(d.link));
    tampered.snapshot.urgency = 1;
    expect(linkFromJson(JSON.stringify(tampered))).toMatchObject({ ok: false, error: { field: 'link.state.snapshotHash' } });
    expect(linkFromJson('{')).toMatchObject({ ok: false, error: { field: 'link.state' } });
    expect(linkFromJson('[]').ok).toBe(false);
    expect(linkFromJson(JSON.stringify({ ...d.link, versions: { salesforce: 1.5, servicenow: 0 } })).ok).toBe(false);
    expect(linkFromJson(JSON.stringify({ ...d.link, snapshot: { a: { b: 1 } } })).ok).toBe(false);
  });
});
