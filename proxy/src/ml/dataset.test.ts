import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';
import { parseHistoryCsv, parseQueueRoutes, selectSplit, splitExamples, withQueueRoutes, type TriageExample } from './dataset.js';

describe('CSV', () => {
  it('reads quoted fields, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
    expect(parseCsv('\ufeffa,b\r\n"x, ""y""","multi\nline"\r\n')).toEqual([['a', 'b'], ['x, "y"', 'multi\nline']]);
  });
});

describe('customer history export', () => {
  const rows = (lines: string[]) => lines.join('\n');

  it('names a missing column and what to add', () => {
    const r = parseHistoryCsv(rows(['subject,description,category', 'a,b,access']), 'cases.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatch(/cases\.csv: column "route" is missing .*Add a "route" column/);
    const noText = parseHistoryCsv(rows(['route,category', 'servicenow,access']), 'cases.csv');
    expect(!noText.ok && noText.problems[0]).toMatch(/column "text" is missing/);
  });

  it('names the line and value of a bad route, category or priority', () => {
    const r = parseHistoryCsv(rows(['text,route,category,priority', 'vpn down,servicenow,access,2', 'refund,sales,billing,3', 'x,salesforce,hardware,4', 'y,salesforce,billing,urgent']), 'h.csv');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(3);
      expect(r.problems[0]).toContain('h.csv line 3: column "route" has "sales"');
      expect(r.problems[1]).toContain('line 4: column "category" has "hardware"');
      expect(r.problems[2]).toContain('line 5: column "priority" has "urgent"');
    }
  });

  it('accepts subject/description, route aliases and ServiceNow priority display values', () => {
    const r = parseHistoryCsv(rows(['Subject,Description,Route,Priority', 'VPN,fails,incident,2 - High', 'Card,lost,case,low', ',,servicenow,']));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.examples).toEqual([
        { text: 'VPN fails', route: 'servicenow', priority: '2' },
        { text: 'Card lost', route: 'salesforce', priority: '4' },
      ]);
      expect(r.skipped).toBe(1);
    }
  });

  it('needs both routes to learn anything', () => {
    const r = parseHistoryCsv(rows(['text,route', 'a,servicenow', 'b,servicenow']));
    expect(!r.ok && r.problems[0]).toMatch(/only "servicenow"/);
  });
});

describe('split', () => {
  it('is reproducible, disjoint and stratified by route', () => {
    const ex: TriageExample[] = Array.from({ length: 200 }, (_, i) => ({ text: `t${i}`, route: i % 4 === 0 ? 'servicenow' : 'salesforce' }));
    const a = splitExamples(ex, 1);
    const b = splitExamples(ex, 1);
    expect(a).toEqual(b);
    const all = [...a.train, ...a.calibration, ...a.test].map((e) => e.text);
    expect(new Set(all).size).toBe(200);
    expect(a.test.filter((e) => e.route === 'servicenow')).toHaveLength(5);
    expect(a.test).toHaveLength(20);
  });
});

describe('queue, split and one-route exports', () => {
  const csv = ['split,queue,route,subject,body', 'train,IT Support,servicenow,VPN down,gateway rejects all', 'test,Billing and Payments,salesforce,Invoice,charged twice', 'test,IT Support,servicenow,Printer,jammed'].join('\n');

  it('keeps the queue for per-queue reports and the split for --split', () => {
    const r = parseHistoryCsv(csv, 'q.csv');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.examples.map((e) => [e.group, e.split])).toEqual([['IT Support', 'train'], ['Billing and Payments', 'test'], ['IT Support', 'test']]);
    expect(selectSplit(r.examples, ['test'], 'q.csv').map((e) => e.text)).toEqual(['Invoice charged twice', 'Printer jammed']);
    expect(() => selectSplit(r.examples, ['holdout'], 'q.csv')).toThrow(/no row has split holdout \(found: train, test\)/);
    expect(() => selectSplit([{ text: 'x', route: 'servicenow' }], ['test'], 'h.csv')).toThrow(/--split needs a "split" column/);
  });

  it('accepts a file of one route only when asked (evaluation: recall only)', () => {
    const one = ['route,text', 'servicenow,vpn down', 'servicenow,printer jammed'].join('\n');
    expect(parseHistoryCsv(one, 'one.csv').ok).toBe(false);
    const r = parseHistoryCsv(one, 'one.csv', { allowOneRoute: true });
    expect(r.ok && r.examples.length).toBe(2);
  });

  it('re-routes by queue for a customer whose convention differs', () => {
    const r = parseHistoryCsv(csv, 'q.csv');
    const q = parseQueueRoutes('IT Support=salesforce, General Inquiry = case');
    expect(q.ok).toBe(true);
    if (!r.ok || !q.ok) return;
    expect(withQueueRoutes(r.examples, q.routes).map((e) => e.route)).toEqual(['salesforce', 'salesforce', 'salesforce']);
    expect(q.routes.get('General Inquiry')).toBe('salesforce');
    expect(parseQueueRoutes('IT Support').ok).toBe(false);
  });
});
