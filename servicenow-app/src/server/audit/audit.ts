/**
 * The audit: one row per cross-system write (and per proxy call), in either direction, with
 * what changed, who acted, the correlation id, the result and the latency. Audit failures are
 * logged and swallowed: losing an audit row must never undo the write it describes.
 */
import type { Ports } from '../ports';
import { TABLE } from '../tables';

export type AuditDirection = 'inbound' | 'outbound' | 'proxy' | 'config';
export type AuditResult = 'success' | 'failed' | 'duplicate' | 'skipped';

export interface AuditEntry {
    readonly direction: AuditDirection;
    readonly operation: string;
    /** ServiceNow table or Salesforce sObject written. */
    readonly target: string;
    readonly targetId?: string;
    readonly caseId?: string;
    readonly fields?: readonly string[];
    readonly oldValues?: Readonly<Record<string, unknown>>;
    readonly newValues?: Readonly<Record<string, unknown>>;
    readonly correlationId?: string;
    readonly idempotencyKey?: string;
    readonly result: AuditResult;
    readonly httpStatus?: number;
    readonly latencyMs: number;
    readonly detail?: string;
    /** Defaults to the session user. */
    readonly actor?: string;
}

const clip = (s: string, max: number): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
const json = (v: Readonly<Record<string, unknown>> | undefined): string => (v ? clip(JSON.stringify(v), 8000) : '');

export function recordAudit(ports: Pick<Ports, 'records' | 'session' | 'log'>, entry: AuditEntry): void {
    try {
        ports.records.insert(TABLE.audit, {
            direction: entry.direction,
            operation: clip(entry.operation, 80),
            target_table: clip(entry.target, 80),
            target_id: entry.targetId ?? '',
            sf_case_id: entry.caseId ?? '',
            fields: clip((entry.fields ?? []).join(','), 1000),
            old_values: json(entry.oldValues),
            new_values: json(entry.newValues),
            actor: clip(entry.actor ?? ports.session.userName(), 100),
            correlation_id: entry.correlationId ?? '',
            idempotency_key: entry.idempotencyKey ?? '',
            result: entry.result,
            http_status: entry.httpStatus ?? null,
            latency_ms: Math.max(0, Math.round(entry.latencyMs)),
            detail: clip(entry.detail ?? '', 4000),
        });
    } catch (e) {
        ports.log.error(`Seam audit: could not write the audit row for ${entry.operation} (${String(e)}); the write itself stands.`);
    }
}

/** Runs `write`, timing it, and audits the outcome; rethrows what `write` throws. */
export function audited<T>(
    ports: Pick<Ports, 'records' | 'session' | 'log' | 'clock'>,
    base: Omit<AuditEntry, 'result' | 'latencyMs'>,
    write: () => T,
    describe: (value: T) => Partial<Pick<AuditEntry, 'result' | 'httpStatus' | 'detail' | 'targetId' | 'newValues'>> = () => ({}),
): T {
    const started = ports.clock.nowMs();
    try {
        const value = write();
        recordAudit(ports, { ...base, result: 'success', latencyMs: ports.clock.nowMs() - started, ...describe(value) });
        return value;
    } catch (e) {
        recordAudit(ports, { ...base, result: 'failed', latencyMs: ports.clock.nowMs() - started, detail: String(e) });
        throw e;
    }
}
