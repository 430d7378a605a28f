// Delivery poll carries every Salesforce-bound write (issue 14, egress-blocked path): the resolution
// summary and the major-incident notice wait for the poller, the feed serves them with their message
// id, and switching x_seam_bridge.salesforce.delivery moves queued rows either way (outbox/delivery.ts).
import { describe, expect, it } from 'vitest';
import { getChanges } from '../src/server/api/changes';
import { DEFAULTS, type Settings } from '../src/server/config';
import { drainOutbox } from '../src/server/outbox/drain';
import { enqueue } from '../src/server/outbox/outbox';
import { sendQueuedAttachments } from '../src/server/attachments/outbound';
import { onMajorIncident } from '../src/server/sync/major-incident';
import { fakePorts, json, type FakePorts } from './fakes';
import { ACCOUNT_1, ACCOUNT_2, CASE_A } from './helpers';

const NOW = Date.UTC(2026, 11, 2, 18, 0, 10);
const base: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com', customerFacingServices: ['ci-vpn'], proxyUrl: 'https://proxy.example', proxyApiKey: 'k', pollSettleSeconds: 2, alertsWebhookUrl: 'https://hooks.example/x' };
const poll: Settings = { ...base, salesforceDelivery: 'poll' };
const push: Settings = { ...base, salesforceDelivery: 'push' };

const impact = { headline: 'VPN outage', body: 'VPN access is down.', severity: 'critical', customerAction: 'Use the portal.', engine: 'llm' };
const accounts = json(200, { totalSize: 2, done: true, records: [
    { AccountId: ACCOUNT_1, Account: { OwnerId: '005000000000001AAA' } },
    { AccountId: ACCOUNT_2, Account: { OwnerId: '005000000000002AAA' } },
] });
type Req = { endpoint: string; body?: string };
const collections = (req: Req) => json(200, (JSON.parse(req.body ?? '{}') as { records: unknown[] }).records.map((_, i) => ({ id: `a0${i}`, success: true, errors: [] })));
const route = (req: Req) => (req.endpoint.includes('/query?q=') ? accounts : req.endpoint.endsWith('/v1/impact') ? json(200, impact) : req.endpoint.includes('/composite/sobjects') ? collections(req) : json(200, {}));

function ports(): FakePorts {
    return fakePorts({ now: NOW, route });
}
const outbox = (p: FakePorts) => p.records.rows('x_seam_bridge_outbox');
/** The fake store does not stamp sys_created_on; the feed orders by it. */
const stamp = (p: FakePorts) => outbox(p).forEach((r, i) => { if (!r.sys_created_on) p.records.update('x_seam_bridge_outbox', r.sys_id, { sys_created_on: `2026-12-02 18:00:0${Math.min(i, 5)}` }); });
const sfCalls = (p: FakePorts) => p.http.requests.filter((r) => r.endpoint.startsWith(base.salesforceUrl));
const update = (p: FakePorts, incident: string, v: number, pull = false) => enqueue(p, {
    kind: 'incident_update', idempotencyKey: `servicenow:${incident}:${v}`, incidentSysId: incident, caseId: CASE_A, pull,
    record: { attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: `servicenow:${incident}:${v}`, Link_Version__c: v },
});
const comment = (p: FakePorts, key: string, pull = false) => enqueue(p, { kind: 'resolution_summary', idempotencyKey: key, caseId: CASE_A, pull, record: { attributes: { type: 'CaseComment' }, ParentId: CASE_A, CommentBody: 'Resolved.', IsPublished: true } });
const sentRecords = (p: FakePorts) => sfCalls(p).filter((r) => r.endpoint.includes('/composite/sobjects')).flatMap((r) => (JSON.parse(r.body ?? '{}') as { records: Array<Record<string, unknown>> }).records);

describe('delivery poll: every Salesforce-bound write waits for the poller', () => {
    it('a major incident queues one notice and asks Salesforce nothing (the poller finds the accounts)', () => {
        const p = ports();
        const sysId = p.records.seed('incident', { number: 'INC0000123', priority: '1', cmdb_ci: 'ci-vpn', short_description: 'VPN down' });
        const incident = p.records.get('incident', sysId) as Record<string, string>;
        expect(onMajorIncident(p, poll, incident)).toEqual({ status: 'notice_queued', duplicate: false });
        expect(onMajorIncident(p, poll, incident)).toEqual({ status: 'notice_queued', duplicate: true });
        expect(sfCalls(p)).toEqual([]);
        const [row] = outbox(p);
        expect(row).toMatchObject({ kind: 'impact_notice', sobject_type: 'Seam_Impact_Notice', status: 'awaiting_pull' });
        expect(JSON.parse(row.payload)).toMatchObject({ Services: ['ci-vpn'], Max_Accounts: 200, Task: { Subject: '[INC0000123] VPN outage', Priority: 'High' } });
    });

    it('the feed serves CaseComment, Task and notice rows with their message id, never the chat webhook, and acknowledges them', () => {
        const p = ports();
        comment(p, 'servicenow:inc1:4:resolution-summary', true);
        enqueue(p, { kind: 'critical_alert', idempotencyKey: 'alert-1', record: { attributes: { type: 'ChatWebhook' }, body: {} } });
        p.records.update('x_seam_bridge_outbox', outbox(p)[1].sys_id, { status: 'awaiting_pull' }); // even if one got there
        p.now += 5000;
        stamp(p);
        const page = getChanges(p, poll, {}).body as { changes: Array<{ attributes: Record<string, string> }>; nextCursor: string };
        expect(page.changes).toHaveLength(1);
        expect(page.changes[0].attributes).toEqual({ type: 'CaseComment', messageId: outbox(p)[0].message_id, idempotencyKey: 'servicenow:inc1:4:resolution-summary', kind: 'resolution_summary' });
        expect(getChanges(p, poll, { cursor: page.nextCursor }).body).toMatchObject({ acknowledged: 1 });
        expect(outbox(p)[0].status).toBe('pulled');
        expect(p.records.rows('x_seam_bridge_audit').map((a) => a.operation)).toContain('resolution_summary:pulled');
    });

    it('a queued file is offered in the feed as metadata (no bytes), no call made, and is delivered when the poller acknowledges it', () => {
        const p = ports();
        const sha = 'ab'.repeat(32);
        queuedFile(p, 'att1', sha);
        expect(sendQueuedAttachments(p, poll, files)).toEqual({ sent: 0, failed: 0, deadLettered: 0, offered: 1 });
        expect(sendQueuedAttachments(p, poll, files)).toMatchObject({ offered: 0 }); // offered once
        expect(sfCalls(p)).toEqual([]);
        expect(attachment(p)).toMatchObject({ status: 'awaiting_pull', attempts: '0' });
        p.now += 5000;
        stamp(p);
        const page = getChanges(p, poll, {}).body as { changes: Array<Record<string, any>>; nextCursor: string };
        expect(page.changes).toEqual([{
            attributes: { type: 'Seam_File', messageId: outbox(p)[0].message_id, idempotencyKey: 'servicenow:att1:file:pull:1', kind: 'file_offer' },
            Sys_Attachment: 'att1', File_Name: 'a.log', Content_Type: 'text/plain', Size_Bytes: 1, Sha256: sha, Case_Id: CASE_A,
            Description: `[Seam: from ServiceNow · sha256:${sha}]`,
        }]);
        expect(JSON.stringify(page.changes)).not.toContain('eA=='); // the bytes stay in ServiceNow
        expect(attachment(p).status).toBe('awaiting_pull'); // served is not applied
        expect(getChanges(p, poll, { cursor: page.nextCursor }).body).toMatchObject({ acknowledged: 1 });
        expect(outbox(p)[0].status).toBe('pulled');
        expect(attachment(p).status).toBe('sent');
        expect(p.records.rows('x_seam_bridge_audit').map((a) => a.operation)).toEqual(['attachment:offer', 'file_offer:pulled']);
        // Delivered: neither the push job nor a second offer touches it.
        expect(sendQueuedAttachments(p, push, files)).toEqual({ sent: 0, failed: 0, deadLettered: 0 });
        expect(sendQueuedAttachments(p, poll, files)).toMatchObject({ offered: 0 });
        expect(sfCalls(p)).toEqual([]);
    });
});

const files = { base64: () => 'eA==', write: () => null };
const queuedFile = (p: FakePorts, att: string, sha: string, status = 'queued') => p.records.seed('x_seam_bridge_attachment', {
    direction: 'outbound', status, sys_attachment: att, sf_case_id: CASE_A, incident: 'inc1', file_name: 'a.log', content_type: 'text/plain', size_bytes: '1', sha256: sha, attempts: 0, next_attempt_at: '',
});
const attachment = (p: FakePorts, i = 0) => p.records.rows('x_seam_bridge_attachment')[i];
const fileCalls = (p: FakePorts) => sfCalls(p).filter((r) => r.endpoint.endsWith('/sobjects/ContentVersion'));

describe('switching delivery with files', () => {
    it('poll → push: an offer never served is withdrawn and the file job pushes the file once', () => {
        const p = fakePorts({ now: NOW, route: (req: Req) => (req.endpoint.endsWith('/sobjects/ContentVersion') ? json(201, { id: '068000000000001AAA' }) : route(req)) });
        queuedFile(p, 'att1', 'ab'.repeat(32), 'failed'); // a push retry waiting when delivery turned poll
        sendQueuedAttachments(p, poll, files);
        expect(drainOutbox(p, push)).toMatchObject({ delivery: { withdrawn: 1, released: 0 } });
        expect(outbox(p)[0]).toMatchObject({ kind: 'file_offer', status: 'withdrawn' });
        expect(attachment(p).status).toBe('queued');
        expect(sendQueuedAttachments(p, push, files)).toMatchObject({ sent: 1 });
        expect(sendQueuedAttachments(p, push, files)).toMatchObject({ sent: 0 });
        expect(fileCalls(p)).toHaveLength(1);
        // The feed never serves a withdrawn offer.
        p.now += 5000;
        stamp(p);
        expect((getChanges(p, poll, {}).body as { changes: unknown[] }).changes).toEqual([]);
    });

    it('poll → push: a served, unacknowledged offer is not pushed (Salesforce may have pulled it); its acknowledgement delivers it', () => {
        const p = ports();
        queuedFile(p, 'att1', 'ab'.repeat(32));
        sendQueuedAttachments(p, poll, files);
        p.now += 5000;
        stamp(p);
        const page = getChanges(p, poll, {}).body as { changes: unknown[]; nextCursor: string };
        expect(page.changes).toHaveLength(1);
        expect(drainOutbox(p, push)).toMatchObject({ delivery: { awaitingAck: 1, withdrawn: 0 } });
        expect(sendQueuedAttachments(p, push, files)).toMatchObject({ sent: 0 });
        expect(getChanges(p, push, { cursor: page.nextCursor }).body).toMatchObject({ acknowledged: 1 });
        expect(attachment(p).status).toBe('sent');
        expect(sendQueuedAttachments(p, push, files)).toMatchObject({ sent: 0 });
        expect(fileCalls(p)).toEqual([]);
    });

    it('poll → push → poll: a file offered again gets a new offer (a new key, after the cursor) and is served', () => {
        const p = ports(); // Salesforce unreachable by push: the file fails and waits
        queuedFile(p, 'att1', 'ab'.repeat(32));
        sendQueuedAttachments(p, poll, files);
        drainOutbox(p, push); // withdrawn, queued again
        p.records.update('x_seam_bridge_attachment', attachment(p).sys_id, { status: 'failed', attempts: 1 });
        expect(sendQueuedAttachments(p, poll, files)).toMatchObject({ offered: 1 });
        expect(outbox(p).map((r) => [r.idempotency_key, r.status])).toEqual([
            ['servicenow:att1:file:pull:1', 'withdrawn'], ['servicenow:att1:file:pull:2', 'awaiting_pull'],
        ]);
        p.now += 5000;
        stamp(p);
        const page = getChanges(p, poll, {}).body as { changes: Array<{ attributes: Record<string, string> }> };
        expect(page.changes.map((c) => c.attributes.idempotencyKey)).toEqual(['servicenow:att1:file:pull:2']);
    });
});

describe('switching delivery', () => {
    it('push → poll: pending and failed rows stop being pushed (awaiting_pull); the chat post still goes out', () => {
        const p = ports();
        update(p, 'inc1', 1);
        comment(p, 'c1');
        p.records.update('x_seam_bridge_outbox', outbox(p)[1].sys_id, { status: 'failed', attempts: 2, next_attempt_at: '2026-12-02 18:00:00' });
        enqueue(p, { kind: 'critical_alert', idempotencyKey: 'alert-1', record: { attributes: { type: 'ChatWebhook' }, format: 'slack', body: { text: 'P1' } } });
        const run = drainOutbox(p, poll);
        expect(run).toMatchObject({ sent: 1, delivery: { heldForPull: 2 } });
        expect(outbox(p).map((r) => [r.kind, r.status, String(r.attempts)])).toEqual([['incident_update', 'awaiting_pull', '0'], ['resolution_summary', 'awaiting_pull', '2'], ['critical_alert', 'sent', '1']]);
        expect(sfCalls(p)).toEqual([]);
    });

    it('poll → push: rows Salesforce never pulled are sent by the drain, in version order, each once', () => {
        const p = ports();
        update(p, 'inc1', 2, true);
        update(p, 'inc1', 1, true);
        comment(p, 'c1', true);
        const first = drainOutbox(p, push);
        expect(first).toMatchObject({ calls: 1, sent: 3, delivery: { released: 3, awaitingAck: 0 } });
        expect(sentRecords(p).map((r) => r.Link_Version__c ?? r.attributes)).toEqual([1, 2, { type: 'CaseComment' }]);
        expect(drainOutbox(p, push)).toEqual({ calls: 0, sent: 0, failed: 0, deadLettered: 0 });
        expect(sentRecords(p)).toHaveLength(3);
    });

    it('poll → push: a served, unacknowledged comment waits for the poller\'s acknowledgement; its update is released (applied once anyway)', () => {
        const p = ports();
        update(p, 'inc1', 1, true);
        comment(p, 'c1', true);
        p.now += 5000;
        stamp(p);
        const page = getChanges(p, poll, {}).body as { changes: unknown[]; nextCursor: string };
        expect(page.changes).toHaveLength(2);
        comment(p, 'c2', true); // queued after the page: never served
        stamp(p);
        const run = drainOutbox(p, push);
        expect(run).toMatchObject({ sent: 2, delivery: { released: 2, awaitingAck: 1 } });
        expect(sentRecords(p).map((r) => r.Link_Version__c ?? r.CommentBody)).toEqual([1, 'Resolved.']);
        // With delivery push the feed serves nothing new, only the page it served, and acknowledges it.
        expect((getChanges(p, push, {}).body as { changes: unknown[] }).changes).toHaveLength(1); // the comment; the update was pushed
        expect(getChanges(p, push, { cursor: page.nextCursor }).body).toMatchObject({ acknowledged: 1, changes: [], hasMore: false });
        expect(outbox(p).map((r) => r.status)).toEqual(['sent', 'pulled', 'sent']);
        expect(drainOutbox(p, push)).toMatchObject({ calls: 0, sent: 0 });
    });

    it('poll → push: a notice Salesforce never pulled is expanded into its account Tasks, once', () => {
        const p = ports();
        const sysId = p.records.seed('incident', { number: 'INC0000123', priority: '1', cmdb_ci: 'ci-vpn', short_description: 'VPN down' });
        onMajorIncident(p, poll, p.records.get('incident', sysId) as Record<string, string>);
        const run = drainOutbox(p, push);
        expect(run).toMatchObject({ sent: 2, delivery: { expanded: 1 } });
        expect(sentRecords(p).map((r) => [r.attributes, r.WhatId, r.Subject])).toEqual([
            [{ type: 'Task' }, ACCOUNT_1, '[INC0000123] VPN outage'],
            [{ type: 'Task' }, ACCOUNT_2, '[INC0000123] VPN outage'],
        ]);
        expect(outbox(p)[0]).toMatchObject({ kind: 'impact_notice', status: 'sent' });
        drainOutbox(p, push);
        expect(sentRecords(p)).toHaveLength(2);
    });
});
