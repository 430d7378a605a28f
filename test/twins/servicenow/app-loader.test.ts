import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServiceNowTwin, loadApp, TableStore, createHost } from './index.js';
import { parseRecordUpdate, parseDictionary, compatibilityProblems } from './app-loader.js';
import { ADMIN, INTEGRATION, NO_ROLES, call, ofPriority } from './helpers.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const repoNodeModules = join(here, '..', '..', '..', 'node_modules');

// Builds the probe Fluent app with the real `now-sdk build` in a temp dir, so the loader is tested
// against the SDK's actual output, not a hand-written imitation of it.
let appDir: string;
let sn: Awaited<ReturnType<typeof createServiceNowTwin>>;

beforeAll(async () => {
  appDir = mkdtempSync(join(tmpdir(), 'sn-probe-app-'));
  cpSync(join(here, 'fixtures', 'probe-app'), appDir, { recursive: true });
  symlinkSync(repoNodeModules, join(appDir, 'node_modules'), 'dir');
  execFileSync(process.execPath, [join(repoNodeModules, '@servicenow', 'sdk', 'bin', 'index.js'), 'build'], { cwd: appDir, stdio: 'pipe' });
  sn = await createServiceNowTwin({ app: appDir });
}, 120_000);

afterAll(async () => {
  await sn?.close();
  if (appDir) rmSync(appDir, { recursive: true, force: true });
});

describe('loading a built Fluent app', () => {
  it('registers every record type from the build', () => {
    expect(sn.app).toMatchObject({ tables: 1, properties: 1, roles: 1, acls: 1, modules: 3, businessRules: 3, routes: 2, jobs: 1, compatibility: [] });
  });

  it('loads properties and the dictionary (defaults, references, choices)', () => {
    expect(sn.glide.gs.getProperty('x_seam_bridge.probe.prefix')).toBe('built');
    const gr = new sn.glide.GlideRecord('x_seam_bridge_probe');
    gr.initialize();
    gr.insert();
    expect(gr.getValue('kind')).toBe('probe');
    expect(gr.getDisplayValue('kind')).toBe('Probe');
    expect(sn.store.fieldDef('x_seam_bridge_probe', 'incident')?.reference).toBe('incident');
  });

  it('runs the built business rules: before changes current (from a property, via an imported module), after sees it, the filter gates', async () => {
    const p1 = await call(`${sn.url}/api/now/table/incident`, { method: 'POST', auth: ADMIN, json: { short_description: 'down', ...ofPriority('1') } });
    expect(p1.json.result.description).toBe('built:urgent');
    const audits = sn.store.find('x_seam_bridge_probe', `incident=${p1.json.result.sys_id}`);
    expect(audits.map((a: any) => a.note)).toEqual(['after:built:urgent:new']);

    const p3 = await call(`${sn.url}/api/now/table/incident`, { method: 'POST', auth: ADMIN, json: { short_description: 'meh', ...ofPriority('3') } });
    expect(p3.json.result.description).toBe('built:normal');
    expect(sn.store.find('x_seam_bridge_probe', `incident=${p3.json.result.sys_id}`)).toHaveLength(0);

    const upd = await call(`${sn.url}/api/now/table/incident/${p1.json.result.sys_id}`, { method: 'PATCH', auth: ADMIN, json: { state: '2' } });
    expect(upd.json.result.sys_mod_count).toBe('1');
    expect(sn.store.find('x_seam_bridge_probe', `incident=${p1.json.result.sys_id}`).map((a: any) => a.note)).toContain('after:built:urgent:1');
    expect(sn.runJobs().asyncRules).toBeGreaterThanOrEqual(1);
    expect(sn.host.logs.some((l) => l.message === 'async saw mod_count 1')).toBe(true);
  });

  it('serves the built scripted REST routes with path params, the ACL role check and the platform error bodies', async () => {
    const inc = new sn.glide.GlideRecord('incident');
    inc.initialize();
    inc.setValue('priority', '1');
    inc.insert();
    const number = inc.getValue('number');
    const base = `${sn.url}/api/x_seam_bridge/probe`;

    const ok = await call(`${base}/incidents/${number}`, { auth: INTEGRATION });
    expect(ok.status).toBe(200);
    expect(ok.json).toEqual({ result: { number, description: 'built:urgent', user: 'seam.integration' } });

    const missing = await call(`${base}/incidents/INC9999999`, { auth: INTEGRATION });
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ result: { found: false } });

    expect((await call(`${base}/incidents/${number}`)).status).toBe(401);
    const forbidden = await call(`${base}/incidents/${number}`, { auth: NO_ROLES });
    expect(forbidden.status).toBe(403);
    expect(forbidden.json.status).toBe('failure');
    expect((await call(`${base}/incidents/${number}`, { auth: ADMIN })).status).toBe(200); // admin overrides

    const posted = await call(`${base}/notes`, { method: 'POST', auth: INTEGRATION, json: { note: 'sweep-me please' } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('location')).toBe(`/notes/${posted.json.result.sys_id}`);
    expect(sn.store.get('x_seam_bridge_probe', posted.json.result.sys_id)?.note).toBe('sweep-me please');
    expect((await call(`${base}/notes`, { method: 'DELETE', auth: INTEGRATION })).status).toBe(405);
  });

  it('runs the built scheduled job, which require()s a module', () => {
    const gr = new sn.glide.GlideRecord('x_seam_bridge_probe');
    gr.initialize();
    gr.setValue('note', 'sweep-me now');
    const id = gr.insert() as string;
    expect(sn.runJobs().jobs).toBe(0); // not due for five minutes
    expect(sn.runJobs({ allJobs: true }).jobs).toBe(1);
    expect(sn.store.get('x_seam_bridge_probe', id)?.note).toBe('swept');
  });
});

describe('loader parsing and errors', () => {
  it('joins CDATA sections split around "]]>" and unescapes plain text', () => {
    const rec = parseRecordUpdate(`<?xml version="1.0"?><record_update table="sys_module"><sys_module action="INSERT_OR_UPDATE"><path>a/b.ts</path><content><![CDATA[x = a[b[0]]]]><![CDATA[> 1;]]></content><name>a &amp; b</name><empty/></sys_module></record_update>`);
    expect(rec).toEqual({ table: 'sys_module', fields: { path: 'a/b.ts', content: 'x = a[b[0]]> 1;', name: 'a & b', empty: '' }, attrs: { _record: { action: 'INSERT_OR_UPDATE' } } });
  });

  it('reads display, defaults and choices from a dictionary file', () => {
    const d = parseDictionary(`<database><element name="t" type="collection"><element name="a" type="string" display="true" default_value="x"/><element name="s" type="string"><choice><element value="1" label="One"/></choice></element></element></database>`);
    expect(d).toEqual({ table: 't', display: 'a', fields: { a: { type: 'string', label: undefined, default: 'x' }, s: { type: 'string', label: undefined, choices: { 1: 'One' } } } });
  });

  it('reads unique indexes and unique columns from a dictionary file', () => {
    const d = parseDictionary(`<database><element name="t" type="collection"><element name="k" type="string"/><element name="u" type="string" unique="true"/><index name="t_k" unique="true"><element name="k"/></index><index name="t_x" unique="false"><element name="u"/></index></element></database>`);
    expect(d?.unique).toEqual([['k'], ['u']]);
    expect(Object.keys(d?.fields ?? {})).toEqual(['k', 'u']);
  });

  it('flags code Node runs but the platform does not, ignoring comments', () => {
    expect(compatibilityProblems(`import { gs } from '@servicenow/glide';\n// fetch( in a comment is fine\n/* process.env too */\nexport const f = () => gs.info('x');`)).toEqual([]);
    const found = compatibilityProblems(`import { readFileSync } from 'node:fs';\nconst k = process.env.KEY;\nsetTimeout(() => 1, 5);\nconst r = fetch('https://x');\nexport class SeamError extends Error {}\nclass A {\n  #secret = 1;\n  static #ok = 2;\n}`);
    expect(found.map((p) => p.split(':')[0])).toEqual(['line 2', 'line 4', 'line 3', 'line 1', 'line 5', 'line 7']);
    expect(found[0]).toMatch(/gs\.getProperty/);
  });

  it('warns about incompatible modules on load, or refuses them with strict', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn-compat-app-'));
    try {
      mkdirSync(join(dir, 'update'));
      writeFileSync(join(dir, 'update', 'sys_module_x.xml'), `<?xml version="1.0"?><record_update table="sys_module"><sys_module action="INSERT_OR_UPDATE"><content><![CDATA[export function later() { setTimeout(() => 0, 1); }]]></content><path>x_seam_bridge/p/1/src/server/later.ts</path></sys_module></record_update>`);
      const host = createHost({ store: new TableStore() });
      const summary = await loadApp(host, dir);
      expect(summary.compatibility).toEqual([expect.stringContaining('later.ts line 1: timers do not exist')]);
      expect(host.logs.some((l) => l.level === 'warn' && l.source === 'loader')).toBe(true);
      await expect(loadApp(createHost({ store: new TableStore() }), dir, { strict: true })).rejects.toThrow(/timers do not exist/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says how to fix a missing build', async () => {
    const host = createHost({ store: new TableStore() });
    await expect(loadApp(host, join(tmpdir(), 'definitely-not-an-app'))).rejects.toThrow(/now-sdk build/);
    expect(existsSync(join(tmpdir(), 'definitely-not-an-app'))).toBe(false);
  });
});

describe('restarting with a store file', () => {
  it('keeps queued async rules: a restart does not lose the work they would do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sn-restart-'));
    const storeFile = join(dir, 'servicenow.json');
    try {
      const first = await createServiceNowTwin({ app: appDir, storeFile });
      const gr = new first.glide.GlideRecord('incident');
      gr.initialize();
      gr.setValue('short_description', 'before the restart');
      const id = gr.insert();
      const again = new first.glide.GlideRecord('incident');
      again.get(id);
      again.setValue('short_description', 'changed');
      again.update();
      const queued = first.host.asyncQueue.length;
      expect(queued).toBeGreaterThan(0);
      // A job row saved from an older build, and a pending run-once trigger.
      const [job] = [...first.store.rows('sysauto_script').values()];
      const builtScript = job.script;
      first.store.update('sysauto_script', job.sys_id, { script: '/* an older build */' }, 'system');
      first.store.insert('sys_trigger', { name: 'pending one-shot', trigger_type: '0', next_action: '2000-01-01 00:00:00', script: 'gs.info("one-shot ran")' }, 'system');
      await first.close();
      const second = await createServiceNowTwin({ app: appDir, storeFile });
      try {
        expect(second.host.asyncQueue.length).toBe(queued);
        expect(second.runJobs().asyncRules).toBe(queued);
        expect(second.host.logs.some((l: { message: string }) => l.message.includes('async saw mod_count'))).toBe(true);
        // The build's job script wins over the saved one; the saved trigger ran once it was due.
        expect([...second.store.rows('sysauto_script').values()].map((r) => r.script)).toEqual([builtScript]);
        expect(second.host.logs.some((l: { message: string }) => l.message === 'one-shot ran')).toBe(true);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
