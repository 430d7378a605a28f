// The built app on the twin: a knowledge suggestion row (x_seam_bridge_kb_suggestion, as "Suggest
// knowledge (AI)" keeps them) that an agent reads through the Table API (read ACL: itil), and the
// built "Add to incident work notes (AI)" entry adding exactly that article as a labelled, cited work note.
// The twin does not load sys_ui_action, so the test calls the action's built entry with `current`.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createServiceNowTwin } from './index.js';
import { ADMIN, basic, call } from './helpers.js';

const APP = fileURLToPath(new URL('../../../servicenow-app', import.meta.url));
const ITIL = basic('itil.agent', 'itil');
let sn: Awaited<ReturnType<typeof createServiceNowTwin>>;

beforeAll(async () => { sn = await createServiceNowTwin({ app: APP }); }, 120_000);
afterAll(async () => { await sn?.close(); });

describe('Seam Knowledge Suggestions on the built app', () => {
  it('an agent reads the numbered suggestions, and the chosen one becomes an AI-suggested work note with its citation', async () => {
    const inc = await call(`${sn.url}/api/now/table/incident`, { method: 'POST', auth: ADMIN, json: { short_description: 'VPN error 809 from home' } });
    expect(inc.status).toBe(201);
    const incidentId = inc.json.result.sys_id;
    const gr = new sn.glide.GlideRecord('x_seam_bridge_kb_suggestion');
    const ids: string[] = [];
    for (const [rank, platform, number, title, url, snippet] of [
      ['1', 'salesforce', '000001001', 'VPN error 809', 'https://acme.my.site.com/s/article/vpn-809', 'Open UDP ports 500 and 4500.'],
      ['2', 'servicenow', 'KB0010007', 'VPN drops after update', 'https://acme.service-now.com/kb_view.do?sysparm_article=KB0010007', 'Reinstall the VPN client.'],
    ]) {
      gr.initialize();
      for (const [k, v] of Object.entries({ incident: incidentId, rank, current: 'true', platform, number, title, url, snippet })) gr.setValue(k, v);
      ids.push(String(gr.insert()));
    }
    // The agent's view through the Table API: readable with itil, not writable (only the server action writes).
    const listed = await call(`${sn.url}/api/now/table/x_seam_bridge_kb_suggestion?sysparm_query=${encodeURIComponent(`incident=${incidentId}^current=true^ORDERBYrank`)}`, { auth: ITIL });
    expect(listed.status).toBe(200);
    expect(listed.json.result.map((r: any) => [r.rank, r.number])).toEqual([['1', '000001001'], ['2', 'KB0010007']]);
    const create = await call(`${sn.url}/api/now/table/x_seam_bridge_kb_suggestion`, { method: 'POST', auth: ITIL, json: { incident: incidentId, rank: '3' } });
    expect(create.status).toBe(403);
    // The agent picks No. 2 and presses the button.
    const entry = sn.host.modules.get('x_seam_bridge/@seam/servicenow-app/0.1.0/src/server/entry/ui-actions') as { addSuggestionToIncident: (c: unknown) => void };
    const current = new sn.glide.GlideRecord('x_seam_bridge_kb_suggestion');
    expect(current.get(ids[1])).toBe(true);
    entry.addSuggestionToIncident(current);
    const notes = await call(`${sn.url}/api/now/table/sys_journal_field?sysparm_query=${encodeURIComponent(`element_id=${incidentId}^element=work_notes`)}`, { auth: ADMIN });
    expect(notes.status).toBe(200);
    expect(notes.json.result.map((r: any) => r.value)).toEqual([
      '[AI-suggested from knowledge, review before use]\nReinstall the VPN client.\nSource: ServiceNow KB0010007 "VPN drops after update" https://acme.service-now.com/kb_view.do?sysparm_article=KB0010007',
    ]);
  });
});
