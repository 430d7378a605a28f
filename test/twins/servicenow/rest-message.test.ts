import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServiceNowTwin, stopSyncHttp } from './index.js';
import { ADMIN, NO_ROLES, call } from './helpers.js';

// The target runs in a child process: RESTMessageV2.execute() blocks this thread until the reply
// arrives, so a server on this same thread could never answer (see README).
const ECHO_SERVER = `
const http = require('node:http');
let tokens = 0;
http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    if (req.url === '/token') {
      const form = new URLSearchParams(body);
      if (form.get('client_secret') !== 's3cret') { res.writeHead(400); return res.end('{"error":"invalid_client"}'); }
      return res.end(JSON.stringify({ access_token: 'tok-' + ++tokens, token_type: 'Bearer', instance_url: 'x' }));
    }
    if (req.url.startsWith('/slow')) return setTimeout(() => res.end('late'), 2000);
    const status = req.url.startsWith('/fail') ? 503 : 200;
    res.writeHead(status, { 'content-type': 'application/json', 'x-echo': req.headers['x-test'] || '' });
    res.end(JSON.stringify({ method: req.method, url: req.url, body, auth: req.headers.authorization || '' }));
  });
}).listen(0, '127.0.0.1', function () { console.log(this.address().port); });
`;

let child: ChildProcess;
let target: string;
let sn: Awaited<ReturnType<typeof createServiceNowTwin>>;

beforeAll(async () => {
  child = spawn(process.execPath, ['-e', ECHO_SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout!.once('data', (d) => resolve(String(d).trim())));
  target = `http://127.0.0.1:${port}`;
  sn = await createServiceNowTwin({ endpointMap: { 'https://example.my.salesforce.com': target } });
});
afterAll(async () => {
  await sn.close();
  await stopSyncHttp();
  child.kill();
});

describe('sn_ws.RESTMessageV2', () => {
  it('makes a real HTTP call synchronously and exposes status, body and headers', () => {
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const m = new RESTMessageV2();
    m.setEndpoint(`${target}/services/data`);
    m.setHttpMethod('post');
    m.setRequestHeader('X-Test', 'echo-me');
    m.setRequestBody(JSON.stringify({ a: 1 }));
    m.setQueryParameter('q', 'v 1');
    const r = m.execute();
    expect(r.getStatusCode()).toBe(200);
    expect(r.haveError()).toBe(false);
    expect(r.getHeader('X-Echo')).toBe('echo-me');
    expect(JSON.parse(r.getBody())).toEqual({ method: 'POST', url: '/services/data?q=v+1', body: '{"a":1}', auth: '' });
    expect(sn.host.outbound.at(-1)).toMatchObject({ method: 'POST', status: 200 });
  });

  it('reports HTTP errors and transport failures through haveError/getErrorMessage', () => {
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const fail = new RESTMessageV2();
    fail.setEndpoint(`${target}/fail`);
    const r = fail.execute();
    expect(r.getStatusCode()).toBe(503);
    expect(r.haveError()).toBe(true);
    expect(r.getErrorMessage()).toContain('503');

    const refused = new RESTMessageV2();
    refused.setEndpoint('http://127.0.0.1:1/nothing');
    const r2 = refused.execute();
    expect(r2.getStatusCode()).toBe(0);
    expect(r2.haveError()).toBe(true);
    expect(r2.getErrorMessage()).not.toBe('');
  });

  it('setHttpTimeout bounds the call', () => {
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const slow = new RESTMessageV2();
    slow.setEndpoint(`${target}/slow`);
    slow.setHttpTimeout(200);
    const r = slow.execute();
    expect(r.haveError()).toBe(true);
    expect(r.getErrorMessage()).toMatch(/timed out/);
  });

  it('setBasicAuth sends credentials; endpointMap redirects a real host to the local target', () => {
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const m = new RESTMessageV2();
    m.setEndpoint('https://example.my.salesforce.com/services/oauth2/token');
    m.setBasicAuth('u', 'p');
    const body = JSON.parse(m.execute().getBody());
    expect(body.url).toBe('/services/oauth2/token');
    expect(body.auth).toBe('Basic ' + Buffer.from('u:p').toString('base64'));
  });

  it('named REST messages substitute ${variables}', () => {
    sn.host.restMessages.set('Seam Salesforce', { name: 'Seam Salesforce', endpoint: `${target}/default`, headers: { Accept: 'application/json' }, methods: { get_case: { endpoint: `${target}/cases/\${id}`, method: 'GET', headers: {} } } });
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const m = new RESTMessageV2('Seam Salesforce', 'get_case');
    m.setStringParameterNoEscape('id', '500 X');
    expect(JSON.parse(m.execute().getBody()).url).toBe('/cases/500%20X');
    expect(() => new RESTMessageV2('Nope', 'get')).toThrow(/not defined/);
  });

  it('a REST message with an OAuth profile gets a client-credentials token once and sends it as Bearer', () => {
    sn.host.restMessages.set('SF', { name: 'SF', endpoint: `${target}/data`, headers: {}, methods: {}, authType: 'oauth2', oauthTokenUrl: `${target}/token` });
    sn.host.outboundAuth.SF = { type: 'oauth2_client_credentials', clientId: 'id', clientSecret: 's3cret' };
    const { RESTMessageV2 } = sn.glide.sn_ws;
    const first = JSON.parse(new RESTMessageV2('SF').execute().getBody());
    const second = JSON.parse(new RESTMessageV2('SF').execute().getBody());
    expect(first.auth).toBe('Bearer tok-1');
    expect(second.auth).toBe('Bearer tok-1');

    sn.host.oauthTokens.clear();
    sn.host.outboundAuth.SF = { type: 'oauth2_client_credentials', clientId: 'id', clientSecret: 'wrong' };
    const denied = new RESTMessageV2('SF').execute();
    expect(denied.haveError()).toBe(true);
    expect(denied.getErrorMessage()).toMatch(/OAuth token request for "SF" failed with HTTP 400/);
  });

  it('a scripted route handler can call out during a REST request (twin thread blocks, target answers)', async () => {
    sn.host.routes.push({
      name: 'relay', method: 'GET', basePath: '/api/x_seam_bridge/relay', relativePath: '/{what}', requiresAuthentication: true, requiresAclAuthorization: true, acls: [],
      script: (request: any, response: any) => {
        const m = new sn.glide.sn_ws.RESTMessageV2();
        m.setEndpoint(`${target}/${request.pathParams.what}`);
        const r = m.execute();
        response.setStatus(r.getStatusCode() === 200 ? 200 : 502);
        response.setBody({ relayed: JSON.parse(r.getBody()).url, q: request.queryParams.x });
      },
    });
    const ok = await call(`${sn.url}/api/x_seam_bridge/relay/thing?x=1&x=2`, { auth: ADMIN });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ result: { relayed: '/thing', q: ['1', '2'] } });
    const anon = await call(`${sn.url}/api/x_seam_bridge/relay/thing`);
    expect(anon.status).toBe(401);
    expect((await call(`${sn.url}/api/x_seam_bridge/relay/thing`, { auth: NO_ROLES })).status).toBe(200);
  });
});
