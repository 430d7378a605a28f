// The Attachment API and GlideSysAttachment on the twin: uploads and writeBase64 go through
// GlideRecord, so rules on sys_attachment fire; content reads back byte for byte.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceNowTwin } from './index.js';
import { DEFAULT_USERS } from './auth.js';
import { ADMIN, INTEGRATION, NO_ROLES, basic, call } from './helpers.js';

let sn: Awaited<ReturnType<typeof createServiceNowTwin>>;
const seen: string[] = [];
beforeAll(async () => {
  // A principal with only the app's role, as servicenow-app/README.md step 2 first had it.
  sn = await createServiceNowTwin({ users: [...DEFAULT_USERS, { user_name: 'seam.minimal', password: 'minimal', roles: ['x_seam_bridge.integration'], name: 'Seam (app role only)' }] });
  sn.host.addBusinessRule({ name: 'att', table: 'sys_attachment', when: 'async', actions: { insert: true }, filter: 'table_name=incident', script: (c: any) => seen.push(c.getValue('file_name')) } as any);
});
afterAll(() => sn.close());

describe('Attachment API', () => {
  it('POST …/file stores the bytes, fires the sys_attachment rules, and GET …/file returns them', async () => {
    const inc = sn.store.insert('incident', { short_description: 'x' }, 'admin');
    const bytes = Buffer.from([0, 1, 2, 250, 255, 10]);
    const up = await fetch(`${sn.url}/api/now/attachment/file?table_name=incident&table_sys_id=${inc.sys_id}&file_name=dump.bin`, {
      method: 'POST', headers: { authorization: ADMIN, 'content-type': 'application/octet-stream' }, body: bytes,
    });
    expect(up.status).toBe(201);
    const meta = (await up.json()).result;
    expect(meta).toMatchObject({ table_name: 'incident', table_sys_id: inc.sys_id, file_name: 'dump.bin', size_bytes: '6' });
    sn.runJobs();
    expect(seen).toEqual(['dump.bin']);
    const down = await fetch(meta.download_link, { headers: { authorization: ADMIN } });
    expect(Buffer.from(await down.arrayBuffer())).toEqual(bytes);
    const list = await call(`${sn.url}/api/now/attachment?sysparm_query=table_sys_id=${inc.sys_id}`, { auth: ADMIN });
    expect(list.json.result.map((r: any) => r.sys_id)).toEqual([meta.sys_id]);
    expect((await call(`${sn.url}/api/now/attachment/${meta.sys_id}`, { auth: ADMIN })).json.result.file_name).toBe('dump.bin');
    expect((await call(`${sn.url}/api/now/attachment/${meta.sys_id}`, { auth: NO_ROLES })).status).toBe(404);
    expect((await call(`${sn.url}/api/now/attachment/${meta.sys_id}`, { auth: ADMIN, method: 'DELETE' })).status).toBe(204);
    expect((await call(`${sn.url}/api/now/attachment/${meta.sys_id}/file`, { auth: ADMIN })).status).toBe(404);
  });

  it('GET …/file as the integration user (delivery poll: Salesforce pulls a file): read on the incident (itil) is what it needs; without it, 404', async () => {
    const inc = sn.store.insert('incident', { short_description: 'x' }, 'admin');
    const bytes = Buffer.from('printer log');
    const id = sn.host.addAttachment('incident', inc.sys_id, 'printer.log', 'text/plain', bytes);
    const down = await fetch(`${sn.url}/api/now/attachment/${id}/file`, { headers: { authorization: INTEGRATION } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('text/plain');
    expect(Buffer.from(await down.arrayBuffer())).toEqual(bytes);
    const refused = await call(`${sn.url}/api/now/attachment/${id}/file`, { auth: NO_ROLES });
    expect(refused.status).toBe(404);
    // The app's role alone does not read incidents, so it cannot read their files either.
    expect((await call(`${sn.url}/api/now/attachment/${id}/file`, { auth: basic('seam.minimal', 'minimal') })).status).toBe(404);
    expect(refused.json.error.message).toBe('Record doesn\'t exist or ACL restricts the record retrieval');
  });

  it('refuses an upload without its parameters or to a missing record', async () => {
    expect((await call(`${sn.url}/api/now/attachment/file?table_name=incident`, { auth: ADMIN, method: 'POST', body: 'x' })).status).toBe(400);
    expect((await call(`${sn.url}/api/now/attachment/file?table_name=incident&table_sys_id=${'0'.repeat(32)}&file_name=a`, { auth: ADMIN, method: 'POST', body: 'x' })).status).toBe(400);
  });

  it('GlideSysAttachment.writeBase64 / getContentBase64 round-trip and fire the rules', () => {
    const inc = sn.store.insert('incident', { short_description: 'y' }, 'admin');
    const gr = new sn.glide.GlideRecord('incident');
    gr.get(inc.sys_id);
    const gsa = new sn.glide.GlideSysAttachment();
    const b64 = Buffer.from('héllo').toString('base64');
    const id = gsa.writeBase64(gr, 'note.txt', 'text/plain', b64);
    const att = new sn.glide.GlideRecord('sys_attachment');
    att.get(id);
    expect(gsa.getContentBase64(att)).toBe(b64);
    expect(gsa.getContent(att)).toBe('héllo');
    sn.runJobs();
    expect(seen).toContain('note.txt');
  });
});
