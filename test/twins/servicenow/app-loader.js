// @ts-check
/**
 * Loads a built ServiceNow app (the `now-sdk build` output, dist/app/update/*.xml) into a Glide
 * host: module records become real ES modules in a temp dir whose `@servicenow/glide` imports
 * point at the host; business rules, scripted REST routes, scheduled jobs, properties, roles,
 * ACLs, REST messages and table dictionaries are registered from their records.
 */
import { readdirSync, readFileSync, existsSync, mkdirSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, dirname, posix } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { normaliseModulePath } from './glide/host.js';

/** @typedef {import('./glide/host.js').Host} Host */
/** @typedef {{ table: string, fields: Record<string, string>, attrs: Record<string, Record<string, string>> }} XmlRecord */

/** @param {string} s */
const unescapeXml = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** @param {string} s */
function parseAttrs(s) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const m of s.matchAll(/([\w:.-]+)="([^"]*)"/g)) out[m[1]] = unescapeXml(m[2]);
  return out;
}

/**
 * Parses one `<record_update>` file: a single record whose children are flat fields.
 * @param {string} xml
 * @returns {XmlRecord | null}
 */
export function parseRecordUpdate(xml) {
  const head = /<record_update[^>]*>\s*<([\w]+)([^>]*)>/.exec(xml);
  if (!head) return null;
  const table = head[1];
  const start = head.index + head[0].length;
  const end = xml.lastIndexOf(`</${table}>`);
  const body = xml.slice(start, end < 0 ? undefined : end);
  /** @type {Record<string, string>} */
  const fields = {};
  /** @type {Record<string, Record<string, string>>} */
  const attrs = { _record: parseAttrs(head[2]) };
  const re = /<([\w]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(?:\/>|>((?:<!\[CDATA\[[\s\S]*?\]\]>)+|[^<]*)<\/\1>)/g;
  for (const m of body.matchAll(re)) {
    const raw = m[3] ?? '';
    const value = raw.startsWith('<![CDATA[') ? [...raw.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((c) => c[1]).join('') : unescapeXml(raw);
    fields[m[1]] = value;
    if (m[2].trim()) attrs[m[1]] = parseAttrs(m[2]);
  }
  return { table, fields, attrs };
}

/**
 * Parses a `dictionary/<table>.xml` file (the build's table definitions).
 * @param {string} xml
 * @returns {{ table: string, display?: string, unique?: string[][], fields: Record<string, import('./store.js').FieldDef> } | null}
 */
export function parseDictionary(xml) {
  /** @type {{ table: string, display?: string, unique?: string[][], fields: Record<string, import('./store.js').FieldDef> } | null} */
  let out = null;
  /** @type {import('./store.js').FieldDef | null} */
  let last = null;
  /** @type {string[][]} */
  const unique = [];
  for (const m of xml.matchAll(/<index\s([^>]*)>([\s\S]*?)<\/index>/g)) {
    if (parseAttrs(m[1]).unique === 'true') unique.push([...m[2].matchAll(/<element\s+name="([^"]+)"/g)].map((e) => e[1]));
  }
  const withoutIndexes = xml.replace(/<index\s[^>]*>[\s\S]*?<\/index>/g, '');
  for (const m of withoutIndexes.matchAll(/<element\s([^>]*?)\/?>/g)) {
    const a = parseAttrs(m[1]);
    if (a.type === 'collection') {
      out = { table: a.name, fields: {}, display: a.display && a.display !== 'true' && a.display !== 'false' ? a.display : undefined };
      continue;
    }
    if (!out) continue;
    if (a.name && a.type) {
      last = { type: a.type, label: a.label, ...(a.reference ? { reference: a.reference } : {}), ...(a.default_value !== undefined ? { default: a.default_value } : {}),
        ...(a.max_length && Number(a.max_length) > 0 ? { maxLength: Number(a.max_length) } : {}) };
      if (a.type === 'boolean' && last.default === undefined) last.default = 'false';
      out.fields[a.name] = last;
      if (a.unique === 'true') unique.push([a.name]);
      if (a.display === 'true') out.display = a.name;
    } else if (a.value !== undefined && a.label !== undefined && last) {
      (last.choices ??= {})[a.value] = a.label;
    }
  }
  if (out && unique.length) out.unique = unique;
  return out;
}

/** @param {string} s */
const bool = (s) => s === 'true';

/** '1970-01-01 00:05:00' → 300 000 ms: the platform stores durations as offsets from the epoch. @param {string} s */
const durationMs = (s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s || '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : 0;
};

/** Import specifiers as module records carry them, resolved to our .mjs files. @param {string} spec */
const toMjs = (spec) => spec.replace(/\.(m?[jt]s|cjs)$/, '') + '.mjs';

/** The exports each `@servicenow/glide` subpath provides in the host. */
const GLIDE_SUBPATHS = {
  '': ['gs', 'GlideRecord', 'GlideAggregate', 'GlideDateTime', 'GlideSysAttachment', 'GlideElement'],
  sn_ws: ['RESTMessageV2', 'RESTResponseV2'],
  sn_ws_int: ['RESTAPIRequest', 'RESTAPIResponse'],
  sn_ws_err: ['ServiceError'],
};

/**
 * Things Node runs but the ServiceNow server runtime does not have (per the SDK's JavaScript
 * compatibility guide). Node would run them happily, so the twin flags them instead of hiding them.
 */
const COMPAT_RULES = /** @type {[RegExp, string][]} */ ([
  [/(?<![.\w$])process\.\w+/, '`process` is a Node.js global; read settings with gs.getProperty'],
  [/(?<![.\w$])fetch\s*\(/, '`fetch` does not exist on the platform; use sn_ws.RESTMessageV2'],
  [/(?<![.\w$])(setTimeout|setInterval|setImmediate)\s*\(/, 'timers do not exist on the platform; use a scheduled job or an async business rule'],
  [/\b(__dirname|__filename)\b/, '`__dirname`/`__filename` are Node.js globals'],
  [/(?<![.\w$])(window|document|localStorage|sessionStorage|navigator)\.\w/, 'browser globals do not exist in server scripts'],
  [/\bXMLHttpRequest\b/, '`XMLHttpRequest` does not exist; use sn_ws.RESTMessageV2'],
  [/\bfrom\s+['"](node:)?(fs|path|child_process|os|http|https|stream|crypto|buffer|util|url|events)['"]/, 'Node.js built-in modules cannot be imported on the platform'],
  [/\bclass\s+[\w$]+\s+extends\s+(Array|RegExp|Function|Promise|Error|TypeError|RangeError|Map|Set)\b/, 'subclassing built-ins (Error, Map, …) is disallowed on the platform'],
  [/^\s+(?!static\b)#[A-Za-z_$][\w$]*\s*[=;(]/m, 'private instance class fields/methods are not supported on the platform'],
]);

/**
 * @param {string} content module source
 * @returns {string[]} one message per broken rule, with the line
 */
export function compatibilityProblems(content) {
  // Comments may mention anything; strings are left in (a false positive there is rare and visible).
  const code = content.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\])\/\/.*$/gm, '$1');
  /** @type {string[]} */
  const out = [];
  for (const [re, why] of COMPAT_RULES) {
    const m = re.exec(code);
    if (m) out.push(`line ${code.slice(0, m.index).split('\n').length}: ${why} (found "${m[0].trim()}")`);
  }
  return out;
}

let loadCounter = 0;

/** @param {string} base @param {string} rel */
const joinPath = (base, rel) => base.replace(/\/$/, '') + '/' + rel.replace(/^\//, '');

/**
 * @param {Host} host
 * @param {string} appDir the app project (with dist/app), dist/app itself, or a folder holding update/*.xml
 * @param {{ tmpDir?: string, strict?: boolean }} [options] strict: a platform-compatibility problem in a module fails the load
 */
export async function loadApp(host, appDir, options = {}) {
  const base = existsSync(join(appDir, 'dist', 'app', 'update')) ? join(appDir, 'dist', 'app') : appDir;
  const updateDir = join(base, 'update');
  if (!existsSync(updateDir)) throw new Error(`loadApp: ${updateDir} does not exist; run "now-sdk build" in the app first`);

  /** @type {Map<string, XmlRecord[]>} */
  const byTable = new Map();
  // update/ holds the app; unload/ holds 'first install' records (e.g. the OAuth provider) that a
  // fresh install also loads.
  const files = ['update', 'unload'].filter((d) => existsSync(join(base, d))).flatMap((d) => readdirSync(join(base, d)).filter((n) => n.endsWith('.xml')).sort().map((n) => join(base, d, n)));
  for (const file of files) {
    const rec = parseRecordUpdate(readFileSync(file, 'utf8'));
    if (!rec) continue;
    if (!byTable.has(rec.table)) byTable.set(rec.table, []);
    /** @type {XmlRecord[]} */ (byTable.get(rec.table)).push(rec);
  }
  /** @param {string} t */
  const records = (t) => byTable.get(t) ?? [];
  /** @type {string[]} */
  const compatibility = [];
  const summary = { tables: 0, properties: 0, roles: 0, acls: 0, modules: 0, businessRules: 0, routes: 0, jobs: 0, restMessages: 0, compatibility };

  // Tables: the dictionary folder has complete definitions; sys_dictionary records are the fallback.
  const dictDir = join(base, 'dictionary');
  if (existsSync(dictDir)) {
    for (const f of readdirSync(dictDir).filter((n) => n.endsWith('.xml'))) {
      const def = parseDictionary(readFileSync(join(dictDir, f), 'utf8'));
      if (!def) continue;
      host.store.defineTable(def.table, { fields: def.fields, ...(def.display ? { display: def.display } : {}), ...(def.unique ? { unique: def.unique } : {}) });
      summary.tables += 1;
    }
  } else {
    for (const r of records('sys_dictionary')) {
      const { name, element, internal_type: type, reference, default_value: dflt } = r.fields;
      if (!element || element === 'NULL' || type === 'collection') { host.store.defineTable(name, { fields: {} }); continue; }
      host.store.defineTable(name, { fields: { [element]: { type, ...(reference ? { reference } : {}), ...(dflt ? { default: dflt } : {}) } }, ...(bool(r.fields.display) ? { display: element } : {}) });
    }
  }

  for (const r of records('sys_properties')) {
    if (!host.properties.has(r.fields.name)) host.properties.set(r.fields.name, r.fields.value ?? '');
    summary.properties += 1;
  }

  for (const r of records('sys_user_role')) {
    if (!host.store.findBy('sys_user_role', { name: r.fields.name }).length) host.store.insert('sys_user_role', { sys_id: r.fields.sys_id, name: r.fields.name, suffix: r.fields.suffix ?? '', description: r.fields.description ?? '' }, 'system');
    summary.roles += 1;
  }

  // Role containment (sys_user_role_contains): a user with the container role has the contained one.
  for (const r of records('sys_user_role_contains')) {
    const container = r.attrs.role?.name ?? host.store.get('sys_user_role', r.fields.role)?.name;
    const contained = r.attrs.contains?.name ?? host.store.get('sys_user_role', r.fields.contains)?.name;
    if (container && contained) (host.roleContains[container] ??= []).push(contained);
  }

  for (const r of records('sys_security_acl')) {
    host.acls.set(r.fields.sys_id, {
      sys_id: r.fields.sys_id, name: r.fields.name, type: (r.fields.type || 'record').toLowerCase(),
      operation: r.fields.operation, roles: [], adminOverrides: r.fields.admin_overrides !== 'false', active: r.fields.active !== 'false',
    });
    summary.acls += 1;
  }
  for (const r of records('sys_security_acl_role')) {
    const acl = host.acls.get(r.fields.sys_security_acl);
    const role = r.attrs.sys_user_role?.name ?? host.store.get('sys_user_role', r.fields.sys_user_role)?.name;
    if (acl && role) acl.roles.push(role);
  }

  // Modules: write every JavaScript module record to disk with host-bound glide imports, then import them.
  const dir = options.tmpDir ?? mkdtempSync(join(tmpdir(), 'sn-twin-app-'));
  const hostId = `h${++loadCounter}_${process.pid}`;
  const g = /** @type {any} */ (globalThis);
  (g.__snTwinHosts ??= new Map()).set(hostId, host);
  const shimDir = join(dir, '__glide__');
  mkdirSync(shimDir, { recursive: true });
  /** @param {string} sub */
  const shimFor = (sub) => {
    const file = join(shimDir, `${sub || 'index'}.mjs`);
    if (!existsSync(file)) {
      const names = /** @type {Record<string, string[]>} */ (GLIDE_SUBPATHS)[sub];
      const src = names
        ? `const h = globalThis.__snTwinHosts.get(${JSON.stringify(hostId)});\nconst ns = ${sub ? `h.glide.${sub}` : 'h.glide'};\n` + names.map((n) => `export const ${n} = ns.${n};`).join('\n') + '\n'
        : `throw new Error(${JSON.stringify(`@servicenow/glide/${sub} is not implemented by the ServiceNow twin; add it to test/twins/servicenow/glide`)});\n`;
      writeFileSync(file, src);
    }
    return file;
  };

  /** @type {{ key: string, file: string }[]} */
  const modules = [];
  for (const r of records('sys_module')) {
    const path = r.fields.path ?? '';
    if (!/\.(m?[jt]s|cjs)$/.test(path)) continue; // package.json, bom.json, …
    const file = join(dir, 'modules', toMjs(path));
    const rewritten = (r.fields.content ?? '').replace(
      /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"]+)\2/g,
      (whole, kw, q, spec) => {
        if (spec === '@servicenow/glide' || spec.startsWith('@servicenow/glide/')) {
          const sub = spec.slice('@servicenow/glide'.length).replace(/^\//, '');
          const target = shimFor(sub);
          return `${kw}${q}${posix.relative(posix.dirname(file.split('\\').join('/')), target.split('\\').join('/')).replace(/^(?!\.)/, './')}${q}`;
        }
        if (spec.startsWith('.')) return `${kw}${q}${toMjs(spec)}${q}`;
        return whole;
      },
    );
    for (const problem of compatibilityProblems(r.fields.content ?? '')) {
      const message = `module ${path} ${problem}`;
      if (options.strict) throw new Error(`loadApp: ${message}`);
      host.log('warn', message, 'loader');
      summary.compatibility.push(message);
    }
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, rewritten);
    modules.push({ key: normaliseModulePath(path), file });
  }
  host.appModuleDir = join(dir, 'modules');
  for (const m of modules) {
    host.modules.set(m.key, await import(pathToFileURL(m.file).href));
    summary.modules += 1;
  }

  for (const r of records('sys_script')) {
    const f = r.fields;
    const when = f.when?.startsWith('async') ? 'async' : /** @type {'before' | 'after'} */ (f.when || 'before');
    if (when !== 'before' && when !== 'after' && when !== 'async') continue; // display/query rules have no write path here
    const abort = bool(f.abort_action);
    const script = f.script ?? '';
    host.addBusinessRule({
      name: f.name, table: f.collection, when, order: Number(f.order || 100), active: f.active !== 'false',
      actions: { insert: bool(f.action_insert), update: bool(f.action_update), delete: bool(f.action_delete) },
      filter: f.filter_condition || undefined,
      condition: f.condition?.trim() || undefined,
      script: abort
        ? (current, previous) => { if (script.trim()) host.runScript(script, { current, previous }); current.setAbortAction(true); }
        : script,
    });
    summary.businessRules += 1;
  }

  // Form UI actions: kept so /twin/ui-action can press one as a user would (no form, no client side).
  /** @type {any} */ (host).uiActions = records('sys_ui_action').map((r) => ({ name: r.fields.name, table: r.fields.table, actionName: r.fields.action_name, condition: r.fields.condition?.trim() || '', script: r.fields.script ?? '' }));

  /** @type {Map<string, Record<string, string>>} */
  const apis = new Map(records('sys_ws_definition').map((r) => [r.fields.sys_id, r.fields]));
  for (const r of records('sys_ws_operation')) {
    const f = r.fields;
    const api = apis.get(f.web_service_definition);
    if (!api) continue;
    const acls = [...(api.enforce_acl ?? '').split(','), ...(f.enforce_acl ?? '').split(',')].map((s) => s.trim()).filter(Boolean);
    const basePath = api.base_uri || `/api/${api.namespace}/${api.service_id}`;
    const relativePath = f.relative_path || '/';
    // A versioned API answers at its versioned URI, and the default version also at the bare one.
    const version = records('sys_ws_version').find((v) => v.fields.sys_id === f.web_service_version)?.fields;
    const paths = [f.operation_uri, version && version.is_default !== 'true' ? undefined : joinPath(basePath, relativePath)].filter((p) => Boolean(p));
    host.routes.push({
      name: `${api.name}: ${f.name}`, method: (f.http_method || 'GET').toUpperCase(),
      basePath, relativePath, paths: [...new Set(/** @type {string[]} */ (paths))],
      requiresAuthentication: f.requires_authentication !== 'false', requiresAclAuthorization: f.requires_acl_authorization !== 'false',
      acls: [...new Set(acls)], script: f.operation_script ?? '',
    });
    summary.routes += 1;
  }

  for (const r of records('sysauto_script')) {
    const f = r.fields;
    const periodMs = f.run_type === 'periodically' ? durationMs(f.run_period) : f.run_type === 'weekly' ? 7 * 86_400_000 : 86_400_000;
    host.addScheduledJob({ name: f.name, script: f.script ?? '', periodMs: periodMs || 60_000, active: f.active !== 'false' });
    // Also as a sysauto_script row, as on an instance (a script may read a job's script).
    const row = { name: f.name ?? '', script: f.script ?? '', active: f.active === 'false' ? 'false' : 'true', run_type: f.run_type ?? '', run_period: f.run_period ?? '' };
    if (f.sys_id && host.store.get('sysauto_script', f.sys_id)) host.store.update('sysauto_script', f.sys_id, row, 'system');
    else host.store.insert('sysauto_script', { ...row, ...(f.sys_id ? { sys_id: f.sys_id } : {}) }, 'system');
    summary.jobs += 1;
  }

  for (const r of records('sysevent_register')) if (r.fields.event_name) host.registeredEvents.add(r.fields.event_name);
  for (const r of records('sysevent_script_action')) {
    const f = r.fields;
    host.scriptActions.push({ name: f.name ?? '', eventName: f.event_name ?? '', script: f.script ?? '', active: f.active !== 'false', order: Number(f.order || 100) });
  }

  for (const r of records('sys_rest_message')) {
    const f = r.fields;
    const profile = records('oauth_entity_profile').find((p) => p.fields.sys_id === f.oauth2_profile);
    const entity = profile ? records('oauth_entity').find((e) => e.fields.sys_id === profile.fields.oauth_entity) : undefined;
    /** @type {import('./glide/sn-ws.js').RestMessageDef} */
    const def = { name: f.name, endpoint: f.rest_endpoint ?? '', headers: {}, methods: {}, authType: f.authentication_type || 'no_authentication', ...(entity?.fields.token_url ? { oauthTokenUrl: entity.fields.token_url } : {}) };
    for (const h of records('sys_rest_message_headers')) if (h.fields.rest_message === f.sys_id) def.headers[h.fields.name] = h.fields.value ?? '';
    for (const fn of records('sys_rest_message_fn')) {
      if (fn.fields.rest_message !== f.sys_id) continue;
      /** @type {Record<string, string>} */
      const headers = {};
      for (const h of records('sys_rest_message_fn_headers')) if (h.fields.rest_message_function === fn.fields.sys_id) headers[h.fields.name] = h.fields.value ?? '';
      def.methods[fn.fields.function_name || fn.fields.name] = { endpoint: fn.fields.rest_endpoint ?? '', method: (fn.fields.http_method || 'get').toUpperCase(), headers, body: fn.fields.content || undefined };
    }
    host.restMessages.set(f.name, def);
    summary.restMessages += 1;
  }

  return { ...summary, dir };
}
