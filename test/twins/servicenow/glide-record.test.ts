import { describe, it, expect, beforeEach } from 'vitest';
import { TableStore } from './store.js';
import { createHost } from './glide/host.js';
import { ofPriority } from './helpers.js';

let host: ReturnType<typeof createHost>;
let GlideRecord: any;
let clock = Date.UTC(2026, 0, 1, 9, 0, 0);

beforeEach(() => {
  clock = Date.UTC(2026, 0, 1, 9, 0, 0);
  const store = new TableStore({ now: () => new Date(clock) });
  host = createHost({ store, properties: { 'x.seam.limit': '7' } });
  GlideRecord = host.glide.GlideRecord;
});

function insertIncident(fields: Record<string, string>) {
  const gr = new GlideRecord('incident');
  gr.initialize();
  for (const [k, v] of Object.entries(fields)) gr.setValue(k, v);
  return { gr, id: gr.insert() as string };
}

describe('GlideRecord', () => {
  it('insert sets sys fields, number and defaults; update increments sys_mod_count and sys_updated_on', () => {
    const { gr, id } = insertIncident({ short_description: 'one' });
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(gr.getUniqueValue()).toBe(id);
    expect(gr.getValue('number')).toBe('INC0010001');
    expect(gr.getValue('state')).toBe('1');
    expect(gr.getValue('sys_created_on')).toBe('2026-01-01 09:00:00');
    expect(gr.isNewRecord()).toBe(false);

    clock += 60_000;
    const again = new GlideRecord('incident');
    expect(again.get(id)).toBe(true);
    again.short_description = 'changed';
    again.update();
    expect(again.getValue('sys_mod_count')).toBe('1');
    expect(again.getValue('sys_updated_on')).toBe('2026-01-01 09:01:00');
    again.update(); // nothing changed: the platform writes nothing
    expect(again.getValue('sys_mod_count')).toBe('1');
  });

  it('field access returns elements: toString, getValue, nil, getDisplayValue, assignment', () => {
    const { gr } = insertIncident({ short_description: 'x', ...ofPriority('1') });
    expect(String(gr.short_description)).toBe('x');
    expect(gr.priority.getDisplayValue()).toBe('1 - Critical');
    expect(gr.assigned_to.nil()).toBe(true);
    expect(gr.getValue('assigned_to')).toBeNull();
    expect(gr.no_such_field).toBeUndefined();
    const other = insertIncident({ short_description: 'parent' });
    gr.problem_id = other.gr; // a record assigned to a reference stores its sys_id
    expect(gr.getValue('problem_id')).toBe(other.id);
    gr.short_description = other.gr.short_description; // an element assigns its value
    expect(gr.getValue('short_description')).toBe('parent');
    gr.category = 'network';
    expect(gr.getValue('category')).toBe('network');
    expect(gr.getTableName()).toBe('incident');
  });

  it('changes(), changesTo(), changesFrom() track the value read from the database', () => {
    const { id } = insertIncident({ state: '1' });
    const gr = new GlideRecord('incident');
    gr.get(id);
    expect(gr.state.changes()).toBe(false);
    gr.state = 2;
    expect(gr.state.changes()).toBe(true);
    expect(gr.state.changesTo('2')).toBe(true);
    expect(gr.state.changesFrom('1')).toBe(true);
    gr.update();
    expect(gr.state.changes()).toBe(false);
  });

  it('query with addQuery/orderBy/setLimit/next/hasNext/getRowCount, get(field, value)', () => {
    for (const p of ['3', '1', '2', '4']) insertIncident({ ...ofPriority(p), short_description: `p${p}` });
    const gr = new GlideRecord('incident');
    gr.addQuery('priority', '<=', 3);
    gr.orderByDesc('priority');
    gr.setLimit(2);
    gr.query();
    expect(gr.getRowCount()).toBe(2);
    const seen: string[] = [];
    while (gr.next()) seen.push(gr.getValue('priority'));
    expect(seen).toEqual(['3', '2']);
    expect(gr.hasNext()).toBe(false);

    const byNumber = new GlideRecord('incident');
    expect(byNumber.get('number', 'INC0010002')).toBe(true);
    expect(byNumber.getValue('short_description')).toBe('p1');
    expect(new GlideRecord('incident').get('0'.repeat(32))).toBe(false);
  });

  it('addQuery values are data, never syntax: a value with ^OR or ^NQ cannot widen the query', () => {
    insertIncident({ short_description: 'secret', correlation_id: 'other' });
    insertIncident({ short_description: 'mine', correlation_id: 'abc' });
    for (const evil of ['nomatch^ORshort_description=secret', 'nomatch^NQactive=true', 'x^ORDERBYnumber']) {
      const gr = new GlideRecord('incident');
      gr.addQuery('correlation_id', evil);
      gr.query();
      expect(gr.getRowCount()).toBe(0);
    }
    const ok = new GlideRecord('incident');
    ok.addQuery('correlation_id', 'abc');
    ok.query();
    expect(ok.getRowCount()).toBe(1);
  });

  it('addEncodedQuery, addNullQuery, addNotNullQuery and addOrCondition combine with AND', () => {
    insertIncident({ ...ofPriority('1'), assigned_to: '' });
    insertIncident({ ...ofPriority('2'), assigned_to: 'someone' });
    insertIncident({ ...ofPriority('3'), assigned_to: '' });
    const a = new GlideRecord('incident');
    a.addEncodedQuery('priority=1^ORpriority=3');
    a.addNullQuery('assigned_to');
    a.query();
    expect(a.getRowCount()).toBe(2);
    const b = new GlideRecord('incident');
    b.addNotNullQuery('assigned_to');
    b.query();
    expect(b.getRowCount()).toBe(1);
    const c = new GlideRecord('incident');
    c.addQuery('priority', '1').addOrCondition('priority', '2');
    c.query();
    expect(c.getRowCount()).toBe(2);
  });

  it('deleteRecord removes the row; journal fields write sys_journal_field entries and read back empty', () => {
    const { gr, id } = insertIncident({ short_description: 'j' });
    gr.comments = 'customer says hi';
    gr.work_notes = 'internal';
    gr.update();
    expect(gr.getValue('comments')).toBeNull();
    expect(gr.comments.getJournalEntry(1)).toContain('customer says hi');
    expect(host.store.find('sys_journal_field', `element_id=${id}`).map((r: any) => r.element).sort()).toEqual(['comments', 'work_notes']);
    expect(gr.deleteRecord()).toBe(true);
    expect(new GlideRecord('incident').get(id)).toBe(false);
  });

  it('autoSysFields(false) leaves sys_mod_count alone', () => {
    const { gr } = insertIncident({ short_description: 'a' });
    gr.autoSysFields(false);
    gr.short_description = 'b';
    gr.update();
    expect(gr.getValue('sys_mod_count')).toBe('0');
    expect(gr.getValue('short_description')).toBe('b');
  });

  it('a unique index rejects a duplicate insert or update: insert() returns null and the error is logged', () => {
    host.store.defineTable('x_seam_bridge_link', { fields: { sf_case_id: {}, note: {} }, unique: [['sf_case_id']] });
    const a = new GlideRecord('x_seam_bridge_link');
    a.initialize();
    a.sf_case_id = '500A';
    expect(a.insert()).toMatch(/^[0-9a-f]{32}$/);
    const b = new GlideRecord('x_seam_bridge_link');
    b.initialize();
    b.sf_case_id = '500A';
    expect(b.insert()).toBeNull();
    expect(host.logs.at(-1)?.message).toMatch(/Unique Key violation.*sf_case_id=500A/);
    b.sf_case_id = '500B';
    const idB = b.insert();
    expect(idB).toMatch(/^[0-9a-f]{32}$/);
    b.sf_case_id = '500A';
    expect(b.update()).toBeNull();
    expect(host.store.get('x_seam_bridge_link', idB)?.sf_case_id).toBe('500B');
    expect(host.store.find('x_seam_bridge_link', '')).toHaveLength(2);
  });

  it('GlideAggregate counts and sums per group over a query', () => {
    for (const [p, s] of [['1', '1'], ['1', '2'], ['2', '1'], ['3', '7']]) insertIncident({ ...ofPriority(p), state: s });
    const agg = new host.glide.GlideAggregate('incident');
    agg.addQuery('state', '!=', '7');
    agg.addAggregate('COUNT');
    agg.addAggregate('SUM', 'state');
    agg.groupBy('priority');
    agg.orderBy('priority');
    agg.query();
    const out: string[] = [];
    while (agg.next()) out.push(`${agg.getValue('priority')}:${agg.getAggregate('COUNT')}:${agg.getAggregate('SUM', 'state')}`);
    expect(out).toEqual(['1:2:3', '2:1:1']);
    const all = new host.glide.GlideAggregate('incident');
    all.addAggregate('COUNT');
    all.query();
    expect(all.next()).toBe(true);
    expect(all.getAggregate('COUNT')).toBe('4');
  });

  it('an unknown table is an error that says how to fix it', () => {
    expect(() => new GlideRecord('x_nope')).toThrow(/x_nope.*define/);
  });
});

describe('gs and GlideDateTime', () => {
  it('gs.getProperty falls back to the default; setProperty; logs capture {0} substitution', () => {
    const { gs } = host.glide;
    expect(gs.getProperty('x.seam.limit', '1')).toBe('7');
    expect(gs.getProperty('x.seam.missing', '1')).toBe('1');
    expect(gs.getProperty('x.seam.missing')).toBeNull();
    gs.setProperty('x.seam.missing', 3);
    expect(gs.getProperty('x.seam.missing')).toBe('3');
    gs.warn('retry {0} of {1}', 2, 5);
    expect(host.logs.at(-1)).toMatchObject({ level: 'warn', message: 'retry 2 of 5' });
    expect(gs.generateGUID()).toMatch(/^[0-9a-f]{32}$/);
    expect(gs.nowDateTime()).toBe('2026-01-01 09:00:00');
  });

  it('gs user and roles follow the session; admin has every role', () => {
    const { gs } = host.glide;
    expect(gs.getUserName()).toBe('system');
    host.runAs({ sys_id: 'u1', user_name: 'seam.integration', roles: ['x_seam_bridge.integration'] }, () => {
      expect(gs.getUserName()).toBe('seam.integration');
      expect(gs.getUserID()).toBe('u1');
      expect(gs.hasRole('x_seam_bridge.integration')).toBe(true);
      expect(gs.hasRole('admin')).toBe(false);
    });
    expect(gs.hasRole('anything')).toBe(true);
  });

  it('GlideDateTime stores UTC "YYYY-MM-DD HH:mm:ss" and compares', () => {
    const { GlideDateTime } = host.glide;
    const a = new GlideDateTime('2026-03-01 23:59:30');
    expect(a.getNumericValue()).toBe(Date.UTC(2026, 2, 1, 23, 59, 30));
    a.addSeconds(45);
    expect(a.getValue()).toBe('2026-03-02 00:00:15');
    const now = new GlideDateTime();
    expect(now.getValue()).toBe('2026-01-01 09:00:00');
    expect(now.before(a)).toBe(true);
    expect(a.after(now)).toBe(true);
    expect(a.compareTo(now)).toBe(1);
    now.setValue('2026-03-02 00:00:15');
    expect(now.compareTo(a)).toBe(0);
    expect(() => new GlideDateTime('yesterday')).toThrow(/YYYY-MM-DD/);
  });

  it('GlideSysAttachment writes and reads content', () => {
    const { gr } = insertIncident({ short_description: 'att' });
    const att = new host.glide.GlideSysAttachment();
    const id = att.write(gr, 'a.txt', 'text/plain', 'hello');
    const rec = new GlideRecord('sys_attachment');
    rec.get(id);
    expect(rec.getValue('table_sys_id')).toBe(gr.getUniqueValue());
    expect(att.getContent(rec)).toBe('hello');
  });
});
