import { describe, it, expect, beforeEach } from 'vitest';
import { TableStore } from './store.js';
import { createHost } from './glide/host.js';

let host: ReturnType<typeof createHost>;
let GlideRecord: any;
let trail: string[];

beforeEach(() => {
  host = createHost({ store: new TableStore() });
  GlideRecord = host.glide.GlideRecord;
  trail = [];
});

const rule = (r: Record<string, unknown>) => host.addBusinessRule({ table: 'incident', actions: { insert: true, update: true }, ...r } as any);

describe('business rules', () => {
  it('run before (by order, may change current) → write → after (sees the change) → async queued', () => {
    rule({ name: 'b200', when: 'before', order: 200, script: (c: any) => { trail.push('before200:' + c.getValue('short_description')); c.setValue('short_description', c.getValue('short_description') + '!'); } });
    rule({ name: 'b100', when: 'before', order: 100, script: (c: any) => { trail.push('before100:' + c.getValue('short_description')); c.setValue('short_description', c.getValue('short_description') + '?'); } });
    rule({ name: 'after', when: 'after', script: (c: any) => trail.push('after:' + c.getValue('short_description') + ':stored=' + host.store.get('incident', c.getUniqueValue())?.short_description) });
    rule({ name: 'async', when: 'async', script: (c: any) => trail.push('async:' + c.getValue('short_description') + ':' + c.getValue('sys_mod_count')) });

    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.short_description = 'hi';
    gr.insert();
    expect(trail).toEqual(['before100:hi', 'before200:hi?', 'after:hi?!:stored=hi?!']);
    expect(host.asyncQueue).toHaveLength(1);

    // async rules re-read current: a later update is visible when the queue drains
    const again = new GlideRecord('incident');
    again.get(gr.getUniqueValue());
    again.setWorkflow(false);
    again.short_description = 'later';
    again.update();
    expect(host.runJobs()).toEqual({ asyncRules: 1, jobs: 0 });
    expect(trail.at(-1)).toBe('async:later:1');
    expect(host.asyncQueue).toHaveLength(0);
  });

  it('async rules run in the session of the user who made the change', () => {
    rule({ name: 'who', when: 'async', script: () => trail.push(host.glide.gs.getUserName()) });
    host.runAs({ sys_id: 'u9', user_name: 'seam.integration', roles: [] }, () => {
      const gr = new GlideRecord('incident');
      gr.initialize();
      gr.insert();
    });
    host.runJobs();
    expect(trail).toEqual(['seam.integration']);
  });

  it('setWorkflow(false) skips every rule', () => {
    rule({ name: 'b', when: 'before', script: () => trail.push('before') });
    rule({ name: 'a', when: 'after', script: () => trail.push('after') });
    rule({ name: 'q', when: 'async', script: () => trail.push('async') });
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.setWorkflow(false);
    gr.insert();
    gr.short_description = 'x';
    gr.update();
    host.runJobs();
    expect(trail).toEqual([]);
  });

  it('update rules get previous; filter conditions (incl. CHANGESTO) and script conditions gate rules', () => {
    rule({ name: 'resolved', when: 'after', actions: { update: true }, filter: 'stateCHANGESTO6', script: (c: any, p: any) => trail.push(`resolved from ${p.getValue('state')}`) });
    rule({ name: 'p1', when: 'before', actions: { update: true }, condition: "current.priority == '1'", script: () => trail.push('p1') });
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.insert();
    gr.state = 2;
    gr.update();
    expect(trail).toEqual([]);
    gr.state = 6;
    gr.priority = 1;
    gr.update();
    expect(trail).toEqual(['p1', 'resolved from 2']);
    gr.short_description = 'still resolved';
    gr.update();
    expect(trail).toEqual(['p1', 'resolved from 2', 'p1']);
  });

  it('rules only fire for their actions; delete rules fire on deleteRecord', () => {
    host.addBusinessRule({ name: 'd', table: 'incident', when: 'before', actions: { delete: true }, script: () => trail.push('delete') } as any);
    rule({ name: 'ins', when: 'before', actions: { insert: true }, script: () => trail.push('insert') });
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.insert();
    gr.short_description = 'u';
    gr.update();
    gr.deleteRecord();
    expect(trail).toEqual(['insert', 'delete']);
  });

  it('a before rule can abort the write with setAbortAction(true)', () => {
    rule({ name: 'guard', when: 'before', actions: { insert: true }, script: (c: any) => c.setAbortAction(true) });
    rule({ name: 'after', when: 'after', script: () => trail.push('after') });
    const gr = new GlideRecord('incident');
    gr.initialize();
    expect(gr.insert()).toBeNull();
    expect(host.store.find('incident', '')).toHaveLength(0);
    expect(trail).toEqual([]);
  });

  it('a failing rule is logged and the transaction continues, as on the platform', () => {
    rule({ name: 'boom', when: 'before', script: () => { throw new Error('kaput'); } });
    const gr = new GlideRecord('incident');
    gr.initialize();
    expect(gr.insert()).toMatch(/^[0-9a-f]{32}$/);
    expect(host.logs.some((l) => l.level === 'error' && l.message.includes('boom') && l.message.includes('kaput'))).toBe(true);
  });

  it('journal entries are records: rules on sys_journal_field fire for a comment', () => {
    host.addBusinessRule({ name: 'comment', table: 'sys_journal_field', when: 'after', actions: { insert: true }, filter: 'name=incident^element=comments', script: (c: any) => trail.push('journal:' + c.getValue('value')) } as any);
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.insert();
    gr.work_notes = 'internal only';
    gr.comments = 'for the customer';
    gr.update();
    expect(trail).toEqual(['journal:for the customer']);
  });

  it('an invalid filter condition is logged with the rule name and the rule does not run', () => {
    rule({ name: 'typo', when: 'before', filter: 'stateCHANGES', script: () => trail.push('ran') });
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.insert();
    expect(trail).toEqual([]);
    expect(host.logs.some((l) => l.level === 'error' && l.message.includes('"typo"') && l.message.includes('stateCHANGES'))).toBe(true);
  });

  it('scheduled jobs run when due, or all with allJobs', () => {
    let t = 0;
    const store = new TableStore({ now: () => new Date(t) });
    const h = createHost({ store });
    h.addScheduledJob({ name: 'every minute', periodMs: 60_000, script: () => trail.push('job') });
    expect(h.runJobs().jobs).toBe(0);
    t = 60_000;
    expect(h.runJobs().jobs).toBe(1);
    expect(h.runJobs().jobs).toBe(0);
    expect(h.runJobs({ allJobs: true }).jobs).toBe(1);
    expect(trail).toEqual(['job', 'job']);
  });
});
