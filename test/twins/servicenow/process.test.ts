import { describe, it, expect } from 'vitest';
import { createServer } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServiceNowTwinProcess } from './process.js';
import { ADMIN, NO_ROLES, call } from './helpers.js';

// A two-record app in the build's XML format: a module that calls out with RESTMessageV2 and a
// scheduled job that runs it (the loader test covers a full now-sdk build).
function writeMiniApp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sn-mini-app-'));
  mkdirSync(join(dir, 'update'));
  writeFileSync(join(dir, 'update', 'sys_module_1.xml'), `<?xml version="1.0"?>
<record_update table="sys_module"><sys_module action="INSERT_OR_UPDATE"><sys_id>11111111111111111111111111111111</sys_id>
<content><![CDATA[import { gs } from '@servicenow/glide';
import { RESTMessageV2 } from '@servicenow/glide/sn_ws';
export function ping() {
    const m = new RESTMessageV2();
    m.setEndpoint(gs.getProperty('x.target'));
    m.setHttpMethod('post');
    m.setRequestBody('{"from":"job"}');
    const r = m.execute();
    gs.info('ping ' + r.getStatusCode() + ' ' + r.getBody());
}
]]></content><path>x_seam_bridge/mini/0.0.1/src/server/ping.ts</path></sys_module></record_update>`);
  writeFileSync(join(dir, 'update', 'sysauto_script_1.xml'), `<?xml version="1.0"?>
<record_update table="sysauto_script"><sysauto_script action="INSERT_OR_UPDATE"><sys_id>22222222222222222222222222222222</sys_id>
<active>true</active><name>Ping</name><run_period>1970-01-01 00:01:00</run_period><run_type>periodically</run_type>
<script><![CDATA[const { ping } = require('x_seam_bridge/mini/0.0.1/src/server/ping.js'); ping();]]></script></sysauto_script></record_update>`);
  return dir;
}

// In its own process the twin's blocking RESTMessageV2 can reach a server on THIS thread,
// which is how `npm start` runs it next to the Salesforce twin and the proxy.
describe('twin in its own process', () => {
  it('serves the Table API and its job reaches a server in the parent process', async () => {
    const hits: string[] = [];
    const target = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => { hits.push(`${req.method} ${req.url} ${body}`); res.end('{"ok":true}'); });
    });
    await new Promise<void>((r) => target.listen(0, '127.0.0.1', () => r()));
    const port = (target.address() as { port: number }).port;
    const app = writeMiniApp();
    const sn = await startServiceNowTwinProcess({ tickMs: 0, app, properties: { 'x.target': `http://127.0.0.1:${port}/ping` } });
    try {
      expect(sn.app).toMatchObject({ modules: 1, jobs: 1 });
      const created = await call(`${sn.url}/api/now/table/incident`, { method: 'POST', auth: ADMIN, json: { short_description: 'from parent' } });
      expect(created.status).toBe(201);
      expect((await call(`${sn.url}/twin/run-jobs`, { method: 'POST', auth: NO_ROLES })).status).toBe(403);
      expect(await sn.runJobs({ allJobs: true })).toEqual({ asyncRules: 0, jobs: 1 });
      const { logs } = await sn.logs();
      expect(logs.map((l: { message: string }) => l.message)).toContain('ping 200 {"ok":true}');
      expect(hits).toEqual(['POST /ping {"from":"job"}']);
    } finally {
      await sn.close();
      target.close();
      rmSync(app, { recursive: true, force: true });
    }
  });
});
