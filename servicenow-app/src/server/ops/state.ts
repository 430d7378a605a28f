/**
 * Operational state the admin sees in one list (x_seam_bridge_ops_state, "Seam Status"): today's
 * Salesforce API usage and the credential's health. One row per name; each alert is raised once,
 * when the state changes, never per message.
 */
import { formatServiceNowDateTime, type ApiUsage, type BudgetMode } from '../generated/seam-core';
import type { Ports, Row } from '../ports';
import { eq } from '../tables';

export const OPS_TABLE = 'x_seam_bridge_ops_state';
const FIELDS = ['name', 'status', 'value', 'detail', 'updated_at'];

export type StateName = 'api_usage' | 'credential' | 'outbox_drain' | 'approvers' | 'triage_drift' | 'sla_risk_sweep' | 'changes_feed';

export interface UsageState extends ApiUsage {
    /** UTC day (YYYY-MM-DD) the usage was read on. */
    readonly day: string;
    readonly mode: BudgetMode;
}

export type CredentialStatus = 'ok' | 'paused';

export interface CredentialState {
    readonly status: CredentialStatus;
    readonly detail: string;
}

type StatePorts = Pick<Ports, 'records' | 'clock'>;

export function readState(ports: Pick<Ports, 'records'>, name: StateName): Row | null {
    const rows = ports.records.find(OPS_TABLE, eq('name', name), { limit: 1, fields: FIELDS });
    return rows.length ? rows[0] : null;
}

export function writeState(ports: StatePorts, name: StateName, values: { status: string; value: string; detail: string }, existing?: Row | null): void {
    const row = existing === undefined ? readState(ports, name) : existing;
    const updatedAt = formatServiceNowDateTime(ports.clock.nowMs());
    if (row) ports.records.update(OPS_TABLE, row.sys_id, { ...values, updated_at: updatedAt });
    else ports.records.insert(OPS_TABLE, { name, ...values, updated_at: updatedAt });
}

/** Today's usage as last reported by Salesforce; null before the first answer of the day. */
export function readUsage(ports: Pick<Ports, 'records'>, today: string): UsageState | null {
    const row = readState(ports, 'api_usage');
    if (!row) return null;
    try {
        const u = JSON.parse(row.value) as UsageState;
        return u && u.day === today && typeof u.used === 'number' && typeof u.max === 'number' ? u : null;
    } catch {
        return null;
    }
}

export function readCredential(ports: Pick<Ports, 'records'>): CredentialState {
    const row = readState(ports, 'credential');
    return row && row.status === 'paused' ? { status: 'paused', detail: row.detail } : { status: 'ok', detail: row ? row.detail : '' };
}
