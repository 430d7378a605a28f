/** Run-once scheduler triggers (sys_trigger, trigger_type 0): the app's debounced outbox drain schedules them. */
import { describe, it, expect, beforeEach } from 'vitest';
import { TableStore } from './store.js';
import { createHost } from './glide/host.js';

let clock: number;
let host: ReturnType<typeof createHost>;
let GlideRecord: any;
let ran: string[];

beforeEach(() => {
  clock = Date.UTC(2026, 10, 23, 12, 0, 0);
  host = createHost({ store: new TableStore(), now: () => new Date(clock) });
  GlideRecord = host.glide.GlideRecord;
  ran = [];
  (globalThis as any).__twinTriggerRan = ran;
});

function trigger(name: string, nextAction: string, type = '0') {
  const gr = new GlideRecord('sys_trigger');
  gr.initialize();
  gr.setValue('name', name);
  gr.setValue('trigger_type', type);
  gr.setValue('next_action', nextAction);
  gr.setValue('script', `globalThis.__twinTriggerRan.push(${JSON.stringify(name)} + ':' + gs.getUserName());`);
  return gr.insert();
}

describe('sys_trigger run-once triggers', () => {
  it('run at next_action (not before), earliest first, as system, and are deleted once run', () => {
    trigger('later', '2026-11-23 12:00:02');
    trigger('sooner', '2026-11-23 12:00:01');
    expect(host.runJobs()).toEqual({ asyncRules: 0, jobs: 0 });
    expect(ran).toEqual([]);
    clock += 1000;
    expect(host.runJobs()).toEqual({ asyncRules: 0, jobs: 1 });
    expect(ran).toEqual(['sooner:system']);
    clock += 5000;
    host.runJobs();
    expect(ran).toEqual(['sooner:system', 'later:system']);
    expect([...host.store.rows('sys_trigger').values()]).toEqual([]);
    host.runJobs();
    expect(ran).toHaveLength(2); // run once
  });

  it('runJobs({ allJobs }) runs pending ones at once; other trigger types are left alone; a failing script is logged', () => {
    trigger('soon', '2026-11-23 12:10:00');
    trigger('repeating', '2026-11-23 11:00:00', '1');
    const bad = new GlideRecord('sys_trigger');
    bad.initialize();
    bad.setValue('name', 'broken');
    bad.setValue('next_action', '2026-11-23 11:59:00');
    bad.setValue('script', 'throw new Error("boom")');
    bad.insert();
    host.runJobs({ allJobs: true });
    expect(ran).toEqual(['soon:system']);
    expect(host.logs.some((l) => l.level === 'error' && l.message.includes('scheduler trigger "broken" failed'))).toBe(true);
    expect([...host.store.rows('sys_trigger').values()].map((r) => r.name)).toEqual(['repeating']);
  });
});

describe('scheduled events and script actions (gs.eventQueueScheduled, sysevent_script_action)', () => {
  it('processes an event at its time (not before), running its active script actions by order as system with event and current', () => {
    const GlideDateTime = host.glide.GlideDateTime as any;
    const gs = host.glide.gs as any;
    host.store.defineTable('x_probe', { fields: { name: {} } });
    const rec = new GlideRecord('x_probe');
    rec.initialize();
    rec.setValue('name', 'mark');
    const id = rec.insert();
    host.scriptActions.push(
      { name: 'second', eventName: 'x_probe.go', active: true, order: 200, script: (event: any, current: any) => ran.push(`second:${event.parm1}:${current.getValue('name')}`) },
      { name: 'first', eventName: 'x_probe.go', active: true, order: 100, script: 'globalThis.__twinTriggerRan.push("first:" + event.parm1 + ":" + gs.getUserName());' },
      { name: 'off', eventName: 'x_probe.go', active: false, order: 1, script: () => ran.push('off') },
    );
    const fresh = new GlideRecord('x_probe');
    fresh.get(id);
    gs.eventQueueScheduled('x_probe.go', fresh, 'p1', '', new GlideDateTime('2026-11-23 12:00:05'));
    expect(host.events.map((e: any) => e.name)).toEqual(['x_probe.go']);
    host.runJobs();
    expect(ran).toEqual([]);
    clock += 5000;
    host.runJobs();
    expect(ran).toEqual(['first:p1:system', 'second:p1:mark']);
    host.runJobs();
    expect(ran).toHaveLength(2);
  });

  it('refuses a create on sys_trigger from the app scope (cross-scope access policy), not from the platform itself', () => {
    host.appModuleDir = '/tmp/sn-twin-app-probe/modules';
    expect(host.inAppScope()).toBe(false);
    expect(trigger('from the test', '2026-11-23 12:00:00')).not.toBeNull();
    // A script running from the app's module directory is in the app's scope.
    host.appModuleDir = 'scheduler.test.ts';
    expect(host.inAppScope()).toBe(true);
    expect(trigger('from the app', '2026-11-23 12:00:00')).toBeNull();
    expect(host.logs.some((l) => l.source === 'security' && l.message.includes("Create operation against 'sys_trigger'") && l.message.includes('cross-scope access policy'))).toBe(true);
  });
});
