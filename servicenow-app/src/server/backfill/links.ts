/**
 * POST /v1/backfill/links: the backfill command's writes for up to 200 existing pairs in one call
 * (scripts/backfill.mjs decides, with the shared core, what each pair needs). Only what a link
 * needs may be written: link columns, and on the incident the copies of Salesforce-owned fields
 * plus its correlation id. Runs as the integration user, so the incident rule sees the writes as
 * Seam's own, and the link's snapshot (written first) makes them no news.
 */
import { OWNERSHIP } from '../generated/seam-core';
import { badRequest, unavailable, type ApiRequest, type ApiResponse } from '../api/http';
import type { Settings } from '../config';
import type { Ports, RowValues } from '../ports';
import { TABLE, eq } from '../tables';
import { TABLE_FIELDS } from '../fields';

export const MAX_PAIRS = 200;

const LINK_COLUMNS = new Set(TABLE_FIELDS[TABLE.link]);
/** Incident fields the backfill may write: Salesforce-owned copies and the correlation id. */
const INCIDENT_WRITABLE = new Set<string>([
    'x_seam_bridge_correlation_id',
    ...OWNERSHIP.filter((m) => m.owner === 'salesforce' && m.servicenow.table === 'incident' && m.salesforce !== null).map((m) => m.servicenow.field),
]);

export interface BackfillPair {
    readonly caseId: string;
    readonly incidentSysId: string;
    /** Link row values to insert (no linkSysId) or update (linkSysId). */
    readonly link?: Readonly<Record<string, string | number | boolean | null>> | null;
    readonly linkSysId?: string | null;
    readonly incident?: Readonly<Record<string, string | number | boolean | null>>;
}

export interface BackfillPairResult {
    readonly caseId: string;
    readonly status: 'ok' | 'error';
    readonly linkSysId?: string;
    readonly linkCreated?: boolean;
    readonly incidentUpdated?: boolean;
    readonly detail?: string;
}

type Problem = { field: string; problem: string; fix: string };

function check(body: unknown): Problem[] {
    const pairs = (body as { pairs?: unknown } | null)?.pairs;
    if (!Array.isArray(pairs) || pairs.length < 1 || pairs.length > MAX_PAIRS) {
        return [{ field: 'pairs', problem: `must be an array of 1..${MAX_PAIRS} pairs`, fix: 'send { "pairs": [ { caseId, incidentSysId, link?, linkSysId?, incident? } ] }' }];
    }
    const problems: Problem[] = [];
    pairs.forEach((raw: unknown, i) => {
        const p = (raw ?? {}) as Record<string, unknown>;
        if (typeof p.caseId !== 'string' || !p.caseId) problems.push({ field: `pairs[${i}].caseId`, problem: 'is missing', fix: 'send the 18-character Case id' });
        if (typeof p.incidentSysId !== 'string' || !/^[0-9a-f]{32}$/.test(p.incidentSysId)) problems.push({ field: `pairs[${i}].incidentSysId`, problem: 'is not a sys_id', fix: 'send the incident sys_id (32 hex)' });
        for (const [what, allowed, obj] of [['link', LINK_COLUMNS, p.link], ['incident', INCIDENT_WRITABLE, p.incident]] as const) {
            if (obj === undefined || obj === null) continue;
            if (typeof obj !== 'object' || Array.isArray(obj)) {
                problems.push({ field: `pairs[${i}].${what}`, problem: 'is not an object', fix: 'send field values by name' });
                continue;
            }
            for (const k of Object.keys(obj)) {
                if (!allowed.has(k)) problems.push({ field: `pairs[${i}].${what}.${k}`, problem: 'may not be written by the backfill', fix: `write only ${Array.from(allowed).join(', ')}` });
            }
        }
    });
    return problems;
}

export function postBackfillLinks(ports: Ports, settings: Pick<Settings, 'inboundEnabled'>, request: ApiRequest): ApiResponse {
    if (!settings.inboundEnabled) return unavailable();
    let body: unknown;
    try {
        body = JSON.parse(request.bodyText);
    } catch {
        return badRequest('The body is not valid JSON', 'nothing was written', [{ field: 'body', problem: 'is not JSON', fix: 'send { "pairs": [ … ] } as application/json' }]);
    }
    const problems = check(body);
    if (problems.length) return badRequest('The backfill batch breaks the contract', 'nothing was written', problems);
    const results = (body as { pairs: BackfillPair[] }).pairs.map((p) => applyPair(ports, p));
    return { status: 200, body: { results } };
}

function applyPair(ports: Ports, p: BackfillPair): BackfillPairResult {
    try {
        if (!ports.records.get(TABLE.incident, p.incidentSysId, ['sys_id'])) return { caseId: p.caseId, status: 'error', detail: `incident ${p.incidentSysId} does not exist` };
        let linkSysId = p.linkSysId ?? '';
        let linkCreated = false;
        if (p.link && linkSysId) {
            ports.records.update(TABLE.link, linkSysId, p.link as RowValues);
        } else if (p.link) {
            // A second run (or a replayed call) finds the link made by the first: never a duplicate.
            const existing = ports.records.find(TABLE.link, eq('sf_case_id', p.caseId), { limit: 1, fields: ['sys_id', 'incident'] });
            if (existing.length && existing[0].incident !== p.incidentSysId) {
                return { caseId: p.caseId, status: 'error', detail: `Case ${p.caseId} is already linked to incident ${existing[0].incident}` };
            }
            if (existing.length) linkSysId = existing[0].sys_id;
            else {
                linkSysId = ports.records.insert(TABLE.link, p.link as RowValues);
                linkCreated = true;
            }
        }
        const incidentUpdated = Boolean(p.incident && Object.keys(p.incident).length);
        if (incidentUpdated) ports.records.update(TABLE.incident, p.incidentSysId, p.incident as RowValues);
        return { caseId: p.caseId, status: 'ok', linkSysId, linkCreated, incidentUpdated };
    } catch (e) {
        return { caseId: p.caseId, status: 'error', detail: String(e) };
    }
}
