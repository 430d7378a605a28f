/**
 * Weekly accuracy reviews: sample the cases Seam routed in the past 7 days (reproducibly: the shared
 * `sampleForReview` seeded with the ISO week) into Seam Accuracy Reviews; reviewers mark each
 * right or wrong; `weeklyAccuracy` gives the accuracy per week with its Wilson interval.
 */
import { formatServiceNowDateTime, isoWeek, sampleForReview, triageOutcomeOf, weeklyAccuracy, type WeeklyAccuracy } from '../generated/seam-core';
import type { Ports } from '../ports';
import { TABLE } from '../tables';

export const ACCURACY_TABLE = 'x_seam_bridge_accuracy_review';
const WEEK_MS = 7 * 86_400_000;

/** Returns how many cases were added for this week. */
export function sampleAccuracyReviews(ports: Pick<Ports, 'records' | 'clock'>, size: number): { week: string; added: number } {
    const now = ports.clock.nowMs();
    const week = isoWeek(now);
    const from = formatServiceNowDateTime(now - WEEK_MS);
    const created = ports.records.find(TABLE.audit, `operation=case:create_incident^result=success^sys_created_on>=${from}`, { limit: 20000, fields: ['sf_case_id', 'target_id'] });
    const incidentOf = new Map(created.filter((r) => r.sf_case_id).map((r) => [r.sf_case_id, r.target_id]));
    const already = ports.records.find(ACCURACY_TABLE, `week=${week}`, { limit: 20000, fields: ['sf_case_id'] }).map((r) => r.sf_case_id);
    const picked = sampleForReview(Array.from(incidentOf.keys()), Math.max(0, size - already.length), week, already);
    for (const caseId of picked) {
        const triage = ports.records.find(TABLE.audit, `direction=proxy^operation=/v1/triage^result=success^sf_case_id=${caseId}`, { limit: 1, fields: ['new_values'] });
        const t = triage.length ? triageOutcomeOf({ newValues: triage[0].new_values }) : null;
        ports.records.insert(ACCURACY_TABLE, {
            week,
            sf_case_id: caseId,
            incident: incidentOf.get(caseId) ?? '',
            route: t ? t.route : '',
            category: t ? t.category : '',
            confidence: t ? t.confidence : null,
            verdict: 'pending',
            sampled_at: formatServiceNowDateTime(now),
        });
    }
    return { week, added: picked.length };
}

/** The last `weeks` weeks of reviewed accuracy, oldest first. */
export function accuracyByWeek(ports: Pick<Ports, 'records' | 'clock'>, weeks: number): WeeklyAccuracy[] {
    const firstWeek = isoWeek(ports.clock.nowMs() - (weeks - 1) * WEEK_MS);
    const rows = ports.records.find(ACCURACY_TABLE, `week>=${firstWeek}`, { limit: 20000, fields: ['week', 'verdict'] });
    return weeklyAccuracy(rows.map((r) => ({ week: r.week, verdict: r.verdict })));
}
