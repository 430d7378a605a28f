/** Entry points: Glide-shaped arguments in, one module function called, fake ports underneath. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakePorts, type FakePorts } from './fakes';
import { CASE_A, PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

let ports: FakePorts;
vi.mock('../src/server/adapters/runtime', () => ({ glidePorts: () => ports }));
/** The one-shot drain triggers the rules asked for (adapters/glide-trigger.ts on the platform). */
const triggers: number[] = [];
vi.mock('../src/server/adapters/glide-trigger', () => ({ glideDrainScheduler: { scheduleDrain: (atMs: number) => (triggers.push(atMs), true) } }));

const { casesRoute, commentsRoute, linkRoute } = await import('../src/server/entry/rest');
const { syncIncidentChange, applyApprovalDecision, applyReviewDecision } = await import('../src/server/entry/business-rules');
const { drainOutboxJob } = await import('../src/server/entry/jobs');
const { replayMessage, replayAllDeadLetters, approveReview } = await import('../src/server/entry/ui-actions');
const { context } = await import('../src/server/entry/context');

function response() {
    const r = {
        status: 0,
        contentType: '',
        text: '',
        get body(): unknown {
            return JSON.parse(r.text);
        },
        setStatus: (s: number) => { r.status = s; },
        setContentType: (t: string) => { r.contentType = t; },
        getStreamWriter: () => ({ writeString: (t: string) => { r.text += t; } }),
    };
    return r;
}

const current = (id: string, values: Record<string, string> = {}) => ({
    getUniqueValue: () => id,
    getValue: (f: string) => values[f] ?? null,
    setValue: (f: string, v: unknown) => { values[f] = String(v); },
    update: vi.fn(),
    values,
});

beforeEach(() => {
    ports = fakePorts({ properties: { ...PROPS, 'x_seam_bridge.outbox.batch_size': '999' }, route: proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 }) });
});

describe('REST entry points', () => {
    it('read request.body.dataString and pathParams and write status and body', () => {
        const res = response();
        casesRoute({ body: { dataString: body([caseMessage()]) } }, res);
        expect(res.status).toBe(200);
        expect(res.contentType).toBe('application/json');
        // Top-level `results`, exactly as in the contract (setBody would wrap it in `result`).
        expect((res.body as { results: { status: string }[] }).results[0].status).toBe('created');

        const link = response();
        linkRoute({ pathParams: { caseId: CASE_A } }, link);
        expect((link.body as { syncState: string }).syncState).toBe('in_sync');

        const bad = response();
        commentsRoute({ body: { dataString: 'nope' } }, bad);
        expect(bad.status).toBe(400);
        expect((bad.body as { error: { problems: unknown[] } }).error.problems.length).toBeGreaterThan(0);
    });
});

describe('context', () => {
    it('logs a bad property with its name and fix, then uses the default', () => {
        const { settings } = context();
        expect(settings.batchSize).toBe(200);
        expect(ports.logs.some((l) => l.startsWith('error Seam property x_seam_bridge.outbox.batch_size'))).toBe(true);
    });
});

describe('business rule, job and UI action entry points', () => {
    it('queue, drain and replay through the module functions', () => {
        casesRoute({ body: { dataString: body([caseMessage()]) } }, response());
        const incident = ports.records.rows('incident')[0];
        syncIncidentChange(current(incident.sys_id));
        // Event-driven, debounced: the rule that queued the message scheduled a drain a second
        // later (the default debounce); that one-shot run of the drain job sends it.
        expect(ports.records.rows('x_seam_bridge_outbox').map((r) => r.status)).toEqual(['pending']);
        expect(triggers).toEqual([ports.now + 1000]);
        ports.now = triggers[0];
        drainOutboxJob();
        expect(ports.records.rows('x_seam_bridge_outbox')[0].status).toBe('sent');

        const dead = ports.records.seed('x_seam_bridge_outbox', { status: 'dead_letter' });
        replayMessage(current(dead));
        expect(ports.records.get('x_seam_bridge_outbox', dead)?.status).toBe('pending');
        ports.records.update('x_seam_bridge_outbox', dead, { status: 'dead_letter' });
        replayAllDeadLetters();
        expect(ports.records.get('x_seam_bridge_outbox', dead)?.status).toBe('pending');
    });

    it('never throw into the agent transaction: failures are logged', () => {
        ports.records.get = () => {
            throw new Error('database unavailable');
        };
        expect(() => syncIncidentChange(current('x'))).not.toThrow();
        expect(ports.logs.some((l) => l.includes('failed for x') && l.includes('database unavailable'))).toBe(true);
    });

    it('approval and review rules pass the record on', () => {
        const reviewId = ports.records.seed('x_seam_bridge_triage_review', { status: 'approval_pending', message: JSON.stringify(caseMessage()) });
        applyApprovalDecision(current('ap1', { state: 'approved', source_table: 'x_seam_bridge_triage_review', document_id: reviewId }));
        expect(ports.records.get('x_seam_bridge_triage_review', reviewId)?.status).toBe('approved');
        applyReviewDecision(current(reviewId));
        expect(ports.records.rows('incident')).toHaveLength(1);

        const rec = current('r2', { status: 'pending' });
        approveReview(rec);
        expect(rec.values.status).toBe('approved');
        expect(rec.update).toHaveBeenCalledOnce();
    });
});
