import { describe, it, expect, beforeEach } from 'vitest';
import { TableStore } from './store.js';
import { createHost } from './glide/host.js';

let host: ReturnType<typeof createHost>;
let GlideRecord: any;

beforeEach(() => {
  host = createHost({ store: new TableStore() });
  GlideRecord = host.glide.GlideRecord;
});

const insertIncident = (values: Record<string, string>) => {
  const gr = new GlideRecord('incident');
  gr.initialize();
  for (const [k, v] of Object.entries(values)) gr.setValue(k, v);
  return gr.insert() as string;
};
const stored = (id: string) => host.store.get('incident', id)!;

describe('priority data lookup (dl_u_priority)', () => {
  it('sets priority from urgency × impact on insert, for every combination of the 3×3 table', () => {
    const expected: Record<string, string> = { '1,1': '1', '1,2': '2', '1,3': '3', '2,1': '2', '2,2': '3', '2,3': '4', '3,1': '3', '3,2': '4', '3,3': '5' };
    for (const [key, priority] of Object.entries(expected)) {
      const [urgency, impact] = key.split(',');
      // An explicitly written priority is replaced by the lookup, as on an instance.
      expect(stored(insertIncident({ short_description: key, urgency, impact, priority: '1' === priority ? '5' : '1' })).priority, key).toBe(priority);
    }
  });

  it('recomputes on update when urgency or impact changes, and leaves a directly set priority alone otherwise', () => {
    const id = insertIncident({ urgency: '2', impact: '3' });
    expect(stored(id).priority).toBe('4');
    const gr = new GlideRecord('incident');
    gr.get(id);
    gr.setValue('impact', '1');
    gr.update();
    expect(stored(id).priority).toBe('2');
    gr.setValue('priority', '1');
    gr.update();
    expect(stored(id).priority).toBe('1');
  });

  it('runs between before rules of order < 1000 and those of order ≥ 1000', () => {
    const seen: string[] = [];
    const rule = (r: Record<string, unknown>) => host.addBusinessRule({ table: 'incident', when: 'before', actions: { insert: true, update: true }, ...r } as any);
    rule({ name: 'early', order: 900, script: (c: any) => { seen.push('early:' + c.getValue('priority')); c.setValue('urgency', '1'); } });
    rule({ name: 'late', order: 1000, script: (c: any) => seen.push('late:' + c.getValue('priority')) });
    const id = insertIncident({ urgency: '3', impact: '2' });
    expect(seen).toEqual(['early:5', 'late:2']);
    expect(stored(id).priority).toBe('2');
  });

  it('does not run when the write skips the engines (setWorkflow(false))', () => {
    const gr = new GlideRecord('incident');
    gr.initialize();
    gr.setWorkflow(false);
    gr.setValue('urgency', '1');
    gr.setValue('impact', '1');
    expect(stored(gr.insert()).priority).toBe('5');
  });
});
