import { describe, expect, it } from 'vitest';
import { DEFAULTS, type Settings } from '../src/server/config';
import { enqueue } from '../src/server/outbox/outbox';
import { drainAfterEvent, drainOutbox, drainScheduled } from '../src/server/outbox/drain';
import { fakePorts, json, type FakePorts } from './fakes';
import { CASE_A } from './helpers';

const settings: Settings = { ...DEFAULTS, salesforceUrl: 'https://acme.my.salesforce.com', maxAttempts: 3, backoffBaseSeconds: 60, backoffMaxSeconds: 3600 };

function queue(ports: FakePorts, n: number): void {
    for (let i = 0; i < n; i += 1) {
        enqueue(ports, {
            kind: 'incident_update',
            idempotencyKey: `servicenow:inc${i}:1`,
            record: { attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: `servicenow:inc${i}:1` },
            caseId: CASE_A,
            correlationId: 'SNOW-INC0001000|SFDC-500000000000001AAA',
        });
    }
}

const allSucceed = (req: { body?: string }) => {
    const records = (JSON.parse(req.body ?? '{}') as { records: unknown[] }).records;
    return json(200, records.map((_, i) => ({ id: `e${i}`, success: true, errors: [] })));
};

const statuses = (ports: FakePorts) => ports.records.rows('x_seam_bridge_outbox').map((r) => r.status);

describe('drainOutbox', () => {
    it('sends up to 200 pending messages in one sObject Collections call', () => {
        const ports = fakePorts({ route: allSucceed });
        queue(ports, 250);
        const summary = drainOutbox(ports, settings);
        expect(summary).toEqual({ calls: 2, sent: 250, failed: 0, deadLettered: 0 });
        const [first, second] = ports.http.requests;
        expect(first).toMatchObject({ message: 'Seam Salesforce', method: 'POST', endpoint: 'https://acme.my.salesforce.com/services/data/v62.0/composite/sobjects' });
        const payload = JSON.parse(first.body ?? '');
        expect(payload.allOrNone).toBe(false);
        expect(payload.records).toHaveLength(200);
        expect(JSON.parse(second.body ?? '').records).toHaveLength(50);
        expect(new Set(statuses(ports))).toEqual(new Set(['sent']));
    });

    it('honours the batch size property', () => {
        const ports = fakePorts({ route: allSucceed });
        queue(ports, 5);
        drainOutbox(ports, { ...settings, batchSize: 2, batchesPerRun: 2 });
        expect(ports.http.requests.map((r) => JSON.parse(r.body ?? '').records.length)).toEqual([2, 2]);
        expect(statuses(ports).filter((s) => s === 'pending')).toHaveLength(1);
    });

    it('marks each row by its own save result and backs off the failed one with the given jitter', () => {
        const ports = fakePorts({
            random: 0,
            route: () => json(200, [
                { id: 'e0', success: true, errors: [] },
                { success: false, errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'bad status', fields: ['Status'] }] },
            ]),
        });
        queue(ports, 2);
        const summary = drainOutbox(ports, settings);
        expect(summary).toMatchObject({ sent: 1, failed: 1 });
        const [ok, bad] = ports.records.rows('x_seam_bridge_outbox');
        expect(ok).toMatchObject({ status: 'sent', attempts: '1' });
        // attempt 1, base 60 s, jitter 0 → half the nominal delay: 30 s after now (12:00:00).
        expect(bad).toMatchObject({ status: 'failed', attempts: '1', next_attempt_at: '2026-11-23 12:00:30' });
        expect(bad.last_error).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION: bad status (Status)');
    });

    it('retries a server error and dead-letters after max attempts', () => {
        const ports = fakePorts({ route: () => ({ status: 503, body: 'unavailable' }) });
        queue(ports, 1);
        for (let attempt = 1; attempt <= 3; attempt += 1) {
            drainOutbox(ports, settings);
            ports.now += 24 * 3600 * 1000; // next day: the retry is due
        }
        const [row] = ports.records.rows('x_seam_bridge_outbox');
        expect(row).toMatchObject({ status: 'dead_letter', attempts: '3' });
        expect(row.last_error).toContain('HTTP 503');
        expect(ports.http.requests).toHaveLength(3);
        drainOutbox(ports, settings);
        expect(ports.http.requests).toHaveLength(3); // dead letters are never sent again by the job
    });

    it('dead-letters at once on a client error that no retry can fix', () => {
        const ports = fakePorts({ route: () => json(400, [{ errorCode: 'JSON_PARSER_ERROR', message: 'unexpected token' }]) });
        queue(ports, 2);
        const summary = drainOutbox(ports, settings);
        expect(summary).toMatchObject({ deadLettered: 2, failed: 0 });
        expect(ports.records.rows('x_seam_bridge_outbox')[0].last_error).toContain('JSON_PARSER_ERROR: unexpected token');
    });

    it('audits every delivery with direction, fields, correlation id, result and latency', () => {
        const ports = fakePorts({ route: (req) => { ports.now += 120; return allSucceed(req); } });
        queue(ports, 1);
        drainOutbox(ports, settings);
        const [audit] = ports.records.rows('x_seam_bridge_audit');
        expect(audit).toMatchObject({
            direction: 'outbound',
            target_table: 'Incident_Update__e',
            correlation_id: 'SNOW-INC0001000|SFDC-500000000000001AAA',
            idempotency_key: 'servicenow:inc0:1',
            result: 'success',
            http_status: '200',
            latency_ms: '120',
            fields: 'Idempotency_Key__c',
            actor: 'jane.agent',
        });
    });

    it("moves each link out of 'pending' by its incident's delivery: in_sync with the last error cleared, or error with the reason", () => {
        const ports = fakePorts({
            route: () => json(200, [
                { id: 'e0', success: true, errors: [] },
                { success: false, errors: [{ statusCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION', message: 'bad status', fields: ['Status'] }] },
            ]),
        });
        const okLink = ports.records.seed('x_seam_bridge_link', { incident: 'inc-ok', sync_state: 'pending', last_error: 'attempt 1: HTTP 503' });
        const badLink = ports.records.seed('x_seam_bridge_link', { incident: 'inc-bad', sync_state: 'pending', last_error: '' });
        for (const incident of ['inc-ok', 'inc-bad']) {
            enqueue(ports, { kind: 'incident_update', idempotencyKey: `servicenow:${incident}:1`, record: { attributes: { type: 'Incident_Update__e' }, Link_Version__c: 1 }, incidentSysId: incident, caseId: CASE_A });
        }
        drainOutbox(ports, settings);
        expect(ports.records.get('x_seam_bridge_link', okLink)).toMatchObject({ sync_state: 'in_sync', last_error: '', last_synced_at: '2026-11-23 12:00:00' });
        const bad = ports.records.get('x_seam_bridge_link', badLink)!;
        expect(bad.sync_state).toBe('error');
        expect(bad.last_error).toContain('FIELD_CUSTOM_VALIDATION_EXCEPTION: bad status (Status)');
    });

    it('sends nothing while sync is switched off', () => {
        const ports = fakePorts({ route: allSucceed });
        queue(ports, 3);
        expect(drainOutbox(ports, { ...settings, syncEnabled: false }).calls).toBe(0);
        expect(ports.http.requests).toHaveLength(0);
    });
});

/** A fake one-shot scheduler: records the triggers; the test runs them when the fake clock reaches them. */
function fakeScheduler(accept = true) {
    const triggers: number[] = [];
    return { triggers, scheduleDrain: (atMs: number) => (accept ? (triggers.push(atMs), true) : false) };
}

describe('drainAfterEvent (event-driven send, debounced)', () => {
    const eventSettings = { ...settings, debounceMs: 1000 };
    const update = (ports: FakePorts, incident: string, version: number) =>
        enqueue(ports, {
            kind: 'incident_update',
            idempotencyKey: `servicenow:${incident}:${version}`,
            record: { attributes: { type: 'Incident_Update__e' }, Idempotency_Key__c: `servicenow:${incident}:${version}`, Link_Version__c: version },
            incidentSysId: incident,
            caseId: CASE_A,
        });
    const sentKeys = (ports: FakePorts) => ports.http.requests.map((r) => (JSON.parse(r.body ?? '{}').records as { Idempotency_Key__c: string }[]).map((x) => x.Idempotency_Key__c));
    const callSizes = (ports: FakePorts) => ports.http.requests.map((r) => JSON.parse(r.body ?? '{}').records.length);
    /** Runs the pending triggers that are due at the fake clock's time, as the platform's scheduler would. */
    const runDueTriggers = (ports: FakePorts, scheduler: ReturnType<typeof fakeScheduler>) => {
        const due = scheduler.triggers.filter((t) => t <= ports.now);
        scheduler.triggers.splice(0, scheduler.triggers.length, ...scheduler.triggers.filter((t) => t > ports.now));
        return due.map(() => drainScheduled(ports, eventSettings));
    };

    it('a lone change schedules one drain at now + debounce, which sends it', () => {
        const ports = fakePorts({ route: allSucceed });
        const scheduler = fakeScheduler();
        update(ports, 'inc1', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toEqual({ scheduled: '2026-11-23 12:00:01' });
        expect(scheduler.triggers).toEqual([ports.now + 1000]);
        expect(ports.http.requests).toHaveLength(0);
        ports.now += 1000;
        expect(runDueTriggers(ports, scheduler)).toEqual([{ calls: 1, sent: 1, failed: 0, deadLettered: 0 }]);
        expect(statuses(ports)).toEqual(['sent']);
    });

    it('a burst of 1,000 updates: one trigger, then 5 calls of 200, and the last update is sent within the debounce plus one drain', () => {
        const ports = fakePorts({ route: allSucceed });
        const scheduler = fakeScheduler();
        const start = ports.now;
        for (let i = 0; i < 1000; i += 1) {
            update(ports, `inc${i}`, 1);
            const outcome = drainAfterEvent(ports, eventSettings, scheduler);
            if (i > 0) expect(outcome).toMatchObject({ skipped: expect.stringContaining('scheduled') });
            ports.now += 0.5; // 1,000 updates in 500 ms
        }
        expect(scheduler.triggers).toEqual([start + 1000]);
        expect(ports.http.requests).toHaveLength(0);
        ports.now = start + 1000; // the trigger's time: the end of the burst waits no longer
        expect(runDueTriggers(ports, scheduler)).toEqual([{ calls: 5, sent: 1000, failed: 0, deadLettered: 0 }]);
        expect(callSizes(ports)).toEqual([200, 200, 200, 200, 200]);
        expect(statuses(ports).every((s) => s === 'sent')).toBe(true);
        // The drain cleared the mark: the next change schedules a new trigger.
        update(ports, 'inc1000', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toMatchObject({ scheduled: expect.any(String) });
        expect(scheduler.triggers).toEqual([start + 2000]);
    });

    it('any drain clears the pending mark (a change after it schedules anew); a trigger lost for a minute is replaced', () => {
        const ports = fakePorts({ route: allSucceed });
        const scheduler = fakeScheduler();
        update(ports, 'inc1', 1);
        drainAfterEvent(ports, eventSettings, scheduler);
        update(ports, 'inc2', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toMatchObject({ skipped: expect.any(String) });
        ports.now += 400;
        expect(drainScheduled(ports, eventSettings)).toMatchObject({ sent: 2 }); // the minute job happens to run now
        update(ports, 'inc3', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toMatchObject({ scheduled: expect.any(String) });
        expect(scheduler.triggers).toHaveLength(2);
        scheduler.triggers.length = 0; // both lost (a node restart)
        ports.now += 62_000; // a minute past the pending time
        update(ports, 'inc4', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toMatchObject({ scheduled: expect.any(String) });
        expect(scheduler.triggers).toHaveLength(1);
    });

    it('debounce 0 sends at once, one call per update; a refused trigger also sends at once', () => {
        const ports = fakePorts({ route: allSucceed });
        const scheduler = fakeScheduler();
        update(ports, 'inc1', 1);
        expect(drainAfterEvent(ports, { ...eventSettings, debounceMs: 0 }, scheduler)).toEqual({ calls: 1, sent: 1, failed: 0, deadLettered: 0 });
        update(ports, 'inc2', 1);
        expect(drainAfterEvent(ports, { ...eventSettings, debounceMs: 0 }, scheduler)).toMatchObject({ calls: 1, sent: 1 });
        expect(scheduler.triggers).toHaveLength(0);
        update(ports, 'inc3', 1);
        expect(drainAfterEvent(ports, eventSettings, fakeScheduler(false))).toMatchObject({ calls: 1, sent: 1 });
        expect(ports.logs.some((l) => l.includes('could not schedule'))).toBe(true);
        // The refusal cleared the mark, so the next change tries to schedule again.
        update(ports, 'inc4', 1);
        expect(drainAfterEvent(ports, eventSettings, scheduler)).toMatchObject({ scheduled: expect.any(String) });
    });

    it("keeps an incident's version order: an update waiting for its retry holds back the newer one", () => {
        let fail = true;
        const ports = fakePorts({ route: (req) => (fail ? json(503, [{ errorCode: 'SERVER_UNAVAILABLE' }]) : allSucceed(req)) });
        const scheduler = fakeScheduler();
        update(ports, 'inc1', 1);
        drainAfterEvent(ports, eventSettings, scheduler);
        ports.now += 1000;
        runDueTriggers(ports, scheduler);
        expect(statuses(ports)).toEqual(['failed']);
        fail = false;
        ports.now += 1500; // v1's retry (30 s) is not due
        update(ports, 'inc1', 2);
        update(ports, 'inc2', 1);
        drainAfterEvent(ports, eventSettings, scheduler);
        ports.now = scheduler.triggers[0];
        expect(runDueTriggers(ports, scheduler)).toEqual([expect.objectContaining({ calls: 1, sent: 1 })]);
        expect(sentKeys(ports).slice(1)).toEqual([['servicenow:inc2:1']]);
        // When v1 is due, v1 and v2 go together, in version order.
        ports.now += 60_000;
        update(ports, 'inc3', 1);
        drainAfterEvent(ports, eventSettings, scheduler);
        ports.now = scheduler.triggers[0];
        runDueTriggers(ports, scheduler);
        expect(sentKeys(ports).slice(2)).toEqual([['servicenow:inc1:1', 'servicenow:inc1:2', 'servicenow:inc3:1']]);
    });

    it('sends nothing and schedules nothing while sync is switched off', () => {
        const ports = fakePorts({ route: allSucceed });
        const scheduler = fakeScheduler();
        update(ports, 'inc1', 1);
        expect(drainAfterEvent(ports, { ...eventSettings, syncEnabled: false }, scheduler)).toEqual({ skipped: 'sync is switched off' });
        expect(ports.http.requests).toHaveLength(0);
        expect(scheduler.triggers).toHaveLength(0);
    });
});
