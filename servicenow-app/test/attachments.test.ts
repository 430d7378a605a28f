import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../src/server/config';
import { ATTACHMENT_TABLE, type AttachmentContent } from '../src/server/attachments/attachments';
import { postAttachments } from '../src/server/attachments/inbound';
import { onAttachmentAdded, sendQueuedAttachments } from '../src/server/attachments/outbound';
import { tagAttachmentOrigin, usageDay } from '../src/server/generated/seam-core';
import { writeState } from '../src/server/ops/state';
import { fakePorts, json, type FakePorts } from './fakes';
import { CASE_A, PROPS } from './helpers';

const settings: Settings = { ...DEFAULTS, salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'] };
const sha = (b64: string) => createHash('sha256').update(Buffer.from(b64, 'base64')).digest('hex');
const LOG = Buffer.from('disk full on /var\n').toString('base64');

/** GlideSysAttachment stand-in: sys_attachment rows in the fake store, bytes in a map. */
function fakeContent(ports: FakePorts): AttachmentContent & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return {
        data,
        base64: (id) => data.get(id) ?? '',
        write(table, recordSysId, fileName, contentType, base64) {
            const id = ports.records.insert('sys_attachment', { table_name: table, table_sys_id: recordSysId, file_name: fileName, content_type: contentType, size_bytes: Buffer.from(base64, 'base64').length });
            data.set(id, base64);
            return id;
        },
    };
}

function linked() {
    const ports = fakePorts({ properties: PROPS });
    const content = fakeContent(ports);
    const incident = ports.records.seed('incident', { number: 'INC0010001' });
    ports.records.seed('x_seam_bridge_link', { sf_case_id: CASE_A, incident, correlation_id: `SNOW-INC0010001|SFDC-${CASE_A}`, state: '' });
    return { ports, content, incident };
}

const message = (over: Record<string, unknown> = {}) => ({
    messageId: 'm-1', caseId: CASE_A, contentVersionId: '068000000000001AAA', fileName: 'server.log', contentType: 'text/plain',
    sizeBytes: 18, sha256: sha(LOG), versionData: LOG, origin: 'salesforce', ...over,
});
const post = (ports: FakePorts, content: AttachmentContent, messages: unknown[]) =>
    postAttachments(ports, settings, content, { bodyText: JSON.stringify({ messages }), pathParams: {} }) as { status: number; body: { results: { status: string; sysAttachmentId?: string }[] } };

describe('POST /v1/attachments', () => {
    it('attaches a Salesforce file to the linked incident once, with its origin and hash', () => {
        const { ports, content, incident } = linked();
        const first = post(ports, content, [message()]);
        expect(first.status).toBe(200);
        expect(first.body.results[0].status).toBe('created');
        const att = ports.records.rows('sys_attachment');
        expect(att).toHaveLength(1);
        expect(att[0]).toMatchObject({ table_name: 'incident', table_sys_id: incident, file_name: 'server.log' });
        expect(ports.records.rows(ATTACHMENT_TABLE)[0]).toMatchObject({ origin: 'salesforce', direction: 'inbound', sha256: sha(LOG), status: 'received' });
        // The same content again (another ContentVersion, a replay): not attached twice.
        const again = post(ports, content, [message({ messageId: 'm-2', contentVersionId: '068000000000002AAA', fileName: 'copy.log' })]);
        expect(again.body.results[0].status).toBe('duplicate');
        expect(ports.records.rows('sys_attachment')).toHaveLength(1);
    });

    it('never writes back a file that came from ServiceNow (tagged description)', () => {
        const { ports, content } = linked();
        const out = post(ports, content, [message({ description: tagAttachmentOrigin('', 'servicenow', sha(LOG)) })]);
        expect(out.body.results[0].status).toBe('mirrored');
        expect(ports.records.rows('sys_attachment')).toHaveLength(0);
    });

    it('rejects a hash that does not match the bytes, an unlinked Case and a broken batch', () => {
        const { ports, content } = linked();
        expect(post(ports, content, [message({ sha256: 'a'.repeat(64) })]).body.results[0].status).toBe('rejected');
        expect(post(ports, content, [message({ caseId: '500000000000009AAA' })]).body.results[0].status).toBe('rejected');
        expect(post(ports, content, [message({ versionData: undefined })]).status).toBe(400);
        expect(post(ports, content, []).status).toBe(400);
        expect(ports.records.rows('sys_attachment')).toHaveLength(0);
    });

    it('applies the size limit property', () => {
        const { ports, content } = linked();
        ports.properties.values['x_seam_bridge.attachments.max_bytes'] = '4';
        expect(post(ports, content, [message()]).body.results[0].status).toBe('skipped');
    });
});

describe('incident attachment → ContentVersion', () => {
    it('queues a new file on a linked incident and sends it as a tagged ContentVersion on the Case', () => {
        const { ports, content, incident } = linked();
        const id = content.write('incident', incident, 'trace.txt', 'text/plain', LOG) as string;
        expect(onAttachmentAdded(ports, content, id)).toMatchObject({ status: 'queued', sha256: sha(LOG) });
        // The rule may fire twice for one insert; the content is queued once.
        expect(onAttachmentAdded(ports, content, id)).toMatchObject({ status: 'skipped', reason: 'duplicate' });
        expect(ports.records.rows(ATTACHMENT_TABLE)).toHaveLength(1);
        ports.http.route = () => json(201, { id: '068000000000003AAA', success: true, errors: [] });
        expect(sendQueuedAttachments(ports, settings, content)).toEqual({ sent: 1, failed: 0, deadLettered: 0 });
        const req = ports.http.requests[0];
        expect(req.endpoint).toBe('https://acme.my.salesforce.com/services/data/v62.0/sobjects/ContentVersion');
        const record = JSON.parse(req.body as string);
        expect(record).toMatchObject({ PathOnClient: 'trace.txt', Title: 'trace', VersionData: LOG, FirstPublishLocationId: CASE_A });
        expect(record.Description).toBe(tagAttachmentOrigin('', 'servicenow', sha(LOG)));
        expect(ports.records.rows(ATTACHMENT_TABLE).find((r) => r.sys_attachment === id)).toMatchObject({ status: 'sent', sf_content_version_id: '068000000000003AAA' });
        expect(sendQueuedAttachments(ports, settings, content).sent).toBe(0);
    });

    it('does not send back a file that came from Salesforce, nor files of unlinked incidents', () => {
        const { ports, content } = linked();
        post(ports, content, [message()]);
        const mirrored = ports.records.rows('sys_attachment')[0].sys_id;
        expect(onAttachmentAdded(ports, content, mirrored).status).toBe('mirrored_here');
        const lonely = ports.records.seed('incident', { number: 'INC0010002' });
        const id = content.write('incident', lonely, 'a.txt', 'text/plain', LOG) as string;
        expect(onAttachmentAdded(ports, content, id).status).toBe('not_linked');
        expect(sendQueuedAttachments(ports, settings, content).sent).toBe(0);
        expect(ports.http.requests).toHaveLength(0);
    });

    it('retries a 503 with backoff and dead-letters a 400', () => {
        const { ports, content, incident } = linked();
        const a = content.write('incident', incident, 'a.txt', 'text/plain', LOG) as string;
        onAttachmentAdded(ports, content, a);
        ports.http.route = () => json(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }]);
        expect(sendQueuedAttachments(ports, settings, content)).toEqual({ sent: 0, failed: 1, deadLettered: 0 });
        expect(sendQueuedAttachments(ports, settings, content).failed).toBe(0); // not due yet
        ports.now += 3600_000;
        ports.http.route = () => json(400, [{ errorCode: 'INVALID_FIELD', message: 'bad' }]);
        expect(sendQueuedAttachments(ports, settings, content)).toEqual({ sent: 0, failed: 0, deadLettered: 1 });
    });

    it('waits while the credential is paused or the API budget stops bulk traffic; files stay queued', () => {
        const { ports, content, incident } = linked();
        onAttachmentAdded(ports, content, content.write('incident', incident, 'a.txt', 'text/plain', LOG) as string);
        ports.http.route = () => json(201, { id: '068000000000004AAA', success: true, errors: [] });
        writeState(ports, 'credential', { status: 'paused', value: '', detail: 'invalid_grant' });
        expect(sendQueuedAttachments(ports, settings, content).sent).toBe(0);
        writeState(ports, 'credential', { status: 'ok', value: '', detail: '' });
        writeState(ports, 'api_usage', { status: 'ok', value: JSON.stringify({ day: usageDay(ports.now), used: 14990, max: 15000 }), detail: '' });
        expect(sendQueuedAttachments(ports, settings, content).sent).toBe(0);
        expect(ports.http.requests).toHaveLength(0);
        writeState(ports, 'api_usage', { status: 'ok', value: JSON.stringify({ day: usageDay(ports.now), used: 100, max: 15000 }), detail: '' });
        expect(sendQueuedAttachments(ports, settings, content).sent).toBe(1);
    });
});
