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
