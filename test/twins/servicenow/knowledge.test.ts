// kb_knowledge through the Table API: what ingestion reads (published, not retired, by
// sys_updated_on) and what the knowledge-gap flow writes (a draft, never published).
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createServiceNowTwin } from './index.js';
import { ADMIN, INTEGRATION, NO_ROLES, call } from './helpers.js';

type Twin = Awaited<ReturnType<typeof createServiceNowTwin>>;
let sn: Twin;
const kb = (path = '') => `${sn.url}/api/now/table/kb_knowledge${path}`;

beforeEach(async () => { sn = await createServiceNowTwin(); });
afterEach(async () => { await sn.close(); });

describe('kb_knowledge', () => {
  it('numbers articles KB…, defaults them to draft, and filters published ones by the sys_updated_on cursor', async () => {
    const base = await call(`${sn.url}/api/now/table/kb_knowledge_base`, { method: 'POST', auth: ADMIN, json: { title: 'IT' } });
    expect(base.status).toBe(201);
    const a = await call(kb(), { method: 'POST', auth: ADMIN, json: { short_description: 'VPN error 809', text: '<p>Open UDP 500 and 4500.</p>', kb_knowledge_base: base.json.result.sys_id, workflow_state: 'published' } });
    const b = await call(kb(), { method: 'POST', auth: ADMIN, json: { short_description: 'Old printer guide', text: '<p>Retired.</p>', workflow_state: 'retired' } });
    const c = await call(kb(), { method: 'POST', auth: ADMIN, json: { short_description: 'Unfinished', text: '<p>…</p>' } });
    expect(a.json.result.number).toMatch(/^KB\d{7}$/);
    expect(c.json.result.workflow_state).toBe('draft');
    const q = encodeURIComponent('workflow_state=published^active=true^sys_updated_on>=1970-01-01 00:00:00^ORDERBYsys_updated_on');
    const listed = await call(kb(`?sysparm_query=${q}&sysparm_fields=sys_id,number,short_description,text,sys_updated_on,kb_knowledge_base&sysparm_display_value=all`), { auth: INTEGRATION });
    expect(listed.status).toBe(200);
    expect(listed.json.result.map((r: any) => r.number.value)).toEqual([a.json.result.number]);
    expect(listed.json.result[0].kb_knowledge_base.display_value).toBe('IT');
    expect(b.json.result.workflow_state).toBe('retired');
  });

  it('the integration user (knowledge role) may create a draft; a user without roles may not read', async () => {
    const draft = await call(kb(), { method: 'POST', auth: INTEGRATION, json: { short_description: 'Knowledge gap: badge reader', text: 'Draft', workflow_state: 'draft' } });
    expect(draft.status).toBe(201);
    expect(draft.json.result.sys_created_by).toBe('seam.integration');
    const denied = await call(kb(), { auth: NO_ROLES });
    expect(denied.status).toBe(403);
  });
});
