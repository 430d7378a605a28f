import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadSettings, type Settings } from '../src/server/config';
import { messageId, newLink, type LinkState } from '../src/server/generated/seam-core';
import { drainOutbox } from '../src/server/outbox/drain';
import { replay } from '../src/server/outbox/outbox';
import { checkReceipts } from '../src/server/outbox/receipts';
import { saveLink } from '../src/server/sync/link';
import { readState, writeState } from '../src/server/ops/state';
import type { HttpRequest } from '../src/server/ports';
import { fakePorts, json, type FakePorts } from './fakes';
import { CASE_A } from './helpers';

const INC = '0123456789abcdef0123456789abcdef';
const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com' };
const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);

/** The link after versions 5 (assignee Beth + a comment) and 6 (assignee Fred) were queued. */
function linkAt6(): LinkState {
    const base = newLink({ caseId: CASE_A, incidentSysId: INC, correlationId: 'SNOW-INC0001000|SFDC-500000000000001AAA' });
    return { ...base, versions: { salesforce: 1, servicenow: 6 }, snapshot: { assignedTo: 'Fred Luddy' }, journalIds: ['j1'] };
}

function sentRow(ports: FakePorts, version: number, sentSecondsAgo: number, extra: Record<string, string | number> = {}): { sysId: string; messageId: string } {
    const key = `servicenow:${INC}:${version}`;
    const id = messageId(key);
    const payload = {
        attributes: { type: 'Incident_Update__e' }, Message_Id__c: id, Idempotency_Key__c: key, Case_Id__c: CASE_A, Incident_Sys_Id__c: INC,
        Correlation_Id__c: 'SNOW-INC0001000|SFDC-500000000000001AAA', Link_Version__c: version, Origin__c: 'servicenow',
        Fields_Json__c: JSON.stringify({ Seam_Assignee__c: version === 5 ? 'Beth Anglin' : 'Fred Luddy' }),
        Comments_Json__c: JSON.stringify(version === 5 ? [{ id: 'j1', body: 'We are on it', author: 'beth', origin: 'servicenow' }] : []),
        Sent_At__c: '2026-11-23T11:48:00.000Z',
    };
    const sysId = ports.records.seed('x_seam_bridge_outbox', {
        message_id: id, idempotency_key: key, kind: 'incident_update', sobject_type: 'Incident_Update__e', payload: JSON.stringify(payload),
        incident: INC, sf_case_id: CASE_A, correlation_id: payload.Correlation_Id__c, status: 'sent', attempts: 1, next_attempt_at: '', last_error: '',
        sent_at: new Date(NOW - sentSecondsAgo * 1000).toISOString().replace('T', ' ').slice(0, 19), republishes: 0, ...extra,
    });
    return { sysId, messageId: id };
}

/** Salesforce answering the receipt query with these audits (and accepting every publish). */
function salesforce(audits: () => Array<{ Message_Id__c: string; Result__c: string }>) {
    return (req: HttpRequest) => {
        if (req.endpoint.includes('/query?q=')) return json(200, { totalSize: audits().length, done: true, records: audits().map((a) => ({ attributes: { type: 'Seam_Audit__c' }, ...a })) });
        const records = (JSON.parse(req.body ?? '{}') as { records: unknown[] }).records;
        return json(200, records.map((_, i) => ({ id: `e${i}`, success: true, errors: [] })));
    };
}

function setup(audits: Array<{ Message_Id__c: string; Result__c: string }> = []) {
    const ports = fakePorts({ now: NOW, route: salesforce(() => audits) });
    saveLink(ports, null, linkAt6(), { syncState: 'in_sync' });
    return { ports, audits };
}

const outbox = (ports: FakePorts, sysId: string) => ports.records.get('x_seam_bridge_outbox', sysId) as Record<string, string>;
const soqlOf = (req: HttpRequest) => decodeURIComponent(req.endpoint.split('/query?q=')[1]);

describe('checkReceipts', () => {
    it('reads the audits of every row sent longer ago than the window in ONE SOQL, confirms the audited and republishes the lost one', () => {
        const { ports } = setup();
        const lost = sentRow(ports, 5, 700);
        const landed = sentRow(ports, 6, 650);
        const young = sentRow(ports, 7, 100);
        ports.http.route = salesforce(() => [{ Message_Id__c: landed.messageId, Result__c: 'applied' }]);

        const summary = checkReceipts(ports, settings);

        expect(summary).toEqual({ checked: 2, calls: 1, confirmed: 1, republished: 1, deadLettered: 0 });
        expect(ports.http.requests).toHaveLength(1);
        const soql = soqlOf(ports.http.requests[0]);
        expect(soql).toContain('FROM Seam_Audit__c');
        expect(soql).toContain(lost.messageId);
        expect(soql).toContain(landed.messageId);
        expect(soql).not.toContain(young.messageId);
        expect(outbox(ports, landed.sysId)).toMatchObject({ status: 'sent', receipt: 'applied', confirmed_at: '2026-11-23 12:00:00' });
        expect(outbox(ports, young.sysId).status).toBe('sent');
        expect(outbox(ports, young.sysId).confirmed_at ?? '').toBe('');
    });

    it('republishes under the same message id with a new link version, the newest values and the original comments', () => {
        const { ports } = setup();
        const lost = sentRow(ports, 5, 700);
        checkReceipts(ports, settings);

        const row = outbox(ports, lost.sysId);
        expect(row).toMatchObject({ status: 'pending', attempts: '0', republishes: '1', sent_at: '', receipt: 'none' });
        expect(row.last_error).toContain('no audit');
        const payload = JSON.parse(row.payload);
        expect(payload.Message_Id__c).toBe(lost.messageId);
        // Newer than version 6, which Salesforce applied after the dropped delivery: not skipped as stale.
        expect(payload.Link_Version__c).toBe(7);
        // Not "Beth Anglin" (version 5's value): the newest value, so version 6 is not undone.
        expect(JSON.parse(payload.Fields_Json__c)).toEqual({ Seam_Assignee__c: 'Fred Luddy' });
        expect(JSON.parse(payload.Comments_Json__c)).toEqual([{ id: 'j1', body: 'We are on it', author: 'beth', origin: 'servicenow' }]);
        // The version is taken on the link, so the incident's next change is numbered after it.
        const link = ports.records.rows('x_seam_bridge_link')[0];
        expect(link).toMatchObject({ sn_version: '7', sync_state: 'pending' });
        const audit = ports.records.rows('x_seam_bridge_audit').find((a) => a.operation === 'incident_update:republish');
        expect(audit).toMatchObject({ result: 'success', sf_case_id: CASE_A, idempotency_key: `servicenow:${INC}:5` });
        expect(audit?.detail).toContain('version 5 → 7');

        // The drain sends it like any pending update.
        expect(drainOutbox(ports, settings)).toMatchObject({ sent: 1 });
        expect(outbox(ports, lost.sysId)).toMatchObject({ status: 'sent', sent_at: '2026-11-23 12:00:00' });
    });

    it('confirms a republished row whose original landed late (duplicate audit) or whose Case was newer (stale)', () => {
        const { ports } = setup();
        const a = sentRow(ports, 5, 700, { republishes: 1 });
        const b = sentRow(ports, 6, 700);
        ports.http.route = salesforce(() => [{ Message_Id__c: a.messageId, Result__c: 'duplicate' }, { Message_Id__c: a.messageId, Result__c: 'applied' }, { Message_Id__c: b.messageId, Result__c: 'stale' }]);
        expect(checkReceipts(ports, settings)).toMatchObject({ confirmed: 2, republished: 0 });
        expect(outbox(ports, a.sysId).receipt).toBe('applied');
        expect(outbox(ports, b.sysId).receipt).toBe('stale');
    });

    it('dead-letters after 3 unanswered republishes, audited, and a replay gives the row its republishes back', () => {
        const { ports } = setup();
        const lost = sentRow(ports, 5, 700, { republishes: 3 });
        expect(checkReceipts(ports, settings)).toMatchObject({ deadLettered: 1 });
        const row = outbox(ports, lost.sysId);
        expect(row.status).toBe('dead_letter');
        expect(row.last_error).toContain('no receipt after 3 republish(es)');
        expect(ports.records.rows('x_seam_bridge_audit').find((a) => a.operation === 'incident_update:no_receipt')).toMatchObject({ result: 'failed' });
        expect(replay(ports, [lost.sysId])).toEqual({ replayed: 1, skipped: [] });
        expect(outbox(ports, lost.sysId)).toMatchObject({ status: 'pending', republishes: '0' });
    });

    it('leaves every row as it is when Salesforce refuses the query, and says what to fix', () => {
        const { ports } = setup();
        const lost = sentRow(ports, 5, 700);
        ports.http.route = () => json(400, [{ errorCode: 'INVALID_TYPE', message: "sObject type 'Seam_Audit__c' is not supported" }]);
        expect(checkReceipts(ports, settings).stopped).toContain('INVALID_TYPE');
        expect(outbox(ports, lost.sysId)).toMatchObject({ status: 'sent', republishes: '0' });
        expect(ports.logs.join('\n')).toContain('Read on Seam_Audit__c');
    });

    it('does nothing with the window at 0, sync off, delivery poll, or the credential paused; batches 200 ids per query', () => {
        const { ports } = setup();
        for (let v = 10; v < 260; v += 1) sentRow(ports, v, 700);
        expect(checkReceipts(ports, { ...settings, receiptWindowSeconds: 0 }).stopped).toContain('receipts are off');
        expect(checkReceipts(ports, { ...settings, syncEnabled: false }).stopped).toContain('switched off');
        // Delivery poll: the instance may not call out, so it does not ask (rows wait for push).
        expect(checkReceipts(ports, { ...settings, salesforceDelivery: 'poll' }).stopped).toContain('delivery is poll');
        writeState(ports, 'credential', { status: 'paused', value: '', detail: 'invalid_grant' });
        expect(checkReceipts(ports, settings).stopped).toBe('credential refused');
        expect(ports.http.requests).toHaveLength(0);
        writeState(ports, 'credential', { status: 'ok', value: '', detail: '' }, readState(ports, 'credential'));
        ports.http.route = salesforce(() => []);
        const summary = checkReceipts(ports, settings);
        expect(summary).toMatchObject({ calls: 2, checked: 250, republished: 250 });
        expect(soqlOf(ports.http.requests[0]).match(/'m-/g)).toHaveLength(200);
    });

    it('is a property: x_seam_bridge.outbox.receipt_window_seconds, default 600, 0..86400', () => {
        expect(DEFAULTS.receiptWindowSeconds).toBe(600);
        expect(loadSettings({ get: (n) => (n === 'x_seam_bridge.outbox.receipt_window_seconds' ? '0' : undefined) }).settings.receiptWindowSeconds).toBe(0);
        const bad = loadSettings({ get: (n) => (n === 'x_seam_bridge.outbox.receipt_window_seconds' ? '-5' : undefined) });
        expect(bad.settings.receiptWindowSeconds).toBe(600);
        expect(bad.problems[0].field).toBe('x_seam_bridge.outbox.receipt_window_seconds');
    });
});
