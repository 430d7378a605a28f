/**
 * Links: the stored form of the shared core's LinkState, one row per Case <-> incident pair.
 * The whole state lives in `state` (JSON); versions, hash and ids are copied into columns so
 * admins can list and filter links.
 */
import { formatServiceNowDateTime, newLink, type LinkState } from './../generated/seam-core';
import type { Ports, Row } from '../ports';
import { TABLE, eq, type SyncState } from '../tables';

export interface StoredLink {
    readonly sysId: string;
    readonly row: Row;
    readonly state: LinkState;
}

function parseState(row: Row): LinkState {
    const fallback = newLink({
        caseId: row.sf_case_id || null,
        incidentSysId: row.incident || null,
        correlationId: row.correlation_id || null,
    });
    if (!row.state) return fallback;
    try {
        const parsed = JSON.parse(row.state) as LinkState;
        return parsed && typeof parsed === 'object' && parsed.versions ? parsed : fallback;
    } catch {
        // A damaged state is rebuilt from the columns: the next sync resends every owned field.
        return fallback;
    }
}

const toStored = (row: Row): StoredLink => ({ sysId: row.sys_id, row, state: parseState(row) });

export function findLinkByCase(ports: Pick<Ports, 'records'>, caseId: string): StoredLink | null {
    const rows = ports.records.find(TABLE.link, eq('sf_case_id', caseId), { limit: 1 });
    return rows.length ? toStored(rows[0]) : null;
}

export function findLinkByIncident(ports: Pick<Ports, 'records'>, incidentSysId: string): StoredLink | null {
    const rows = ports.records.find(TABLE.link, eq('incident', incidentSysId), { limit: 1 });
    return rows.length ? toStored(rows[0]) : null;
}

export interface LinkExtras {
    readonly syncState: SyncState;
    readonly caseNumber?: string;
    readonly lastError?: string;
}

/** Inserts or updates the link row for `state`; returns its sys_id. */
export function saveLink(ports: Pick<Ports, 'records' | 'clock'>, existing: StoredLink | null, state: LinkState, extras: LinkExtras): string {
    const values = {
        sf_case_id: state.caseId ?? '',
        incident: state.incidentSysId ?? '',
        correlation_id: state.correlationId ?? '',
        link_version: state.versions.salesforce,
        sn_version: state.versions.servicenow,
        snapshot_hash: state.snapshotHash,
        state: JSON.stringify(state),
        sync_state: extras.syncState,
        last_error: extras.lastError ?? '',
        last_synced_at: formatServiceNowDateTime(ports.clock.nowMs()),
        ...(extras.caseNumber ? { sf_case_number: extras.caseNumber } : {}),
    };
    if (existing) {
        ports.records.update(TABLE.link, existing.sysId, values);
        return existing.sysId;
    }
    return ports.records.insert(TABLE.link, values);
}

/** The drain's result for one incident's messages in a batch: the last one decides. */
export interface DeliveryOutcome {
    readonly ok: boolean;
    readonly error?: string;
}

/** The key of a delivered outbox row's link: its incident, else (a case with only a problem or an escalation status) its case. */
export function deliveryKey(row: { readonly incident?: string; readonly sf_case_id?: string }): string {
    return row.incident ? row.incident : row.sf_case_id ? `${CASE_KEY}${row.sf_case_id}` : '';
}
const CASE_KEY = 'case:';

/**
 * After a drain batch: the links of the incidents (or, without one, the cases) it carried are
 * `in_sync` (last error cleared) when Salesforce accepted their latest message, `error` with the
 * reason when it did not, so the link never stays `pending` after its message went out. Outcomes
 * are keyed by `deliveryKey`; one query per kind of key for the whole batch.
 */
export function markDelivered(ports: Pick<Ports, 'records' | 'clock'>, outcomes: Readonly<Record<string, DeliveryOutcome>>): void {
    const keys = Object.keys(outcomes).filter((k) => k !== '');
    if (keys.length === 0) return;
    const incidents = keys.filter((k) => k.indexOf(CASE_KEY) !== 0);
    const cases = keys.filter((k) => k.indexOf(CASE_KEY) === 0).map((k) => k.slice(CASE_KEY.length));
    const links: Array<{ row: Row; outcome: DeliveryOutcome | undefined }> = [];
    if (incidents.length) for (const row of ports.records.find(TABLE.link, `incidentIN${incidents.join(',')}`, { fields: ['incident'] })) links.push({ row, outcome: outcomes[row.incident] });
    // Only links without an incident: a case's incident link is marked by its incident's messages.
    if (cases.length) for (const row of ports.records.find(TABLE.link, `sf_case_idIN${cases.join(',')}^incidentISEMPTY`, { fields: ['sf_case_id', 'incident'] })) links.push({ row, outcome: outcomes[`${CASE_KEY}${row.sf_case_id}`] });
    const now = formatServiceNowDateTime(ports.clock.nowMs());
    for (const { row, outcome } of links) {
        if (!outcome) continue;
        ports.records.update(TABLE.link, row.sys_id, outcome.ok
            ? { sync_state: 'in_sync', last_error: '', last_synced_at: now }
            : { sync_state: 'error', last_error: (outcome.error ?? 'delivery failed').slice(0, 4000) });
    }
}
