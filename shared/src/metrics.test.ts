import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeRoutingMetrics, outboundCallId, percentile, type MetricsAuditRow, type MetricsInput } from './metrics';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0);
const audit = (over: Partial<MetricsAuditRow>): MetricsAuditRow => ({
  atMs: T0, direction: 'inbound', operation: '', caseId: '', targetId: '', result: 'success', idempotencyKey: '', detail: '', newValues: '', ...over,
});
const triage = (caseId: string, atMs: number, route: string, confidence: number): MetricsAuditRow =>
  audit({ atMs, direction: 'proxy', operation: '/v1/triage', caseId, newValues: JSON.stringify({ route, category: 'access', confidence }) });
const created = (caseId: string, atMs: number, incident: string): MetricsAuditRow =>
  audit({ atMs, operation: 'case:create_incident', caseId, targetId: incident });

/**
 * Ten cases, built so every answer is known: case i reaches ServiceNow at T0 + i min and its
 * incident is linked i × 10 s later (10 … 100 s: mean 55 s, nearest-rank p90 90 s).
 * Case 3 was escalated by hand, case 4 rerouted by a reviewer, case 5 approved after the model asked
 * for review, case 6 approved as a high-priority transfer (Seam's route: not manual).
 * Case 7's link was cleared, case 8's points at another incident, case 9 audited link:unlinked.
 */
function seeded(): MetricsInput {
  const rows: MetricsAuditRow[] = [];
  const links = [];
  for (let i = 1; i <= 10; i++) {
    const start = T0 + i * 60_000;
    rows.push(triage(`case${i}`, start, 'servicenow', 0.9));
    rows.push(created(`case${i}`, start + i * 10_000, `inc${i}`));
    links.push({ caseId: `case${i}`, incident: i === 7 ? '' : i === 8 ? 'incOther' : `inc${i}` });
  }
  rows.push(audit({ atMs: T0 + 3 * 60_000, operation: 'case:escalated_by_human', caseId: 'case3' }));
  rows.push(audit({ atMs: T0 + 3_000_000, operation: 'link:unlinked', caseId: 'case9' }));
  // Two cases triaged to Salesforce and one to review, with known confidences.
  rows.push(triage('caseA', T0, 'salesforce', 0.55), triage('caseB', T0, 'salesforce', 0.97), triage('caseC', T0, 'review', 0.3));
  // The drain: call c1 carried 3 changes, call c2 carried 1 (failed, then retried in c3 and delivered).
  for (const [key, call, result] of [['k1', 'c1', 'success'], ['k2', 'c1', 'success'], ['k3', 'c1', 'success'], ['k4', 'c2', 'failed'], ['k4', 'c3', 'success']] as const) {
    rows.push(audit({ direction: 'outbound', operation: 'incident_update:create', idempotencyKey: key, result, detail: result === 'success' ? `attempt 1; call=${call}` : `attempt 1; call=${call}: HTTP 503` }));
  }
  const now = T0 + 3_600_000;
  return {
    audit: rows,
    links,
    reviews: [
      { caseId: 'case4', status: 'rerouted', proposedAction: 'create_incident', createdAtMs: T0 },
      { caseId: 'case5', status: 'approved', proposedAction: 'review', createdAtMs: T0 },
      { caseId: 'case6', status: 'approved', proposedAction: 'approval', createdAtMs: T0 },
      { caseId: 'q1', status: 'pending', proposedAction: 'review', createdAtMs: now - 600_000 },
      { caseId: 'q2', status: 'approval_pending', proposedAction: 'approval', createdAtMs: now - 1_800_000 },
      { caseId: 'q3', status: 'rejected', proposedAction: 'review', createdAtMs: now - 9_000_000 },
    ],
    outbox: [
      { status: 'dead_letter', createdAtMs: now - 7_200_000 },
      { status: 'dead_letter', createdAtMs: now - 60_000 },
      { status: 'sent', createdAtMs: now - 99_000_000 },
      { status: 'failed', createdAtMs: now - 99_000_000 },
    ],
    nowMs: now,
  };
}

describe('computeRoutingMetrics on seeded rows', () => {
  const m = computeRoutingMetrics(seeded());

  it('time to route: case reached ServiceNow → incident linked', () => {
    expect(m.casesRouted).toBe(10);
    expect(m.timeToRouteMeanSeconds).toBe(55);
    expect(m.timeToRouteP90Seconds).toBe(90);
  });

  it('manual transfers: escalated, rerouted, or decided by a person because the model could not', () => {
    expect(m.manualTransfers).toBe(3);
    expect(m.manualTransferRate).toBeCloseTo(0.3, 10);
  });

  it('linkage accuracy: links later cleared, re-pointed or audited as unlinked are wrong', () => {
    expect(m.linksCorrected).toBe(3);
    expect(m.linkageAccuracy).toBeCloseTo(0.7, 10);
  });

  it('review queue size and age count open reviews only', () => {
    expect(m.reviewQueueSize).toBe(2);
    expect(m.reviewQueueOldestAgeSeconds).toBe(1800);
    expect(m.reviewQueueMeanAgeSeconds).toBe(1200);
  });

  it('dead-letter backlog and its oldest age', () => {
    expect(m.deadLetterBacklog).toBe(2);
    expect(m.deadLetterOldestAgeSeconds).toBe(7200);
  });

  it('API calls per change: distinct collections calls over distinct changes delivered', () => {
    expect(m.outboundApiCalls).toBe(3);
    expect(m.outboundChangesDelivered).toBe(4);
    expect(m.apiCallsPerChange).toBeCloseTo(0.75, 10);
  });

  it('confidence distribution per route class', () => {
    expect(m.confidenceByRoute.servicenow).toEqual({ buckets: [0, 0, 0, 0, 10, 10, 10], count: 10, sum: expect.closeTo(9, 10) });
    expect(m.confidenceByRoute.salesforce).toEqual({ buckets: [0, 1, 1, 1, 1, 1, 2], count: 2, sum: expect.closeTo(1.52, 10) });
    expect(m.confidenceByRoute.review?.buckets).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('says "no data" (null) rather than 0 when there is nothing to measure', () => {
    const empty = computeRoutingMetrics({ audit: [], links: [], reviews: [], outbox: [], nowMs: T0 });
    expect(empty).toMatchObject({ casesRouted: 0, timeToRouteMeanSeconds: null, manualTransferRate: null, linkageAccuracy: null, apiCallsPerChange: null, reviewQueueSize: 0, deadLetterBacklog: 0 });
  });

  it('ignores a triage row whose new_values is not the triage outcome (no crash, not counted)', () => {
    const r = computeRoutingMetrics({ ...seeded(), audit: [audit({ direction: 'proxy', operation: '/v1/triage', newValues: '{not json' })] });
    expect(r.confidenceByRoute).toEqual({});
  });
});

describe('outboundCallId', () => {
  it('reads the call id the drain writes, with or without an error after it', () => {
    expect(outboundCallId('attempt 2; call=msg-1.2')).toBe('msg-1.2');
    expect(outboundCallId('attempt 2; call=msg-1.2: HTTP 503 Service Unavailable')).toBe('msg-1.2');
    expect(outboundCallId('attempt 1')).toBeNull();
  });
});

describe('percentile', () => {
  it('is a member of the list, at least p of the values are at or below it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0.01, max: 1, noNaN: true }), (xs, p) => {
        const v = percentile(xs, p);
        expect(xs).toContain(v);
        expect(xs.filter((x) => x <= v).length).toBeGreaterThanOrEqual(Math.ceil(p * xs.length));
      }),
    );
  });
});
