import { describe, expect, it } from 'vitest';
import { checkInsightPhrasing, choosePhrasing, insightNumbers } from './phrasing';
import { crossPlatformInsights, type InsightCase, type InsightIncident } from './insights';

const NOW = Date.UTC(2026, 10, 23, 12);
const H = 3_600_000;
const cases: InsightCase[] = [
  { id: 'c1', priority: 'High', isClosed: false, triageRoute: 'servicenow', incidentNumber: 'INC1', ci: 'SAP-ERP-02' },
  { id: 'c2', priority: 'High', isClosed: false, triageRoute: 'servicenow', incidentNumber: 'INC2', ci: 'SAP-ERP-02' },
  { id: 'c3', priority: 'High', isClosed: false, triageRoute: 'kept_in_salesforce', incidentNumber: '', ci: 'VPN' },
];
const incidents: InsightIncident[] = [
  { number: 'INC1', caseId: 'c1', state: '2', assignmentGroup: 'Network', updatedAtMs: NOW - 30 * H },
  { number: 'INC2', caseId: 'c2', state: '6', assignmentGroup: 'Network', updatedAtMs: NOW - 2 * H },
];
const insights = crossPlatformInsights(cases, incidents, NOW);
const waiting = insights.find((i) => i.id === 'high_priority_waiting_on_servicenow')!;

describe('insightNumbers', () => {
  it('reads percentages, counts and digits inside names, sorted', () => {
    expect(waiting.text).toBe('33% of open high-priority cases (1 of 3) are waiting on an open ServiceNow incident.');
    expect(insightNumbers(waiting.text)).toEqual(['1', '3', '33%']);
    expect(insightNumbers('SAP-ERP-02 (2), 1,200 cases, 2.5 h, 40 %.')).toEqual(['02', '1200', '2', '2.5', '40%']);
  });
});

describe('checkInsightPhrasing', () => {
  it('accepts a rewording with exactly the same numbers', () => {
    expect(checkInsightPhrasing(waiting, 'Of 3 open high-priority cases, 1 (33%) still waits on an open ServiceNow incident.')).toEqual({ ok: true });
  });
  it.each([
    ['a changed number', '40% of open high-priority cases (1 of 3) wait on ServiceNow.', 'adds 40%; drops 33%'],
    ['an added number', '33% of open high-priority cases (1 of 3) wait on ServiceNow, up 5% on last week.', 'adds 5%'],
    ['a dropped number', 'A third of open high-priority cases wait on ServiceNow (1 of 3).', 'in words ("third")'],
    ['a dropped digit', '33% of open high-priority cases wait on ServiceNow.', 'drops 1, 3'],
    ['a rounded share', '0.33 of open high-priority cases (1 of 3) wait on ServiceNow.', 'adds 0.33; drops 33%'],
    ['a number in words', 'One in three open high-priority cases waits on ServiceNow (33%).', 'in words ("One")'],
    ['an empty answer', '  ', 'empty'],
  ])('rejects %s', (_label, sentence, reason) => {
    const r = checkInsightPhrasing(waiting, sentence);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
  it('a number repeated must keep its count', () => {
    const split = insights.find((i) => i.id === 'routing_split')!;
    expect(split.text).toBe('Of 3 triaged cases, 67% went to ServiceNow, 33% stayed in Salesforce, 0% went to a person.');
    expect(checkInsightPhrasing(split, 'Triage sent 67% of 3 cases to ServiceNow and kept 33% in Salesforce; 0% needed a person.').ok).toBe(true);
    expect(checkInsightPhrasing(split, 'Triage sent 67% of 3 cases to ServiceNow and kept 33% in Salesforce; 33% needed a person.').ok).toBe(false);
  });
});

describe('choosePhrasing', () => {
  it('keeps each template sentence without a model, and says why when the model fails the check', () => {
    expect(choosePhrasing(insights, undefined).map((p) => [p.text, p.phrasedBy])).toEqual(insights.map((i) => [i.text, 'template']));
    const out = choosePhrasing(insights, {
      high_priority_waiting_on_servicenow: 'Of 3 open high-priority cases, 1 (33%) still waits on an open ServiceNow incident.',
      top_cis_behind_cases: 'SAP-ERP-02 is behind 3 open cases, VPN behind 1.',
    });
    expect(out[0]).toEqual({ id: 'high_priority_waiting_on_servicenow', text: 'Of 3 open high-priority cases, 1 (33%) still waits on an open ServiceNow incident.', phrasedBy: 'llm' });
    expect(out[1]).toMatchObject({ id: 'top_cis_behind_cases', text: insights[1]!.text, phrasedBy: 'template' });
    expect(out[1]!.fallbackReason).toContain('adds 3');
    expect(out[2]).toMatchObject({ phrasedBy: 'template', fallbackReason: 'the model did not phrase this insight' });
  });
});
