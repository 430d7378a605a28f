/**
 * SLA-breach risk on the seam: what ServiceNow asks the proxy for an open incident, how the
 * prediction is written (one text on the incident, copied to the Case through the ownership map),
 * when a work note is added (once per upward crossing of the alert threshold), and how the panel
 * reads it back. Every text says it is a prediction.
 */
import { idempotencyKey } from './idempotency';
import { formatIso, formatServiceNowDateTime, parseDateTime } from './transforms';
import type { SlaRiskBand, SlaRiskRequest } from './schemas';
import { SLA_RISK_BANDS } from './schemas';
import type { Result } from './types';

/** The label every human-facing SLA-risk text carries. */
export const SLA_RISK_LABEL = 'predicted';

/** Below threshold − this, a high risk counts as gone and a later crossing alerts again (no flapping). */
export const SLA_RISK_REARM_MARGIN = 0.05;

/**
 * The request for an incident row as Glide reads it (every value text). `not_open` when the
 * incident is resolved, closed or canceled: nothing to predict.
 */
export function slaRiskRequestFor(
  incident: Readonly<Record<string, string>>,
  nowMs: number,
  ids: { readonly idempotencyKey: string; readonly correlationId: string },
  assignmentGroupName?: string,
): Result<SlaRiskRequest, string> {
  const state = Number(incident['state']);
  if (state !== 1 && state !== 2 && state !== 3) return { ok: false, error: `not_open: state ${incident['state'] || '(empty)'} is not New, In Progress or On Hold` };
  const opened = parseDateTime(incident['opened_at'] || incident['sys_created_on'], 'incident.opened_at');
  if (!opened.ok) return { ok: false, error: `incident.opened_at: ${opened.error.problem}; ${opened.error.fix}` };
  const priority = Number(incident['priority']);
  if (!(priority >= 1 && priority <= 5 && Number.isInteger(priority))) return { ok: false, error: `incident.priority "${incident['priority']}" is not 1..5; fix the incident's priority` };
  const int = (f: string): number => {
    const n = Number(incident[f]);
    return Number.isInteger(n) && n >= 0 ? n : 0;
  };
  const opt = (f: string, max: number): number | undefined => {
    const n = Number(incident[f]);
    return Number.isInteger(n) && n >= 1 && n <= max ? n : undefined;
  };
  const urgency = opt('urgency', 3);
  const impact = opt('impact', 3);
  const category = (incident['category'] ?? '').slice(0, 100);
  const group = (assignmentGroupName ?? '').slice(0, 100);
  return {
    ok: true,
    value: {
      idempotencyKey: ids.idempotencyKey,
      correlationId: ids.correlationId,
      incidentNumber: incident['number'] ?? '',
      priority,
      ...(urgency !== undefined ? { urgency } : {}),
      ...(impact !== undefined ? { impact } : {}),
      state,
      ...(category ? { category } : {}),
      ...(group ? { assignmentGroup: group } : {}),
      reassignmentCount: int('reassignment_count'),
      reopenCount: int('reopen_count'),
      updateCount: int('sys_mod_count'),
      openedAt: formatIso(opened.value),
      asOf: formatIso(Math.max(nowMs, opened.value)),
    },
  };
}

/** The incident field and Case field value: `72% high (predicted)`. */
export function formatSlaRisk(risk: number, band: SlaRiskBand): string {
  const pct = Math.round(Math.min(1, Math.max(0, risk)) * 100);
  return `${pct}% ${band} (${SLA_RISK_LABEL})`;
}

export interface SlaRiskView {
  readonly percent: number;
  readonly band: SlaRiskBand;
  /** What the panel's badge says, e.g. "Predicted SLA risk: 72% (high)". */
  readonly text: string;
}

/** Reads `formatSlaRisk`'s text back; null for empty or foreign values. */
export function slaRiskView(value: string | null | undefined): SlaRiskView | null {
  const m = /^(\d{1,3})% (low|medium|high) \(predicted\)$/.exec((value ?? '').trim());
  if (!m) return null;
  const percent = Math.min(100, Number(m[1]));
  const band = m[2] as SlaRiskBand;
  if (SLA_RISK_BANDS.indexOf(band) < 0) return null;
  return { percent, band, text: `Predicted SLA risk: ${percent}% (${band})` };
}

export interface SlaAlertDecision {
  /** Add the work note now. */
  readonly alert: boolean;
  /** The incident's new "alerted" flag. */
  readonly alerted: boolean;
}

/**
 * Once per crossing: alert when the risk reaches the threshold and the incident is not already
 * alerted; the flag clears only when the risk falls below threshold − `SLA_RISK_REARM_MARGIN`.
 */
export function decideSlaAlert(risk: number, threshold: number, alreadyAlerted: boolean): SlaAlertDecision {
  if (risk >= threshold) return { alert: !alreadyAlerted, alerted: true };
  if (alreadyAlerted && risk >= threshold - SLA_RISK_REARM_MARGIN) return { alert: false, alerted: true };
  return { alert: false, alerted: false };
}

/** The work note: labelled as a prediction, with what it is based on and what to do. */
export function slaRiskWorkNote(incidentNumber: string, risk: number, band: SlaRiskBand, threshold: number, model: string): string {
  const pct = Math.round(risk * 100);
  return (
    `[Seam prediction — not a measurement] ${incidentNumber} is predicted to miss its SLA: risk ${pct}% (${band}), ` +
    `alert threshold ${Math.round(threshold * 100)}%. Based on priority, state, time open, reassignments and the history of ` +
    `similar incidents (model: ${model}). Check the SLA and the assignment; the Case shows the same prediction.`
  );
}

// ---- the re-assess sweep ------------------------------------------------------------------
// A linked open incident nobody touches is never re-assessed by the change rule, yet its risk
// grows as its clock runs. A scheduled sweep re-assesses those untouched for a while, oldest
// first, a bounded batch per run, continuing where the last run stopped.

/** The sweep assesses "as of" its run's minute, so a replayed run sends the same request (the proxy answers it from its cache). */
export function slaSweepAsOf(nowMs: number): number {
  return Math.floor(nowMs / 60000) * 60000;
}

/** The change rule's key for this version, plus the minute the sweep assessed it: one assessment per incident version per minute. */
export function slaSweepIdempotencyKey(sysId: string, version: number, asOfMs: number): string {
  return `${idempotencyKey('servicenow', sysId, version, 'sla-risk')}@${formatIso(slaSweepAsOf(asOfMs))}`;
}

/**
 * Open linked incidents not updated for `staleMinutes` (0: any), from the cursor (a
 * `sys_updated_on`; '' = from the oldest). The caller orders by `sys_updated_on`.
 */
export function slaSweepQuery(nowMs: number, staleMinutes: number, cursor: string): string {
  const cutoff = formatServiceNowDateTime(nowMs - staleMinutes * 60000);
  return `x_seam_bridge_sf_case_idISNOTEMPTY^stateIN1,2,3^sys_updated_on<=${cutoff}${cursor ? `^sys_updated_on>=${cursor}` : ''}`;
}

/**
 * Where the next run starts. A batch shorter than the limit reached the end: start again from
 * the oldest. A full batch: from its last row's time (rows of that second are seen again, none
 * skipped), or one second later when the whole batch shares that second, so the sweep moves on.
 */
export function nextSlaSweepCursor(updatedOn: readonly string[], limit: number): string {
  if (updatedOn.length < limit || updatedOn.length === 0) return '';
  const last = updatedOn[updatedOn.length - 1] as string;
  if (updatedOn[0] !== last) return last;
  const t = parseDateTime(last, 'sys_updated_on');
  return t.ok ? formatServiceNowDateTime(t.value + 1000) : '';
}
