import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { createServiceNowTwin } from './index.js';
import { ADMIN, INTEGRATION, NO_ROLES, basic, call, ofPriority } from './helpers.js';

type Twin = Awaited<ReturnType<typeof createServiceNowTwin>>;
let sn: Twin;
const table = (path = '') => `${sn.url}/api/now/table/incident${path}`;

beforeEach(async () => {
  sn = await createServiceNowTwin();
});
afterEach(async () => {
  await sn.close();
});

async function createIncident(fields: Record<string, unknown>) {
  const r = await call(table(), { method: 'POST', auth: ADMIN, json: fields });
  expect(r.status).toBe(201);
  return r.json.result as Record<string, any>;
}

describe('Table API CRUD', () => {
  it('stamps resolved_at when an incident is resolved and closed_at when closed, as the platform does', async () => {
    const created = await createIncident({ short_description: 'VPN down' });
    expect(created.resolved_at).toBe('');
    const resolved = await call(table(`/${created.sys_id}`), { method: 'PATCH', auth: ADMIN, json: { state: '6' } });
    expect(resolved.json.result.resolved_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(resolved.json.result.closed_at).toBe('');
    const closed = await call(table(`/${created.sys_id}`), { method: 'PATCH', auth: ADMIN, json: { state: '7' } });
    expect(closed.json.result.closed_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(closed.json.result.resolved_at).toBe(resolved.json.result.resolved_at);
  });

  it('POST creates with sys fields and a number, GET reads it, PATCH bumps sys_mod_count, DELETE removes', async () => {
    const created = await createIncident({ short_description: 'VPN down', ...ofPriority('2'), bogus_field: 'ignored' });
    expect(created.sys_id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.number).toBe('INC0010001');
    expect(created.sys_mod_count).toBe('0');
    expect(created.sys_created_by).toBe('admin');
    expect(created).not.toHaveProperty('bogus_field');

    const got = await call(table(`/${created.sys_id}`), { auth: ADMIN });
    expect(got.json.result.short_description).toBe('VPN down');

    const patched = await call(table(`/${created.sys_id}`), { method: 'PATCH', auth: ADMIN, json: { state: '2', sys_mod_count: '99' } });
    expect(patched.status).toBe(200);
    expect(patched.json.result.state).toBe('2');
    expect(patched.json.result.sys_mod_count).toBe('1');

    const put = await call(table(`/${created.sys_id}`), { method: 'PUT', auth: ADMIN, json: { state: '3' } });
    expect(put.json.result.sys_mod_count).toBe('2');

    const del = await call(table(`/${created.sys_id}`), { method: 'DELETE', auth: ADMIN });
    expect(del.status).toBe(204);
    const gone = await call(table(`/${created.sys_id}`), { auth: ADMIN });
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: { message: 'No Record found', detail: "Record doesn't exist or ACL restricts the record retrieval" }, status: 'failure' });
  });

  it('second incident gets the next number', async () => {
    await createIncident({ short_description: 'one' });
    const two = await createIncident({ short_description: 'two' });
    expect(two.number).toBe('INC0010002');
  });
});

describe('Table API query parameters', () => {
  beforeEach(async () => {
    for (const [d, p] of [['alpha', '1'], ['beta', '2'], ['gamma', '3'], ['delta', '4']]) await createIncident({ short_description: d, ...ofPriority(p) });
  });

  it('sysparm_query filters and orders; X-Total-Count counts all matches; limit/offset page', async () => {
    const r = await call(table('?sysparm_query=' + encodeURIComponent('priority>=2^ORDERBYDESCpriority') + '&sysparm_limit=2&sysparm_offset=1&sysparm_fields=short_description,priority'), { auth: ADMIN });
    expect(r.status).toBe(200);
    expect(r.headers.get('x-total-count')).toBe('3');
    expect(r.json.result).toEqual([{ short_description: 'gamma', priority: '3' }, { short_description: 'beta', priority: '2' }]);
    expect(r.headers.get('link')).toContain('rel="first"');
  });

  it('an unknown field in the query returns no rows rather than every row', async () => {
    const r = await call(table('?sysparm_query=no_such_field=1'), { auth: ADMIN });
    expect(r.json.result).toEqual([]);
  });

  it('malformed query is a 400 with the platform error body', async () => {
    const r = await call(table('?sysparm_query=' + encodeURIComponent('priority~2')), { auth: ADMIN });
    expect(r.status).toBe(400);
    expect(r.json.status).toBe('failure');
    expect(r.json.error.detail).toContain('priority~2');
  });

  it('sysparm_display_value false/true/all renders references and choices as documented', async () => {
    const admin = sn.store.find('sys_user', 'user_name=admin')[0];
    const inc = await createIncident({ short_description: 'refs', caller_id: admin.sys_id, ...ofPriority('1') });
    const q = (mode: string) => call(table(`/${inc.sys_id}?sysparm_fields=caller_id,priority,assigned_to&sysparm_display_value=${mode}`), { auth: ADMIN });
    const link = `${sn.url}/api/now/table/sys_user/${admin.sys_id}`;
    expect((await q('false')).json.result).toEqual({ caller_id: { link, value: admin.sys_id }, priority: '1', assigned_to: '' });
    expect((await q('true')).json.result).toEqual({ caller_id: { display_value: 'System Administrator', link }, priority: '1 - Critical', assigned_to: '' });
    expect((await q('all')).json.result).toEqual({
      caller_id: { display_value: 'System Administrator', link, value: admin.sys_id },
      priority: { display_value: '1 - Critical', value: '1' },
      assigned_to: { display_value: '', value: '' },
    });
  });

  it('journal fields: a write adds an entry, the value reads empty, the display value is the journal', async () => {
    const inc = await createIncident({ short_description: 'j', comments: 'first' });
    await call(table(`/${inc.sys_id}`), { method: 'PATCH', auth: INTEGRATION, json: { comments: 'second' } });
    const raw = await call(table(`/${inc.sys_id}?sysparm_fields=comments`), { auth: ADMIN });
    expect(raw.json.result).toEqual({ comments: '' });
    const shown = (await call(table(`/${inc.sys_id}?sysparm_fields=comments&sysparm_display_value=true`), { auth: ADMIN })).json.result.comments as string;
    expect(shown.indexOf('second')).toBeLessThan(shown.indexOf('first'));
    expect(shown).toContain('Seam Integration (Additional comments)');
  });

  it('dot-walked fields work in queries and sysparm_fields', async () => {
    const admin = sn.store.find('sys_user', 'user_name=admin')[0];
    await createIncident({ short_description: 'walk', caller_id: admin.sys_id });
    const r = await call(table('?sysparm_query=caller_id.user_name=admin&sysparm_fields=short_description,caller_id.name'), { auth: ADMIN });
    expect(r.json.result).toEqual([{ short_description: 'walk', 'caller_id.name': 'System Administrator' }]);
  });
});

describe('Table API errors and auth', () => {
  it('unknown table and invalid JSON are 400 with the platform body', async () => {
    const t = await call(`${sn.url}/api/now/table/not_a_table`, { auth: ADMIN });
    expect(t.status).toBe(400);
    expect(t.json).toEqual({ error: { message: 'Invalid table not_a_table', detail: null }, status: 'failure' });
    const j = await call(table(), { method: 'POST', auth: ADMIN, body: '{oops', headers: { 'content-type': 'application/json' } });
    expect(j.status).toBe(400);
    expect(j.json.error.message).toBe('Exception while reading request');
  });

  it('missing and forged credentials are 401', async () => {
    for (const auth of [undefined, basic('admin', 'wrong'), basic('nobody', 'x'), 'Bearer forged-token']) {
      const r = await call(table(), { auth });
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' }, status: 'failure' });
    }
  });

  it('a user without the table role gets 403 on read and create; itil may read and create but not delete', async () => {
    expect((await call(table(), { auth: NO_ROLES })).status).toBe(403);
    const denied = await call(table(), { method: 'POST', auth: NO_ROLES, json: { short_description: 'x' } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.detail).toBe('ACL Exception Insert Failed due to security constraints');
    expect(sn.store.find('incident', '')).toHaveLength(0);

    const ok = await call(table(), { method: 'POST', auth: INTEGRATION, json: { short_description: 'x' } });
    expect(ok.status).toBe(201);
    const del = await call(table(`/${ok.json.result.sys_id}`), { method: 'DELETE', auth: INTEGRATION });
    expect(del.status).toBe(403);
  });

  it('OAuth client credentials issue a bearer token that authenticates as the client user', async () => {
    const bad = await call(`${sn.url}/oauth_token.do`, { method: 'POST', body: 'grant_type=client_credentials&client_id=seam-client&client_secret=nope', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(bad.status).toBe(401);
    const tok = await call(`${sn.url}/oauth_token.do`, { method: 'POST', body: 'grant_type=client_credentials&client_id=seam-client&client_secret=seam-secret', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tok.status).toBe(200);
    expect(tok.json).toMatchObject({ token_type: 'Bearer', expires_in: 1799 });
    const created = await call(table(), { method: 'POST', auth: `Bearer ${tok.json.access_token}`, json: { short_description: 'via oauth' } });
    expect(created.status).toBe(201);
    expect(created.json.result.sys_created_by).toBe('seam.integration');
  });

  it('REST writes fire business rules like script writes do', async () => {
    sn.host.addBusinessRule({ name: 'upper', table: 'incident', when: 'before', actions: { insert: true }, script: (current: any) => current.setValue('short_description', String(current.short_description).toUpperCase()) });
    const r = await call(table(), { method: 'POST', auth: ADMIN, json: { short_description: 'quiet' } });
    expect(r.json.result.short_description).toBe('QUIET');
  });
});

describe('persistence', () => {
  it('save/load round-trips rows and number counters', async () => {
    await createIncident({ short_description: 'persist me' });
    const file = `${process.env.TMPDIR ?? '/tmp'}/sn-twin-${process.pid}-${Date.now()}.json`;
    sn.save(file);
    const again = await createServiceNowTwin({ storeFile: file });
    try {
      expect(again.store.find('incident', 'short_description=persist me')).toHaveLength(1);
      const gr = new again.glide.GlideRecord('incident');
      gr.initialize();
      gr.insert();
      expect(gr.getValue('number')).toBe('INC0010002');
    } finally {
      await again.close();
    }
  });
});

// Issue 14 "How we will know": a client written only from the documented Table API contract
// (no npm ServiceNow client can target a local http twin: servicenow-rest-api 1.2.2 hard-codes
// https://<instance>.service-now.com) pages a query by following the Link header, as documented.
describe('Table API: a documented-contract client', () => {
  /** RFC 8288 Link header → { rel: url } */
  const parseLink = (h: string | null) => Object.fromEntries((h ?? '').split(',').map((p) => /<([^>]+)>;\s*rel="(\w+)"/.exec(p.trim())).filter(Boolean).map((m) => [m![2], m![1]]));

  it('follows rel="next" through every page: X-Total-Count is stable, pages hold sysparm_limit rows of exactly sysparm_fields, ^OR and ORDERBY hold, nothing repeats', async () => {
    for (let i = 0; i < 23; i++) await createIncident({ short_description: `page probe ${String(i).padStart(2, '0')}`, ...ofPriority(i % 2 ? '2' : '4') });
    await createIncident({ short_description: 'not in the query', ...ofPriority('5') });
    const query = 'priority=2^ORpriority=4^short_descriptionSTARTSWITHpage probe^ORDERBYshort_description';
    let next: string | undefined = `${sn.url}/api/now/v2/table/incident?sysparm_query=${encodeURIComponent(query)}&sysparm_fields=sys_id,short_description,priority&sysparm_limit=5`;
    const seen: string[] = [];
    let pages = 0;
    while (next) {
      const r = await call(next, { auth: ADMIN });
      expect(r.status).toBe(200);
      expect(r.headers.get('x-total-count')).toBe('23');
      const rows = r.json.result as Record<string, string>[];
      expect(rows.length).toBeLessThanOrEqual(5);
      for (const row of rows) {
        expect(Object.keys(row).sort()).toEqual(['priority', 'short_description', 'sys_id']);
        expect(['2', '4']).toContain(row.priority);
        seen.push(row.short_description);
      }
      pages += 1;
      const links = parseLink(r.headers.get('link'));
      expect(links.first).toBeDefined();
      expect(links.last).toBeDefined();
      next = links.next;
    }
    expect(pages).toBe(Math.ceil(23 / 5));
    expect(seen).toEqual(Array.from({ length: 23 }, (_, i) => `page probe ${String(i).padStart(2, '0')}`));
  });

  it('every error is the platform envelope {"error":{"message","detail"},"status":"failure"}', async () => {
    const bodies = [
      await call(`${sn.url}/api/now/table/incident/0123456789abcdef0123456789abcdef`, { auth: ADMIN }),
      await call(`${sn.url}/api/now/table/no_such_table`, { auth: ADMIN }),
      await call(table(), { method: 'POST', auth: ADMIN, body: '{not json', headers: { 'content-type': 'application/json' } }),
      await call(table('?sysparm_query=' + encodeURIComponent('priority~2')), { auth: ADMIN }),
      await call(table(), { auth: basic('admin', 'wrong') }),
      await call(table(), { auth: NO_ROLES }),
    ];
    expect(bodies.map((b) => b.status)).toEqual([404, 400, 400, 400, 401, 403]);
    for (const b of bodies) {
      expect(Object.keys(b.json).sort()).toEqual(['error', 'status']);
      expect(b.json.status).toBe('failure');
      expect(typeof b.json.error.message).toBe('string');
      expect('detail' in b.json.error).toBe(true);
    }
  });
});
