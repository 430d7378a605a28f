/**
 * Routing metrics from the records the seam already keeps (link, audit, triage review, outbox):
 * how fast cases are routed, how often a person had to route them, how often a link was wrong,
 * what waits for people, and what the model's confidence looks like per class. Pure: rows and
 * "now" in, numbers out, so each number is testable with seeded rows whose answer is known.
 */

/** One `x_seam_bridge_audit` row, read by the adapter (times in epoch ms). */
export interface MetricsAuditRow {
  readonly atMs: number;
  readonly direction: string;
  readonly operation: string;
  readonly caseId: string;
  readonly targetId: string;
  readonly result: string;
  readonly idempotencyKey: string;
  readonly detail: string;
  /** The row's `new_values` JSON (triage calls keep route, category and confidence there). */
  readonly newValues: string;
}

/** One `x_seam_bridge_link` row. */
export interface MetricsLinkRow {
  readonly caseId: string;
  /** The incident's sys_id on the link now ('' when cleared: unlinked). */
  readonly incident: string;
}

/** One `x_seam_bridge_triage_review` row. */
export interface MetricsReviewRow {
  readonly caseId: string;
  readonly status: string;
  readonly proposedAction: string;
  readonly createdAtMs: number;
}

/** One `x_seam_bridge_outbox` row. */
export interface MetricsOutboxRow {
  readonly status: string;
  readonly createdAtMs: number;
}

export interface MetricsInput {
  readonly audit: readonly MetricsAuditRow[];
  readonly links: readonly MetricsLinkRow[];
  readonly reviews: readonly MetricsReviewRow[];
  readonly outbox: readonly MetricsOutboxRow[];
  readonly nowMs: number;
}

/** Upper bounds of the confidence histogram (cumulative, Prometheus style; +Inf is the count). */
export const CONFIDENCE_BUCKETS: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99];

export interface ConfidenceHistogram {
  /** Cumulative counts per `CONFIDENCE_BUCKETS` bound. */
  readonly buckets: readonly number[];
  readonly count: number;
  readonly sum: number;
}

export interface RoutingMetrics {
  /** Cases with an incident created by Seam (`case:create_incident`). */
  readonly casesRouted: number;
  /** Case reached ServiceNow (its first audit row) → incident linked, in seconds; null without cases. */
  readonly timeToRouteMeanSeconds: number | null;
  readonly timeToRouteP90Seconds: number | null;
  /** Routed cases whose route a person decided: escalated by hand, rerouted, or the model asked for review. */
  readonly manualTransfers: number;
  /** manualTransfers / casesRouted; null without routed cases. */
  readonly manualTransferRate: number | null;
  /** Links whose incident was later cleared or pointed elsewhere (or audited `link:unlinked` / `link:corrected`). */
  readonly linksCorrected: number;
  /** 1 − linksCorrected / casesRouted; null without routed cases. */
  readonly linkageAccuracy: number | null;
  readonly reviewQueueSize: number;
  readonly reviewQueueOldestAgeSeconds: number | null;
  readonly reviewQueueMeanAgeSeconds: number | null;
  readonly deadLetterBacklog: number;
  readonly deadLetterOldestAgeSeconds: number | null;
  /** Salesforce collections calls made by the outbox drain. */
  readonly outboundApiCalls: number;
  /** Distinct changes (idempotency keys) the drain delivered. */
  readonly outboundChangesDelivered: number;
  /** outboundApiCalls / outboundChangesDelivered; null when nothing was delivered. */
  readonly apiCallsPerChange: number | null;
  /** Triage confidence per route class (servicenow | salesforce | review), from the proxy call audit. */
  readonly confidenceByRoute: Readonly<Record<string, ConfidenceHistogram>>;
}

const OPEN_REVIEW = ['pending', 'approval_pending'];

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * s.length));
  return s[Math.min(s.length, rank) - 1] as number;
}

const mean = (v: readonly number[]): number | null => (v.length ? v.reduce((a, b) => a + b, 0) / v.length : null);
const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The collections call a delivered row belongs to (`call=<id>` in its detail), if the drain recorded it. */
export function outboundCallId(detail: string): string | null {
  const m = /(?:^|[;\s])call=([^;\s:]+)/.exec(detail);
  return m ? (m[1] as string) : null;
}

/** Route, category and confidence a triage call's audit row kept, or null. */
export function triageOutcomeOf(row: Pick<MetricsAuditRow, 'newValues'>): { route: string; category: string; confidence: number } | null {
  if (!row.newValues) return null;
  try {
    const v = JSON.parse(row.newValues) as Record<string, unknown>;
    if (typeof v.route !== 'string' || typeof v.confidence !== 'number' || !Number.isFinite(v.confidence)) return null;
    return { route: v.route, category: typeof v.category === 'string' ? v.category : '', confidence: v.confidence };
  } catch {
    return null;
  }
}

export const isTriageCall = (r: Pick<MetricsAuditRow, 'direction' | 'operation' | 'result'>): boolean =>
  r.direction === 'proxy' && r.operation === '/v1/triage' && r.result === 'success';

export function computeRoutingMetrics(input: MetricsInput): RoutingMetrics {
  const firstSeen = new Map<string, number>();
  const created = new Map<string, { atMs: number; incident: string }>();
  const escalated = new Set<string>();
  const correctedByAudit = new Set<string>();
  const calls = new Set<string>();
  let uncalledRows = 0;
  const delivered = new Set<string>();
  const confidence: Record<string, { buckets: number[]; count: number; sum: number }> = {};

  for (const r of input.audit) {
    if (r.caseId && (r.direction === 'inbound' || r.direction === 'proxy')) {
      const seen = firstSeen.get(r.caseId);
      if (seen === undefined || r.atMs < seen) firstSeen.set(r.caseId, r.atMs);
    }
    if (r.operation === 'case:create_incident' && r.result === 'success' && r.caseId) {
      const prev = created.get(r.caseId);
      if (!prev || r.atMs < prev.atMs) created.set(r.caseId, { atMs: r.atMs, incident: r.targetId });
    }
    if (r.operation === 'case:escalated_by_human' && r.caseId) escalated.add(r.caseId);
    if ((r.operation === 'link:unlinked' || r.operation === 'link:corrected') && r.caseId) correctedByAudit.add(r.caseId);
    if (r.direction === 'outbound' && /:create$/.test(r.operation) && r.operation !== 'attachment:create') {
      const id = outboundCallId(r.detail);
      if (id) calls.add(id);
      else uncalledRows += 1; // an older row without a call id: counted as its own call (an upper bound)
      if (r.result === 'success' && r.idempotencyKey) delivered.add(r.idempotencyKey);
    }
    if (isTriageCall(r)) {
      const t = triageOutcomeOf(r);
      if (t) {
        const h = (confidence[t.route] = confidence[t.route] ?? { buckets: CONFIDENCE_BUCKETS.map(() => 0), count: 0, sum: 0 });
        CONFIDENCE_BUCKETS.forEach((b, i) => {
          if (t.confidence <= b) h.buckets[i] = (h.buckets[i] as number) + 1;
        });
        h.count += 1;
        h.sum += t.confidence;
      }
    }
  }

  const routeSeconds: number[] = [];
  for (const [caseId, c] of created) {
    const start = firstSeen.get(caseId) ?? c.atMs;
    routeSeconds.push(Math.max(0, c.atMs - start) / 1000);
  }

  const reviewsByCase = new Map<string, MetricsReviewRow[]>();
  for (const r of input.reviews) reviewsByCase.set(r.caseId, [...(reviewsByCase.get(r.caseId) ?? []), r]);
  let manual = 0;
  for (const caseId of created.keys()) {
    const reviews = reviewsByCase.get(caseId) ?? [];
    const byPerson = reviews.some((r) => r.status === 'rerouted' || (r.status === 'approved' && r.proposedAction === 'review'));
    if (escalated.has(caseId) || byPerson) manual += 1;
  }

  const linkIncident = new Map(input.links.map((l) => [l.caseId, l.incident]));
  let corrected = 0;
  for (const [caseId, c] of created) {
    const now = linkIncident.get(caseId);
    if (correctedByAudit.has(caseId) || now === undefined || now === '' || (c.incident !== '' && now !== c.incident)) corrected += 1;
  }

  const open = input.reviews.filter((r) => OPEN_REVIEW.indexOf(r.status) >= 0).map((r) => Math.max(0, input.nowMs - r.createdAtMs) / 1000);
  const dead = input.outbox.filter((o) => o.status === 'dead_letter').map((o) => Math.max(0, input.nowMs - o.createdAtMs) / 1000);
  const apiCalls = calls.size + uncalledRows;

  return {
    casesRouted: created.size,
    timeToRouteMeanSeconds: mean(routeSeconds),
    timeToRouteP90Seconds: routeSeconds.length ? percentile(routeSeconds, 0.9) : null,
    manualTransfers: manual,
    manualTransferRate: ratio(manual, created.size),
    linksCorrected: corrected,
    linkageAccuracy: created.size ? 1 - corrected / created.size : null,
    reviewQueueSize: open.length,
    reviewQueueOldestAgeSeconds: open.length ? Math.max(...open) : null,
    reviewQueueMeanAgeSeconds: mean(open),
    deadLetterBacklog: dead.length,
    deadLetterOldestAgeSeconds: dead.length ? Math.max(...dead) : null,
    outboundApiCalls: apiCalls,
    outboundChangesDelivered: delivered.size,
    apiCallsPerChange: ratio(apiCalls, delivered.size),
    confidenceByRoute: confidence,
  };
}
