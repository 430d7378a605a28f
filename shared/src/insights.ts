/**
 * Cross-platform insights: deterministic aggregates over Salesforce cases and the ServiceNow
 * incidents linked to them, each with its numbers and the text that states them. Every number
 * comes from the rows; a language model may rephrase `text` but never supplies a number.
 * Pure: rows and "now" in.
 */

export interface InsightCase {
  readonly id: string;
  readonly priority: string;
  readonly isClosed: boolean;
  /** Seam_Triage_Route__c: servicenow | kept_in_salesforce | review | '' */
  readonly triageRoute: string;
  readonly incidentNumber: string;
  /** Seam_CI__c: the CI the linked incident names ('' when none). */
  readonly ci: string;
}

export interface InsightIncident {
  readonly number: string;
  readonly caseId: string;
  /** ServiceNow incident state: 1 New … 6 Resolved, 7 Closed, 8 Canceled. */
  readonly state: string;
  readonly assignmentGroup: string;
  readonly updatedAtMs: number;
}

/** Every insight `crossPlatformInsights` computes, in the order it returns them. */
export const INSIGHT_IDS = ['high_priority_waiting_on_servicenow', 'top_cis_behind_cases', 'stalled_handoffs_by_group', 'routing_split'] as const;
export type InsightId = (typeof INSIGHT_IDS)[number];

export interface Insight {
  readonly id: InsightId;
  readonly text: string;
  readonly value: number | null;
  /** The counts behind `value`, named. */
  readonly counts: Readonly<Record<string, number>>;
  /** Which rows it reads (the adapter adds the concrete query). */
  readonly reads: readonly ('cases' | 'incidents')[];
}

export interface InsightOptions {
  /** A linked open incident not updated for this many hours is a stalled handoff. */
  readonly stallHours: number;
  readonly topN: number;
}

export const DEFAULT_INSIGHT_OPTIONS: InsightOptions = { stallHours: 24, topN: 3 };

const OPEN_INCIDENT = (state: string): boolean => ['6', '7', '8'].indexOf(state) < 0;
const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function crossPlatformInsights(cases: readonly InsightCase[], incidents: readonly InsightIncident[], nowMs: number, options: InsightOptions = DEFAULT_INSIGHT_OPTIONS): Insight[] {
  const incidentByNumber = new Map(incidents.map((i) => [i.number, i]));
  const out: Insight[] = [];

  // 1. Open high-priority cases whose linked incident is still open: waiting on ServiceNow.
  const highOpen = cases.filter((c) => !c.isClosed && c.priority === 'High');
  const waiting = highOpen.filter((c) => {
    const inc = c.incidentNumber ? incidentByNumber.get(c.incidentNumber) : undefined;
    return inc !== undefined && OPEN_INCIDENT(inc.state);
  });
  out.push({
    id: 'high_priority_waiting_on_servicenow',
    value: highOpen.length ? waiting.length / highOpen.length : null,
    counts: { open_high_priority_cases: highOpen.length, waiting_on_open_incident: waiting.length },
    text: highOpen.length
      ? `${pct(waiting.length / highOpen.length)} of open high-priority cases (${waiting.length} of ${highOpen.length}) are waiting on an open ServiceNow incident.`
      : 'No open high-priority cases.',
    reads: ['cases', 'incidents'],
  });

  // 2. The CIs behind the most open customer cases.
  const byCi = new Map<string, number>();
  for (const c of cases) if (!c.isClosed && c.ci) byCi.set(c.ci, (byCi.get(c.ci) ?? 0) + 1);
  const top = Array.from(byCi.entries()).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.topN);
  out.push({
    id: 'top_cis_behind_cases',
    value: top.length ? top[0]![1] : null,
    counts: Object.fromEntries(top),
    text: top.length ? `Top CIs behind open customer cases: ${top.map(([ci, n]) => `${ci} (${n})`).join(', ')}.` : 'No open case names a CI.',
    reads: ['cases'],
  });

  // 3. Assignment groups holding linked open incidents nobody touched for stallHours.
  const stallMs = options.stallHours * 3_600_000;
  const stalled = new Map<string, { n: number; oldestMs: number }>();
  for (const i of incidents) {
    if (!i.caseId || !OPEN_INCIDENT(i.state) || !(nowMs - i.updatedAtMs > stallMs)) continue;
    const g = i.assignmentGroup || '(no group)';
    const s = stalled.get(g) ?? { n: 0, oldestMs: i.updatedAtMs };
    stalled.set(g, { n: s.n + 1, oldestMs: Math.min(s.oldestMs, i.updatedAtMs) });
  }
  const groups = Array.from(stalled.entries()).sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1)).slice(0, options.topN);
  out.push({
    id: 'stalled_handoffs_by_group',
    value: groups.reduce((a, [, s]) => a + s.n, 0),
    counts: Object.fromEntries(groups.map(([g, s]) => [g, s.n])),
    text: groups.length
      ? `Handoffs stall in: ${groups.map(([g, s]) => `${g} (${s.n} linked incident${s.n === 1 ? '' : 's'} untouched for over ${options.stallHours} h, oldest ${Math.floor((nowMs - s.oldestMs) / 3_600_000)} h)`).join('; ')}.`
      : `No linked incident has been untouched for over ${options.stallHours} h.`,
    reads: ['incidents'],
  });

  // 4. How triage split the cases.
  const routes = new Map<string, number>();
  for (const c of cases) if (c.triageRoute) routes.set(c.triageRoute, (routes.get(c.triageRoute) ?? 0) + 1);
  const triaged = Array.from(routes.values()).reduce((a, b) => a + b, 0);
  const toSn = routes.get('servicenow') ?? 0;
  out.push({
    id: 'routing_split',
    value: triaged ? toSn / triaged : null,
    counts: Object.fromEntries(Array.from(routes.entries()).sort()),
    text: triaged
      ? `Of ${triaged} triaged cases, ${pct(toSn / triaged)} went to ServiceNow, ${pct((routes.get('kept_in_salesforce') ?? 0) / triaged)} stayed in Salesforce, ${pct((routes.get('review') ?? 0) / triaged)} went to a person.`
      : 'No triaged cases yet.',
    reads: ['cases'],
  });
  return out;
}
