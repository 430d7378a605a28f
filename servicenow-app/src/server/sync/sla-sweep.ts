/**
 * The SLA-risk re-assess sweep (scheduled, src/fluent/scheduled-jobs/sla-risk-sweep.now.ts). The
 * change rule assesses an incident when a field the model reads changes; an open linked incident
 * nobody touches would keep its first prediction while its clock runs. The sweep asks again for
 * those not updated for `slaRiskSweepStaleMinutes`, oldest first, at most `slaRiskSweepBatch` per
 * run, through the same `assessSlaRisk` (one work note per upward crossing; the incident field
 * reaches the Case through the outbound rule and the outbox). Its place is kept in Seam Status
 * (x_seam_bridge_ops_state, name `sla_risk_sweep`), so the next run continues from there.
 */
import { nextSlaSweepCursor, slaSweepQuery } from '../generated/seam-core';
import type { Settings } from '../config';
import { readState, writeState } from '../ops/state';
import type { Ports } from '../ports';
import { TABLE } from '../tables';
import { assessSlaRisk, SLA_READ_FIELDS } from './sla-risk';

export interface SlaSweepSummary {
    readonly status: 'disabled' | 'swept';
    readonly checked: number;
    /** Predictions written (the incident field, and so the Case, changed). */
    readonly updated: number;
    /** Work notes added: upward crossings of the alert threshold. */
    readonly alerts: number;
    readonly unchanged: number;
    /** Proxy failures and invalid incidents: left as they were, retried on a later run. */
    readonly failed: number;
    /** Where the next run starts ('' = the oldest). */
    readonly cursor: string;
}

type SweepSettings = Pick<Settings, 'slaRiskEnabled' | 'slaRiskThreshold' | 'proxyUrl' | 'proxyApiKey' | 'slaRiskSweepStaleMinutes' | 'slaRiskSweepBatch'>;

export function sweepSlaRisk(ports: Ports, settings: SweepSettings): SlaSweepSummary {
    const empty = { checked: 0, updated: 0, alerts: 0, unchanged: 0, failed: 0 };
    if (!settings.slaRiskEnabled) return { status: 'disabled', ...empty, cursor: '' };
    const nowMs = ports.clock.nowMs();
    const state = readState(ports, 'sla_risk_sweep');
    let cursor = '';
    try {
        cursor = state ? String((JSON.parse(state.value || '{}') as { cursor?: unknown }).cursor ?? '') : '';
    } catch {
        cursor = '';
    }
    const rows = ports.records.find(TABLE.incident, slaSweepQuery(nowMs, settings.slaRiskSweepStaleMinutes, cursor), {
        limit: settings.slaRiskSweepBatch,
        orderBy: 'sys_updated_on',
        fields: [...SLA_READ_FIELDS, 'sys_updated_on'],
    });
    const counts = { ...empty };
    const errors: string[] = [];
    for (const row of rows) {
        counts.checked += 1;
        const outcome = assessSlaRisk(ports, settings, row, { nowMs });
        if (outcome.status === 'updated') {
            counts.updated += 1;
            if (outcome.alert) counts.alerts += 1;
        } else if (outcome.status === 'unchanged') counts.unchanged += 1;
        else if (outcome.status === 'invalid' || outcome.status === 'proxy_failed') {
            counts.failed += 1;
            if (errors.length < 3) errors.push(`${row.number}: ${outcome.error}`);
        }
    }
    const next = nextSlaSweepCursor(rows.map((r) => r.sys_updated_on), settings.slaRiskSweepBatch);
    const detail = counts.failed
        ? `${counts.failed} of ${counts.checked} incident(s) could not be re-assessed (they are tried again on a later run): ${errors.join('; ')}`.slice(0, 4000)
        : '';
    writeState(ports, 'sla_risk_sweep', { status: counts.failed ? 'failing' : 'ok', value: JSON.stringify({ cursor: next, ...counts, at: nowMs }), detail }, state);
    return { status: 'swept', ...counts, cursor: next };
}
