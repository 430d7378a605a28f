/**
 * The drift reconciliation sweep. A run walks the active links in sys_id order, 200 at a time:
 * one GlideRecord query for the incidents (and one for the cases' problems), ONE SOQL query for
 * the cases, the shared drift decision per link, and repairs in the owner's direction through the
 * normal paths (an Incident_Update__e in the outbox, one per drifted ServiceNow record; an
 * audited write to the incident). A case escalated without an incident has a link with only a
 * problem: it is swept too. A run keeps its cursor
 * and counts in x_seam_bridge_reconcile_run, so it shows progress and continues on the next
 * job tick when its batch budget (or the API budget guard) stops it.
 */
import {
    budgetFor,
    chunk,
    decideDrift,
    formatIso,
    formatServiceNowDateTime,
    messageId,
    reconcileQuery,
    toIncidentUpdateEvent,
    usageDay,
    RECONCILE_CHUNK,
    type DriftField,
    type FieldValue,
    type OutboundDecision,
} from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import { query } from '../clients/salesforce';
import type { Settings } from '../config';
import { INCIDENT_FIELDS, PROBLEM_FIELDS } from '../fields';
import { readCredential, readUsage } from '../ops/state';
import type { OpsSettings } from '../ops/settings';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { saveLink, type StoredLink } from '../sync/link';
import { INCIDENT_DISPLAY_FIELDS } from '../sync/outbound';
import { TABLE } from '../tables';

export const RUN_TABLE = 'x_seam_bridge_reconcile_run';

export type RunState = 'queued' | 'running' | 'throttled' | 'done' | 'failed';

const COUNTS = ['links_checked', 'drift_found', 'repaired_to_salesforce', 'repaired_to_servicenow', 'in_flight', 'missing_cases', 'soql_calls', 'problems'] as const;
type Count = (typeof COUNTS)[number];
export type RunCounts = Record<Count, number>;
export const RUN_FIELDS = ['state', 'trigger', 'requested_by', 'started_at', 'finished_at', 'cursor', 'detail', ...COUNTS];

/** `salesforceDelivery`: a repair is an Incident_Update__e like any other, pushed or pulled (poll). */
type SweepSettings = Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion' | 'syncEnabled'> & Partial<Pick<Settings, 'salesforceDelivery'>>;

export interface TickResult {
    readonly runId: string;
    readonly state: RunState;
    readonly batches: number;
    readonly counts: RunCounts;
    readonly detail: string;
}

/** Starts a run (by hand or by the schedule) unless one is already queued or under way. */
export function startRun(ports: Pick<Ports, 'records' | 'session' | 'clock'>, trigger: 'manual' | 'schedule'): { runId: string; created: boolean } {
    const active = activeRun(ports);
    if (active) return { runId: active.sys_id, created: false };
    const runId = ports.records.insert(RUN_TABLE, {
        state: 'queued',
        trigger,
        requested_by: ports.session.userName(),
        started_at: formatServiceNowDateTime(ports.clock.nowMs()),
        cursor: '',
        detail: '',
        ...Object.fromEntries(COUNTS.map((c) => [c, 0])),
    });
    return { runId, created: true };
}

export function activeRun(ports: Pick<Ports, 'records'>): Row | null {
    const rows = ports.records.find(RUN_TABLE, 'stateINqueued,running,throttled', { orderBy: 'started_at', limit: 1, fields: RUN_FIELDS });
    return rows.length ? rows[0] : null;
}

/** How far back `lastRun` looks (runs are at least 5 minutes apart: a bounded read). */
export const LAST_RUN_LOOKBACK_DAYS = 8;

/** The most recent run started within the lookback, or null. */
export function lastRun(ports: Pick<Ports, 'records' | 'clock'>): Row | null {
    const since = formatServiceNowDateTime(ports.clock.nowMs() - LAST_RUN_LOOKBACK_DAYS * 86400000);
    const rows = ports.records.find(RUN_TABLE, `started_at>=${since}`, { orderBy: 'started_at', fields: RUN_FIELDS });
    let last: Row | null = null;
    for (const r of rows) if (!last || r.started_at >= last.started_at) last = r;
    return last;
}

/** Whether a scheduled run is due: none started in the last `intervalMinutes`. */
export function runDue(ports: Pick<Ports, 'records' | 'clock'>, intervalMinutes: number): boolean {
    const since = formatServiceNowDateTime(ports.clock.nowMs() - intervalMinutes * 60000);
    return ports.records.find(RUN_TABLE, `started_at>${since}`, { limit: 1, fields: ['started_at'] }).length === 0;
}

const countsOf = (row: Row): RunCounts => Object.fromEntries(COUNTS.map((c) => [c, Number(row[c] || '0')])) as RunCounts;

/** The link query of a run: active pairs (a case with an incident or a problem), after the cursor, within the window. */
export function linkQuery(cursor: string, windowDays: number, nowMs: number): string {
    // ^OR binds to its neighbour only: (incident OR problem) AND case.
    const parts = ['incidentISNOTEMPTY^ORproblemISNOTEMPTY', 'sf_case_idISNOTEMPTY'];
    if (cursor) parts.push(`sys_id>${cursor}`);
    if (windowDays > 0) parts.push(`last_synced_at>=${formatServiceNowDateTime(nowMs - windowDays * 86400000)}`);
    return parts.join('^');
}

/** SOQL answers relationship fields as nested objects; the decision reads `Account.Field` paths. */
function flatten(record: Record<string, unknown>, prefix = '', out: Record<string, FieldValue> = {}): Record<string, FieldValue> {
    for (const k of Object.keys(record)) {
        if (k === 'attributes') continue;
        const v = record[k];
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(v as Record<string, unknown>, `${prefix}${k}.`, out);
        else out[`${prefix}${k}`] = v === undefined ? null : (v as FieldValue);
    }
    return out;
}

/** Case ids compare on their first 15 characters (the 18-character form adds a checksum). */
const id15 = (id: string): string => id.slice(0, 15);

function parseLink(row: Row): StoredLink | null {
    try {
        const state = JSON.parse(row.state) as StoredLink['state'];
        return state && state.versions ? { sysId: row.sys_id, row, state } : null;
    } catch {
        return null;
    }
}

/**
 * One job tick of the active run (or of `runId`): up to `reconcileBatchesPerRun` batches, fewer
 * when the API budget guard slows or stops bulk traffic.
 */
export function runTick(ports: Ports, settings: SweepSettings, ops: OpsSettings, runId?: string): TickResult | null {
    const run = runId ? ports.records.get(RUN_TABLE, runId, RUN_FIELDS) : activeRun(ports);
    if (!run) return null;
    const counts = countsOf(run);
    let cursor = run.cursor;
    let batches = 0;
    const save = (state: RunState, detail: string): TickResult => {
        ports.records.update(RUN_TABLE, run.sys_id, {
            state,
            cursor,
            detail: detail.slice(0, 1000),
            ...counts,
            ...(state === 'done' || state === 'failed' ? { finished_at: formatServiceNowDateTime(ports.clock.nowMs()) } : {}),
        });
        return { runId: run.sys_id, state, batches, counts, detail };
    };
    if (run.state === 'done' || run.state === 'failed') return { runId: run.sys_id, state: run.state as RunState, batches, counts, detail: run.detail };
    if (!settings.syncEnabled) return save('throttled', 'x_seam_bridge.sync.enabled is false: the sweep waits');
    if (!settings.salesforceUrl) return save('failed', 'x_seam_bridge.salesforce.instance_url is empty: set it to the Salesforce My Domain URL');

    const day = usageDay(ports.clock.nowMs());
    if (readCredential(ports).status === 'paused') return save('throttled', 'the Salesforce credential is refused (see Seam Status); the run continues once the outbox probe succeeds');
    const allowed = budgetFor(readUsage(ports, day), ops.budget, 'bulk', ops.reconcileBatchesPerRun);
    if (allowed.calls === 0) return save('throttled', `API budget: ${allowed.reason}; the run continues when usage allows`);

    let limit = allowed.calls;
    let last = allowed;
    for (;;) {
        // Usage moves with every call (ours and everyone's): ask again before each query.
        last = budgetFor(readUsage(ports, day), ops.budget, 'bulk', ops.reconcileBatchesPerRun);
        limit = Math.min(limit, last.calls);
        if (batches >= limit) break;
        const links = ports.records.find(TABLE.link, linkQuery(cursor, ops.reconcileWindowDays, ports.clock.nowMs()), {
            orderBy: 'sys_id',
            limit: RECONCILE_CHUNK,
            fields: ['sf_case_id', 'incident', 'problem', 'correlation_id', 'state', 'sync_state'],
        });
        if (links.length === 0) return save('done', describe(counts));
        const outcome = sweepBatch(ports, settings, links, counts);
        batches += 1;
        if (outcome !== null) {
            // A refused query (400: a field the org lacks, a malformed id) fails the same way every
            // time: stop and say so instead of spending a call per tick on it.
            if (outcome.status === 400) return save('failed', `Salesforce refused the sweep query (${outcome.error}); fix: install the package version that has every mapped Case field, then start a new run`);
            return save('throttled', `Salesforce query failed (${outcome.error}); the run continues on the next tick`);
        }
        cursor = links[links.length - 1].sys_id;
        if (links.length < RECONCILE_CHUNK) return save('done', describe(counts));
    }
    if (last.mode !== 'normal') return save('throttled', `API budget: ${last.reason}; the run continues when usage allows`);
    return save('running', `continues on the next tick after ${cursor}`);
}

const describe = (c: RunCounts): string =>
    `checked ${c.links_checked} link(s) with ${c.soql_calls} SOQL call(s): ${c.drift_found} drifted field(s), ` +
    `${c.repaired_to_salesforce} link(s) queued to Salesforce, ${c.repaired_to_servicenow} incident(s) repaired, ${c.in_flight} left in flight, ${c.missing_cases} case(s) missing`;

/** One batch of ≤200 links; returns the query failure, or null. */
function sweepBatch(ports: Ports, settings: SweepSettings, links: readonly Row[], counts: RunCounts): { status: number; error: string } | null {
    const caseIds = links.map((l) => l.sf_case_id);
    const started = ports.clock.nowMs();
    const answer = query(ports.http, settings, reconcileQuery(caseIds));
    counts.soql_calls += 1;
    if (!answer.ok) return { status: answer.status, error: answer.error };
    const cases = new Map<string, Record<string, FieldValue>>();
    for (const r of answer.records) {
        const flat = flatten(r);
        if (typeof flat.Id === 'string') cases.set(id15(flat.Id), flat);
    }
    const incidentIds = links.map((l) => l.incident).filter((id) => !!id);
    const incidents = new Map<string, Row>();
    for (const chunkIds of chunk(incidentIds, RECONCILE_CHUNK)) {
        for (const row of ports.records.find(TABLE.incident, `sys_idIN${chunkIds.join(',')}`, { fields: INCIDENT_FIELDS, displayValues: INCIDENT_DISPLAY_FIELDS })) incidents.set(row.sys_id, row);
    }
    const problemIds = links.map((l) => l.problem).filter((id) => !!id);
    const problems = new Map<string, Row>();
    for (const chunkIds of chunk(problemIds, RECONCILE_CHUNK)) {
        for (const row of ports.records.find(TABLE.problem, `sys_idIN${chunkIds.join(',')}`, { fields: PROBLEM_FIELDS })) problems.set(row.sys_id, row);
    }
    // A problem's message of a case without an incident has no incident on its outbox row: look by case too.
    const pending = new Set<string>();
    // awaiting_pull: with delivery poll, Salesforce has not pulled the update yet. Only updates carry
    // fields: a queued comment, task, notice, file or chat post says nothing about the Case's copies.
    const inFlightQuery = `kind=incident_update^statusINpending,failed,held,awaiting_pull^${incidentIds.length ? `incidentIN${incidentIds.join(',')}^OR` : ''}sf_case_idIN${caseIds.join(',')}`;
    for (const row of ports.records.find(TABLE.outbox, inFlightQuery, { fields: ['incident', 'sf_case_id'] })) {
        if (row.incident) pending.add(row.incident);
        if (row.sf_case_id) pending.add(id15(row.sf_case_id));
    }

    for (const row of links) {
        counts.links_checked += 1;
        const link = parseLink(row);
        // A problem-only link has no incident: only its problem's fields are compared.
        const incident = row.incident ? incidents.get(row.incident) : ({ sys_id: '' } as Row);
        const problem = row.problem ? problems.get(row.problem) : undefined;
        const kase = cases.get(id15(row.sf_case_id));
        if (!link || !incident || !kase) {
            counts.missing_cases += kase ? 0 : 1;
            recordAudit(ports, {
                direction: 'inbound', operation: 'reconcile:skipped', target: TABLE.link, targetId: row.sys_id, caseId: row.sf_case_id,
                result: 'skipped', latencyMs: 0,
                detail: !kase ? 'the case is not in Salesforce (deleted, or not visible to the integration user)' : !incident ? 'the incident no longer exists' : 'the link state is damaged; the next sync rebuilds it',
            });
            continue;
        }
        const d = decideDrift({
            link: link.state,
            incident: row.incident ? incident : {},
            ...(problem ? { problem } : {}),
            caseRecord: kase,
            outboxPending: (!!row.incident && pending.has(row.incident)) || pending.has(id15(row.sf_case_id)),
        });
        counts.in_flight += d.inFlight.length;
        counts.problems += d.problems.length;
        if (d.drift.length === 0) continue;
        counts.drift_found += d.drift.length;
        repairLink(ports, settings, link, incident, problem ?? null, d, started);
        if (Object.keys(d.incidentWrites).length) counts.repaired_to_servicenow += 1;
        if (d.outbound || d.problemOutbound) counts.repaired_to_salesforce += 1;
    }
    return null;
}

const byOwner = (drift: readonly DriftField[], owner: 'salesforce' | 'servicenow'): DriftField[] => drift.filter((f) => f.owner === owner);

function repairLink(ports: Ports, settings: SweepSettings, link: StoredLink, incident: Row, problem: Row | null, d: ReturnType<typeof decideDrift>, started: number): void {
    const caseId = link.state.caseId ?? link.row.sf_case_id;
    const correlationId = link.state.correlationId ?? link.row.correlation_id;
    const fromSf = byOwner(d.drift, 'salesforce');
    if (fromSf.length) {
        ports.records.update(TABLE.incident, incident.sys_id, d.incidentWrites);
        recordAudit(ports, {
            direction: 'inbound', operation: 'reconcile:repair_incident', target: TABLE.incident, targetId: incident.sys_id, caseId,
            fields: fromSf.map((f) => f.field),
            oldValues: Object.fromEntries(fromSf.map((f) => [f.field, f.actual])),
            newValues: Object.fromEntries(fromSf.map((f) => [f.field, f.expected])),
            correlationId, result: 'success', latencyMs: ports.clock.nowMs() - started,
            detail: `drift repaired from Salesforce: ${fromSf.map((f) => `${f.label} (${f.cause})`).join(', ')}`,
        });
    }
    const toSf = byOwner(d.drift, 'servicenow');
    const queueRepair = (outbound: OutboundDecision | null, fields: readonly DriftField[], what: string): void => {
        if (!outbound || !outbound.idempotencyKey || fields.length === 0) return;
        const key = outbound.idempotencyKey;
        const event = toIncidentUpdateEvent(outbound, { messageId: messageId(key), caseId, incidentSysId: incident.sys_id, correlationId, sentAt: formatIso(ports.clock.nowMs()) });
        if (!event) return;
        const queued = enqueue(ports, { kind: 'incident_update', idempotencyKey: key, record: { attributes: { type: 'Incident_Update__e' }, ...event }, incidentSysId: incident.sys_id, caseId, correlationId, pull: settings.salesforceDelivery === 'poll' });
        recordAudit(ports, {
            direction: 'outbound', operation: 'reconcile:queue_repair', target: 'Incident_Update__e', caseId,
            fields: fields.map((f) => f.field),
            oldValues: Object.fromEntries(fields.map((f) => [f.field, f.actual])),
            newValues: outbound.peerValues,
            correlationId, idempotencyKey: key, result: queued.status === 'queued' ? 'success' : 'duplicate', latencyMs: ports.clock.nowMs() - started,
            detail: `drift repaired from ServiceNow${what}: ${fields.map((f) => `${f.label} (${f.cause})`).join(', ')}`,
        });
    };
    queueRepair(d.outbound, toSf.filter((f) => f.table === 'incident'), incident.number ? ` (incident ${incident.number})` : '');
    queueRepair(d.problemOutbound, toSf.filter((f) => f.table === 'problem'), problem ? ` (problem ${problem.number || problem.sys_id})` : '');
    // Like the outbound rule: pending until Salesforce accepts the repair (the drain marks it in_sync).
    saveLink(ports, link, d.link, { syncState: d.outbound || d.problemOutbound ? 'pending' : 'in_sync' });
}
