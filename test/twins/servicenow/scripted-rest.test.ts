import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServiceNowTwin } from './index.js';
import { matchRoute, routeAllowed, DEFAULT_REST_ACL } from './scripted-rest.js';
import { ADMIN, INTEGRATION, NO_ROLES, basic, call } from './helpers.js';

const route = (over: Record<string, unknown> = {}) => ({
  name: 'r', method: 'GET', basePath: '/api/x_seam_bridge/seam', relativePath: '/links/{caseId}', requiresAuthentication: true, requiresAclAuthorization: true, acls: [] as string[], script: '', ...over,
});

describe('route matching and ACLs', () => {
  it('matches path params, versioned and default URIs, and nothing else', () => {
    const r = route({ paths: ['/api/x_seam_bridge/v1/seam/links/{caseId}', '/api/x_seam_bridge/seam/links/{caseId}'] });
    expect(matchRoute(r, '/api/x_seam_bridge/v1/seam/links/500A%20B')).toEqual({ caseId: '500A B' });
    expect(matchRoute(r, '/api/x_seam_bridge/seam/links/500A/')).toEqual({ caseId: '500A' });
    expect(matchRoute(r, '/api/x_seam_bridge/seam/links')).toBeNull();
    expect(matchRoute(r, '/api/x_seam_bridge/seam/links/a/b')).toBeNull();
  });

  it('needs a role of every enforced ACL; admin overrides; contained roles count; the default ACL only needs a login', async () => {
    const sn = await createServiceNowTwin({ users: [{ user_name: 'boss', password: 'b', roles: ['x_seam_bridge.admin'] }] });
    try {
      sn.host.acls.set('acl1', { sys_id: 'acl1', name: 'api', type: 'rest_endpoint', operation: 'execute', roles: ['x_seam_bridge.integration'], adminOverrides: true, active: true });
      sn.host.roleContains['x_seam_bridge.admin'] = ['x_seam_bridge.integration'];
      const r = route({ acls: ['acl1', DEFAULT_REST_ACL] }) as any;
      expect(routeAllowed(sn.host, r, { sys_id: '', user_name: 'a', roles: ['itil'] })).toBe(false);
      expect(routeAllowed(sn.host, r, { sys_id: '', user_name: 'a', roles: ['x_seam_bridge.integration'] })).toBe(true);
      expect(routeAllowed(sn.host, r, { sys_id: '', user_name: 'a', roles: ['admin'] })).toBe(true);
      expect(routeAllowed(sn.host, route({ acls: [DEFAULT_REST_ACL] }) as any, { sys_id: '', user_name: 'a', roles: [] })).toBe(true);
      // role containment is applied when the user authenticates
      sn.host.routes.push({ ...route({ acls: ['acl1'] }), script: (_q: any, res: any) => res.setBody({ ok: true }) } as any);
      expect((await call(`${sn.url}/api/x_seam_bridge/seam/links/1`, { auth: basic('boss', 'b') })).status).toBe(200);
    } finally {
      await sn.close();
    }
  });
});

describe('scripted REST responses', () => {
  let sn: Awaited<ReturnType<typeof createServiceNowTwin>>;
  beforeAll(async () => {
    sn = await createServiceNowTwin();
    const { ServiceError } = sn.glide.sn_ws_err;
    const add = (method: string, path: string, script: (req: any, res: any) => void) =>
      sn.host.routes.push({ name: path, method, basePath: '/api/x_seam_bridge/t', relativePath: path, requiresAuthentication: true, requiresAclAuthorization: false, acls: [], script } as any);
    add('POST', '/echo', (req, res) => { res.setStatus(201); res.setBody({ data: req.body.data, text: req.body.dataString, h: req.getHeader('X-Seam') }); });
    add('GET', '/thrown', () => { throw new ServiceError().setStatus(409).setMessage('Conflict on link').setDetail('version 3 < 4'); });
    add('GET', '/set-error', (_req, res) => res.setError(new ServiceError().setStatus(400).setMessage('Bad').setDetail('field x')));
    add('GET', '/bug', () => { throw new TypeError('undefined is not a function'); });
    add('GET', '/stream', (_req, res) => { res.setContentType('text/plain'); res.getStreamWriter().writeString('raw text'); });
    add('DELETE', '/nothing', (_req, res) => res.setStatus(204));
  });
  afterAll(() => sn.close());

  it('setBody is wrapped in {result}; request body, headers and status pass through', async () => {
    const r = await call(`${sn.url}/api/x_seam_bridge/t/echo`, { method: 'POST', auth: INTEGRATION, json: { a: [1] }, headers: { 'X-Seam': 'yes' } });
    expect(r.status).toBe(201);
    expect(r.json).toEqual({ result: { data: { a: [1] }, text: '{"a":[1]}', h: 'yes' } });
  });

  it('ServiceError (thrown or set) answers with the platform error body; a script bug is a 500', async () => {
    const thrown = await call(`${sn.url}/api/x_seam_bridge/t/thrown`, { auth: ADMIN });
    expect(thrown.status).toBe(409);
    expect(thrown.json).toEqual({ error: { message: 'Conflict on link', detail: 'version 3 < 4' }, status: 'failure' });
    const set = await call(`${sn.url}/api/x_seam_bridge/t/set-error`, { auth: ADMIN });
    expect(set.status).toBe(400);
    expect(set.json.error.detail).toBe('field x');
    const bug = await call(`${sn.url}/api/x_seam_bridge/t/bug`, { auth: ADMIN });
    expect(bug.status).toBe(500);
    expect(bug.json.status).toBe('failure');
    expect(sn.host.logs.some((l) => l.message.includes('undefined is not a function'))).toBe(true);
  });

  it('stream writer output is sent raw; 204 has no body; unknown credentials are 401', async () => {
    const s = await call(`${sn.url}/api/x_seam_bridge/t/stream`, { auth: NO_ROLES });
    expect(s.text).toBe('raw text');
    expect(s.headers.get('content-type')).toBe('text/plain');
    const n = await call(`${sn.url}/api/x_seam_bridge/t/nothing`, { method: 'DELETE', auth: ADMIN });
    expect(n.status).toBe(204);
    expect(n.text).toBe('');
    expect((await call(`${sn.url}/api/x_seam_bridge/t/stream`, { auth: basic('admin', 'nope') })).status).toBe(401);
  });
});

describe('REST transaction quota (the platform cancels a REST request that runs past its quota rule)', () => {
  it('cancels at the next database call past the quota: HTTP 200 with the platform error body, earlier writes kept, catching does not help', async () => {
    const sn = await createServiceNowTwin({ restQuotaMs: 150 });
    try {
      const { GlideRecord } = sn.glide;
      let caught = 0;
      sn.host.routes.push({
        name: 'slow', method: 'POST', basePath: '/api/x_seam_bridge/t', relativePath: '/slow', requiresAuthentication: true, requiresAclAuthorization: false, acls: [],
        script: (_req: any, res: any) => {
          for (let i = 0; i < 5; i++) {
            try {
              const gr = new GlideRecord('incident');
              gr.initialize();
              gr.setValue('short_description', `slow ${i}`);
              gr.insert();
            } catch { caught += 1; }
            const until = Date.now() + 100;
            while (Date.now() < until) { /* a slow step, e.g. a model call */ }
          }
          res.setBody({ done: true });
        },
      } as any);
      const r = await call(`${sn.url}/api/x_seam_bridge/t/slow`, { method: 'POST', auth: ADMIN, json: {} });
      expect(r.status).toBe(200);
      expect(r.json).toEqual({
        error: { message: 'Transaction cancelled: maximum execution time exceeded', detail: expect.stringContaining('Transaction cancelled: maximum execution time exceeded') },
        status: 'failure',
      });
      const kept = [...sn.store.rows('incident').values()].filter((row: any) => String(row.short_description).startsWith('slow '));
      // The first insert (at 0 ms) is inside the quota, the last (at ≥ 400 ms) past it; each later call throws.
      expect(kept.length).toBeGreaterThanOrEqual(1);
      expect(kept.length).toBeLessThan(5);
      expect(caught).toBe(5 - kept.length);
      expect(sn.host.logs.some((l) => l.source === 'quota')).toBe(true);
      // The next request starts a new transaction with a fresh quota.
      sn.host.routes.push({ name: 'fast', method: 'GET', basePath: '/api/x_seam_bridge/t', relativePath: '/fast', requiresAuthentication: true, requiresAclAuthorization: false, acls: [], script: (_q: any, res: any) => { new GlideRecord('incident').query(); res.setBody({ ok: 1 }); } } as any);
      expect((await call(`${sn.url}/api/x_seam_bridge/t/fast`, { auth: ADMIN })).json).toEqual({ result: { ok: 1 } });
    } finally {
      await sn.close();
    }
  });
});
