import { describe, expect, it } from 'vitest';
import { crossPlatformInsights, type InsightCase, type InsightIncident } from './insights';

const NOW = Date.UTC(2026, 11, 2, 12);
const H = 3_600_000;
const kase = (over: Partial<InsightCase>): InsightCase => ({ id: 'c', priority: 'Medium', isClosed: false, triageRoute: 'servicenow', incidentNumber: '', ci: '', ...over });
const inc = (over: Partial<InsightIncident>): InsightIncident => ({ number: 'INC1', caseId: 'c', state: '2', assignmentGroup: 'Network', updatedAtMs: NOW, ...over });

/**
 * Built so the answers are known: 10 open high-priority cases, 3 linked to open incidents, 1 to a
 * resolved one, 6 unlinked → 30 %. CIs: vpn-gw on 4 open cases (+1 closed), mail on 2.
 * Stalled (> 24 h untouched, open, linked): Network 2 (oldest 50 h), Service Desk 1; a 10 h-old and a resolved one do not count.
 */
function seeded(): { cases: InsightCase[]; incidents: InsightIncident[] } {
  const cases: InsightCase[] = [];
  const incidents: InsightIncident[] = [];
  for (let i = 0; i < 10; i++) {
    const linked = i < 4 ? `INC${i}` : '';
    cases.push(kase({ id: `h${i}`, priority: 'High', incidentNumber: linked, ci: i < 4 ? 'vpn-gw' : i < 6 ? 'mail' : '', triageRoute: i < 7 ? 'servicenow' : 'review' }));
    if (linked) incidents.push(inc({ number: linked, caseId: `h${i}`, state: i === 3 ? '6' : '2', assignmentGroup: i === 0 ? 'Service Desk' : 'Network', updatedAtMs: NOW - (i === 0 ? 30 : i === 1 ? 50 : i === 2 ? 26 : 10) * H }));
  }
  cases.push(kase({ id: 'closed', priority: 'High', isClosed: true, ci: 'vpn-gw', triageRoute: 'kept_in_salesforce' }));
  incidents.push(inc({ number: 'INC9', caseId: 'x', state: '2', updatedAtMs: NOW - 10 * H }));
  return { cases, incidents };
}

describe('crossPlatformInsights', () => {
  const [waiting, cis, stalled, split] = crossPlatformInsights(seeded().cases, seeded().incidents, NOW);

  it('share of open high-priority cases waiting on an open ServiceNow incident', () => {
    expect(waiting!.value).toBeCloseTo(0.3, 10);
    expect(waiting!.counts).toEqual({ open_high_priority_cases: 10, waiting_on_open_incident: 3 });
    expect(waiting!.text).toBe('30% of open high-priority cases (3 of 10) are waiting on an open ServiceNow incident.');
  });

  it('top CIs behind open customer cases (closed cases do not count)', () => {
    expect(cis!.counts).toEqual({ 'vpn-gw': 4, mail: 2 });
    expect(cis!.text).toBe('Top CIs behind open customer cases: vpn-gw (4), mail (2).');
  });

  it('groups where handoffs stall, with the oldest age', () => {
    expect(stalled!.counts).toEqual({ Network: 2, 'Service Desk': 1 });
    expect(stalled!.text).toContain('Network (2 linked incidents untouched for over 24 h, oldest 50 h)');
  });

  it('how triage split the cases', () => {
    expect(split!.counts).toEqual({ kept_in_salesforce: 1, review: 3, servicenow: 7 });
    expect(split!.text).toBe('Of 11 triaged cases, 64% went to ServiceNow, 9% stayed in Salesforce, 27% went to a person.');
  });

  it('says so when there is nothing to aggregate (no invented numbers)', () => {
    const empty = crossPlatformInsights([], [], NOW);
    expect(empty.map((i) => i.value)).toEqual([null, null, 0, null]);
    expect(empty[0]!.text).toBe('No open high-priority cases.');
  });
});
