// @ts-check
/**
 * The Glide host: one per twin. Holds the store, properties, session user, logs, the business
 * rule and scheduled job registries, and builds the Glide API objects (gs, GlideRecord, …) bound
 * to them. Loaded app modules import these objects through shims (see app-loader.js).
 */
import { newSysId, glideDateTime } from '../store.js';
import { parseEncodedQuery, matchGroups } from '../encoded-query.js';
import { createGlideRecordClass, GlideElement, GlideElementBase } from './glide-record.js';
import { createGlideDateTimeClass } from './glide-date-time.js';
import { createSnWs, RESTAPIRequest, RESTAPIResponse, ServiceError } from './sn-ws.js';
import { runDataLookups } from './data-lookup.js';

/** @typedef {import('../store.js').TableStore} TableStore */
/** @typedef {import('../store.js').Row} Row */
/** @typedef {{ sys_id: string, user_name: string, roles: string[] }} SessionUser */
/** @typedef {'insert' | 'update' | 'delete'} Action */
/**
 * @typedef {{
 *   name: string, table: string, when: 'before' | 'after' | 'async', order?: number,
 *   actions: Partial<Record<Action, boolean>>, active?: boolean,
 *   filter?: string,
 *   condition?: string | ((current: any, previous: any) => boolean),
 *   script: string | ((current: any, previous: any) => void),
 * }} BusinessRule
 */
/** @typedef {{ name: string, script: string | (() => void), periodMs?: number, active?: boolean, runAs?: string, nextRunAt?: number }} ScheduledJob */
/**
 * @typedef {{ name: string, method: string, basePath: string, relativePath: string, paths?: string[], requiresAuthentication: boolean,
 *   requiresAclAuthorization: boolean, acls: string[], script: string | ((request: any, response: any) => void) }} ScriptedRoute
 * @typedef {{ sys_id: string, name: string, type: string, operation: string, roles: string[], adminOverrides: boolean, active: boolean }} Acl
 */
/** @typedef {{ level: 'info' | 'warn' | 'error' | 'debug', message: string, at: string, source: string }} LogEntry */

/**
 * What the platform's Quota Manager raises in a transaction that ran past its quota rule
 * (com.glide.sys.TransactionCancelledException); the message is the platform's.
 */
export class TransactionCancelledError extends Error {
  constructor() { super('Transaction cancelled: maximum execution time exceeded'); this.name = 'TransactionCancelledException'; }
}

/** The default REST quota rules ("REST Table API request timeout", "REST and JSON Catch All"): 60 s. */
export const DEFAULT_REST_QUOTA_MS = 60000;

export const SYSTEM_USER = /** @type {SessionUser} */ ({ sys_id: '6816f79cc0a8016401c5a33be04be441', user_name: 'system', roles: ['admin'] });

/**
 * @param {{ store: TableStore, properties?: Record<string, string>, now?: () => Date, endpointMap?: Record<string, string>, outboundAuth?: Record<string, import('./sn-ws.js').OutboundAuth>, restQuotaMs?: number, refusedCrossScopeCreate?: string[] }} options
 */
export function createHost(options) {
  const { store } = options;
  const now = options.now ?? store.now;

  /** @type {SessionUser[]} */
  const sessionStack = [SYSTEM_USER];

  const host = {
    store,
    now,
    newSysId,
    /** @type {Map<string, string>} */
    properties: new Map(Object.entries(options.properties ?? {})),
    /** @type {LogEntry[]} */
    logs: [],
    /** @type {{ name: string, instance: string, parm1: string, parm2: string }[]} */
    events: [],
    /** @type {{ method: string, url: string, status: number, error?: string, ms: number, message?: string }[]} */
    outbound: [],
    /** @type {BusinessRule[]} */
    rules: [],
    /** @type {ScheduledJob[]} */
    jobs: [],
    /** @type {{ rule: BusinessRule, table: string, sysId: string, action: Action, user: SessionUser }[]} */
    asyncQueue: [],
    /** @type {Map<string, Record<string, unknown>>} loaded module namespaces by normalised path */
    modules: new Map(),
    /** @type {Map<string, import('./sn-ws.js').RestMessageDef>} */
    restMessages: new Map(),
    /** @type {Map<string, Buffer>} attachment bytes by sys_attachment sys_id */
    attachmentData: new Map(),
    /** Set below: attaches bytes to a record through GlideRecord (rules run). @type {(table: string, sysId: string, fileName: string, contentType: string, bytes: Buffer) => string | null} */
    addAttachment: () => null,
    endpointMap: { ...(options.endpointMap ?? {}) },
    /** @type {Record<string, import('./sn-ws.js').OutboundAuth>} */
    outboundAuth: { ...(options.outboundAuth ?? {}) },
    /** @type {Map<string, { token: string, expires: number }>} */
    oauthTokens: new Map(),
    /** @type {ScriptedRoute[]} */
    routes: [],
    /** @type {Map<string, Acl>} */
    acls: new Map(),
    /** @type {Record<string, string[]>} role → roles it contains */
    roleContains: {},
    /** Where the loaded app's modules live: code running from there runs in the app's scope. */
    appModuleDir: '',
    /** Tables the app's scope may not create records in (cross-scope access policy; KB0727180). */
    refusedCrossScopeCreate: new Set(options.refusedCrossScopeCreate ?? ['sys_trigger']),
    /** True when the calling script is one of the loaded app's modules (its scope, not global). */
    inAppScope() { return Boolean(host.appModuleDir) && String(new Error().stack).includes(host.appModuleDir); },
    /** Event names registered in the Event Registry (sysevent_register) by the app. @type {Set<string>} */
    registeredEvents: new Set(),
    /** Script actions (sysevent_script_action). @type {{ name: string, eventName: string, script: string | ((event: any, current: any) => void), active: boolean, order: number }[]} */
    scriptActions: [],
    /** Events waiting for the event processor. @type {{ name: string, table: string, instance: string, parm1: string, parm2: string, processOn: number }[]} */
    eventQueue: [],
    /**
     * Records an event (host.events) and queues it for the script actions. A scoped script's event
     * that is not registered is dropped, as scoped apps fail silently then (the twin logs a warning).
     * @param {string} name @param {any} record @param {unknown} parm1 @param {unknown} parm2 @param {number} processOn
     */
    queueEvent(name, record, parm1, parm2, processOn) {
      const event = { name, table: record?.getTableName?.() ?? '', instance: record?.getUniqueValue?.() ?? '', parm1: parm1 === undefined ? '' : String(parm1), parm2: parm2 === undefined ? '' : String(parm2), processOn };
      host.events.push(event);
      if (host.inAppScope() && !host.registeredEvents.has(name)) {
        host.log('warn', `event "${name}" is not in the Event Registry (sysevent_register): a scoped app's event is dropped; register it`, 'event');
        return;
      }
      host.eventQueue.push(event);
    },
    /**
     * Processes queued events due by `untilMs`, earliest first: each runs the active script actions
     * of its name, by order, as system, with `event` (name, parm1, parm2, instance, table) and `current`.
     * @param {number} untilMs @returns {number} events processed
     */
    processEvents(untilMs) {
      const due = host.eventQueue.filter((e) => e.processOn <= untilMs).sort((a, b) => a.processOn - b.processOn);
      host.eventQueue = host.eventQueue.filter((e) => e.processOn > untilMs);
      for (const e of due) {
        const actions = host.scriptActions.filter((a) => a.active && a.eventName === e.name).sort((a, b) => a.order - b.order);
        for (const action of actions) {
          try {
            host.runAs(SYSTEM_USER, () => {
              const current = new (/** @type {any} */ (host).glide.GlideRecord)(e.table || 'sys_user');
              if (e.table && e.instance) current.get(e.instance);
              const event = { ...e, getValue: (/** @type {string} */ f) => /** @type {any} */ (e)[f] ?? '' };
              if (typeof action.script === 'function') action.script(event, current);
              else host.runScript(action.script, { event, current });
            });
          } catch (err) {
            host.log('error', `script action "${action.name}" failed: ${/** @type {Error} */ (err).stack ?? err}`, 'event');
          }
        }
      }
      return due.length;
    },
    /** Maximum duration of an inbound REST transaction (wall clock); 0 = no quota. */
    restQuotaMs: options.restQuotaMs ?? DEFAULT_REST_QUOTA_MS,
    /** The inbound REST transaction running now, if any. @type {{ deadline: number, cancelled: boolean } | null} */
    restTransaction: /** @type {{ deadline: number, cancelled: boolean } | null} */ (null),
    /**
     * The Quota Manager's cancel: once a REST transaction passes its deadline, its next database
     * or outbound call throws, and so does every call after it (the transaction is over).
     */
    checkQuota() {
      const t = host.restTransaction;
      if (!t) return;
      if (!t.cancelled && Date.now() > t.deadline) {
        t.cancelled = true;
        host.log('warn', `Transaction cancelled: maximum execution time exceeded (REST quota ${host.restQuotaMs} ms)`, 'quota');
      }
      if (t.cancelled) throw new TransactionCancelledError();
    },

    /**
     * A user's effective roles: the granted ones plus everything they contain, transitively.
     * @param {string[]} roles
     */
    expandRoles(roles) {
      const out = new Set(roles);
      const todo = [...roles];
      while (todo.length) for (const c of host.roleContains[/** @type {string} */ (todo.pop())] ?? []) if (!out.has(c)) { out.add(c); todo.push(c); }
      return [...out];
    },

    get session() { return sessionStack[sessionStack.length - 1]; },

    /**
     * Runs fn as the given user (REST requests run as the caller, jobs and async rules as system).
     * @template T @param {SessionUser} user @param {() => T} fn @returns {T}
     */
    runAs(user, fn) {
      sessionStack.push(user);
      try { return fn(); } finally { sessionStack.pop(); }
    },

    /** @param {LogEntry['level']} level @param {string} message @param {string} [source] */
    log(level, message, source = 'script') {
      host.logs.push({ level, message, at: glideDateTime(now()), source });
      if (process.env.SN_TWIN_LOG) console.error(`[sn ${level}] ${message}`);
    },

    /** Rewrites an outbound URL's origin (e.g. a real Salesforce host to the local twin). @param {string} url */
    rewriteEndpoint(url) {
      for (const [from, to] of Object.entries(host.endpointMap)) if (url.startsWith(from)) return to + url.slice(from.length);
      return url;
    },

    /** @param {string} path */
    require(path) {
      const key = normaliseModulePath(path);
      const mod = host.modules.get(key);
      if (!mod) throw new Error(`require('${path}'): no such module in the loaded app; loaded: ${[...host.modules.keys()].join(', ') || 'none'}`);
      return mod;
    },

    /**
     * Runs a platform script string (a rule, route or job script) with the globals the platform gives it.
     * @param {string} script @param {Record<string, unknown>} vars
     */
    runScript(script, vars) {
      const names = [...Object.keys(globals), 'require', ...Object.keys(vars)];
      const fn = new Function(...names, script);
      return fn(...Object.values(globals), (/** @type {string} */ p) => host.require(p), ...Object.values(vars));
    },

    /** @param {BusinessRule} rule */
    addBusinessRule(rule) { host.rules.push({ active: true, order: 100, ...rule }); },
    /** @param {ScheduledJob} job */
    addScheduledJob(job) { host.jobs.push({ active: true, ...job, nextRunAt: job.nextRunAt ?? now().getTime() + (job.periodMs ?? 0) }); },

    /**
     * Runs the run-once scheduler triggers (`sys_trigger`, trigger_type 0, state ready) whose
     * next_action is at or before `untilMs`, earliest first, as system, deleting each as it starts
     * (the platform deletes a run-once trigger once it has run; one that throws is logged).
     * @param {number} untilMs
     * @returns {number} triggers run
     */
    runTriggers(untilMs) {
      if (!store.hasTable('sys_trigger')) return 0;
      const until = Number.isFinite(untilMs) ? glideDateTime(new Date(untilMs)) : '9999-12-31 23:59:59';
      const due = [...store.rows('sys_trigger').values()]
        .filter((r) => String(r.trigger_type) === '0' && (r.state || '0') === '0' && r.next_action && r.next_action <= until)
        .sort((a, b) => a.next_action.localeCompare(b.next_action));
      for (const trigger of due) {
        store.delete('sys_trigger', trigger.sys_id);
        try {
          host.runAs(SYSTEM_USER, () => host.runScript(trigger.script ?? '', {}));
        } catch (e) {
          host.log('error', `scheduler trigger "${trigger.name}" failed: ${/** @type {Error} */ (e).stack ?? e}`, 'job');
        }
      }
      return due.length;
    },

    transaction: /** @type {ReturnType<typeof createTransaction>} */ (/** @type {unknown} */ (null)),

    /**
     * Drains the async rule queue (rules may queue more) and runs due scheduled jobs.
     * @param {{ allJobs?: boolean }} [opts] allJobs runs every active job whatever its schedule
     * @returns {{ asyncRules: number, jobs: number }}
     */
    runJobs(opts = {}) {
      let asyncRules = 0;
      for (let guard = 0; host.asyncQueue.length && guard < 10_000; guard++) {
        const item = /** @type {typeof host.asyncQueue[number]} */ (host.asyncQueue.shift());
        asyncRules += 1;
        // Async rules run in the session of the user whose change queued them.
        host.runAs(item.user ?? SYSTEM_USER, () => host.transaction.runAsync(item));
      }
      let jobs = host.runTriggers(opts.allJobs ? Infinity : now().getTime());
      jobs += host.processEvents(opts.allJobs ? Infinity : now().getTime());
      const t = now().getTime();
      for (const job of host.jobs) {
        if (!job.active) continue;
        if (!opts.allJobs && (job.nextRunAt ?? 0) > t) continue;
        job.nextRunAt = t + (job.periodMs ?? 0);
        jobs += 1;
        try {
          host.runAs(SYSTEM_USER, () => (typeof job.script === 'function' ? job.script() : host.runScript(job.script, {})));
        } catch (e) {
          host.log('error', `scheduled job "${job.name}" failed: ${/** @type {Error} */ (e).stack ?? e}`, 'job');
        }
      }
      return { asyncRules, jobs };
    },
  };

  const GlideDateTime = createGlideDateTimeClass(now);
  const { GlideRecord, GlideAggregate } = createGlideRecordClass(/** @type {any} */ (host));
  const snWs = createSnWs(/** @type {any} */ (host));

  /** @param {string} fmt @param {unknown[]} args platform logs substitute {0}, {1}, … */
  const format = (fmt, args) => String(fmt).replace(/\{(\d+)\}/g, (w, i) => (Number(i) < args.length ? String(args[Number(i)]) : w));

  const gs = {
    /** @param {string} name @param {unknown} [dflt] */
    getProperty(name, dflt) {
      const v = host.properties.get(name);
      return v !== undefined ? v : dflt === undefined ? null : dflt;
    },
    /** @param {string} name @param {unknown} value @param {string} [_description] */
    setProperty(name, value, _description) { host.properties.set(name, String(value)); },
    /** @param {string} m @param {...unknown} a */
    info(m, ...a) { host.log('info', format(m, a)); },
    /** @param {string} m @param {...unknown} a */
    warn(m, ...a) { host.log('warn', format(m, a)); },
    /** @param {string} m @param {...unknown} a */
    error(m, ...a) { host.log('error', format(m, a)); },
    /** @param {string} m @param {...unknown} a */
    debug(m, ...a) { host.log('debug', format(m, a)); },
    /** @param {string} m */
    log(m) { host.log('info', String(m)); },
    nowDateTime() { return glideDateTime(now()); },
    nowNoTZ() { return glideDateTime(now()); },
    getUserID() { return host.session.sys_id; },
    getUserName() { return host.session.user_name; },
    getUser() {
      const u = host.session;
      return { getID: () => u.sys_id, getName: () => u.user_name, hasRole: (/** @type {string} */ r) => gs.hasRole(r), getRoles: () => [...u.roles] };
    },
    /** @param {string} role admin has every role, as on the platform */
    hasRole(role) {
      const roles = host.session.roles;
      return roles.includes('admin') || String(role).split(',').some((r) => roles.includes(r.trim()));
    },
    /** @param {string} name @param {any} [record] @param {unknown} [parm1] @param {unknown} [parm2] */
    eventQueue(name, record, parm1, parm2) { host.queueEvent(name, record, parm1, parm2, now().getTime()); },
    /**
     * Queues an event to be processed at a time (a GlideDateTime; now when absent).
     * @param {string} name @param {any} [record] @param {unknown} [parm1] @param {unknown} [parm2] @param {any} [when]
     */
    eventQueueScheduled(name, record, parm1, parm2, when) {
      const at = when && typeof when.getNumericValue === 'function' ? Number(when.getNumericValue()) : now().getTime();
      host.queueEvent(name, record, parm1, parm2, at);
    },
    generateGUID() { return newSysId(); },
    /** @param {unknown} v */
    nil(v) { return v === null || v === undefined || String(v) === ''; },
    /** @param {string} m @param {unknown[]} [a] */
    getMessage(m, a) { return format(m, a ?? []); },
    /** @param {string} m */
    addInfoMessage(m) { host.log('info', String(m), 'ui'); },
    /** @param {string} m */
    addErrorMessage(m) { host.log('error', String(m), 'ui'); },
    getCurrentScopeName() { return 'x_seam_bridge'; },
    /** @param {number} ms busy-waits like the platform's gs.sleep (scoped apps cannot call it, but tests may) */
    sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(ms)); },
  };

  class GlideSysAttachment {
    /** @param {any} gr @param {string} fileName @param {string} contentType @param {string | Uint8Array} data */
    write(gr, fileName, contentType, data) {
      return host.addAttachment(gr.getTableName(), gr.getUniqueValue(), fileName, contentType, Buffer.from(/** @type {any} */ (data)));
    }
    /** @param {any} gr @param {string} fileName @param {string} contentType @param {string} base64 */
    writeBase64(gr, fileName, contentType, base64) {
      return host.addAttachment(gr.getTableName(), gr.getUniqueValue(), fileName, contentType, Buffer.from(String(base64), 'base64'));
    }
    /** @param {any} attachment a sys_attachment GlideRecord */
    getContent(attachment) { return (host.attachmentData.get(attachment.getUniqueValue()) ?? Buffer.alloc(0)).toString('utf8'); }
    /** @param {any} attachment */
    getContentBase64(attachment) { return (host.attachmentData.get(attachment.getUniqueValue()) ?? Buffer.alloc(0)).toString('base64'); }
    /** @param {string} sysId */
    deleteAttachment(sysId) { store.delete('sys_attachment', sysId); host.attachmentData.delete(sysId); }
  }

  /**
   * One path for every attachment (GlideSysAttachment and the Attachment API): the sys_attachment
   * row goes through GlideRecord.insert, so business rules on sys_attachment run as on the platform.
   * @param {string} table @param {string} sysId @param {string} fileName @param {string} contentType @param {Buffer} bytes
   * @returns {string | null}
   */
  host.addAttachment = (table, sysId, fileName, contentType, bytes) => {
    const att = new GlideRecord('sys_attachment');
    att.initialize();
    for (const [k, v] of Object.entries({ table_name: table, table_sys_id: sysId, file_name: fileName, content_type: contentType, size_bytes: String(bytes.length) })) att.setValue(k, v);
    // Async rules (the only kind that reads content here) run after this returns, bytes in place.
    const newId = att.insert();
    if (newId) host.attachmentData.set(String(newId), bytes);
    return newId ? String(newId) : null;
  };

  const sn_ws = { RESTMessageV2: snWs.RESTMessageV2, RESTResponseV2: snWs.RESTResponseV2 };
  const sn_ws_int = { RESTAPIRequest, RESTAPIResponse };
  const sn_ws_err = { ServiceError };
  const globals = { gs, GlideRecord, GlideAggregate, GlideDateTime, GlideSysAttachment, GlideElement, sn_ws, sn_ws_err, sn_ws_int };
  host.transaction = createTransaction(/** @type {any} */ (host), GlideRecord);

  return Object.assign(host, { glide: { ...globals } });
}

/** @typedef {ReturnType<typeof createHost>} Host */

/** Module paths arrive as .ts (module records) or .js (hand-written require); both mean the same module. @param {string} p */
export function normaliseModulePath(p) { return p.replace(/^\/+/, '').replace(/\.(m?[jt]s|cjs)$/, ''); }

/**
 * The platform's write path with business rules.
 * @param {any} host @param {any} GlideRecord
 */
function createTransaction(host, GlideRecord) {
  const { store } = host;

  /**
   * @param {string} table @param {'before' | 'after' | 'async'} when @param {Action} action
   * @returns {BusinessRule[]}
   */
  const rulesFor = (table, when, action) =>
    host.rules.filter((/** @type {BusinessRule} */ r) => r.active !== false && r.table === table && r.when === when && r.actions[action])
      .sort((/** @type {BusinessRule} */ a, /** @type {BusinessRule} */ b) => (a.order ?? 100) - (b.order ?? 100));

  /** @param {BusinessRule} rule @param {any} current @param {any} previous */
  function conditionHolds(rule, current, previous) {
    if (rule.filter) {
      let groups;
      try {
        groups = parseEncodedQuery(rule.filter).groups;
      } catch (e) {
        // An unparseable filter matches nothing; say so loudly rather than fire on every write.
        host.log('error', `business rule "${rule.name}" on ${rule.table}: filter_condition "${rule.filter}" is invalid (${/** @type {Error} */ (e).message}); the rule did not run`, 'business_rule');
        return false;
      }
      const prevRow = previous ? previous._row : null;
      /** @type {(r: Row, f: string) => string} */
      const read = (r, f) => store.read(current.getTableName(), r, f);
      // On insert every field changes from empty, which is how the platform evaluates VALCHANGES there.
      /** @type {(f: string) => string} */
      const readPrevious = prevRow ? (f) => store.read(current.getTableName(), prevRow, f) : () => '';
      if (!matchGroups(groups, current._row, read, readPrevious)) return false;
    }
    if (rule.condition) {
      if (typeof rule.condition === 'function') return Boolean(rule.condition(current, previous));
      return Boolean(host.runScript(`return (${rule.condition});`, { current, previous }));
    }
    return true;
  }

  /** @param {BusinessRule} rule @param {any} current @param {any} previous */
  function fire(rule, current, previous) {
    if (!conditionHolds(rule, current, previous)) return;
    try {
      if (typeof rule.script === 'function') rule.script(current, previous);
      else host.runScript(rule.script, { current, previous });
    } catch (e) {
      // The platform logs a failing rule and carries on with the transaction.
      host.log('error', `business rule "${rule.name}" on ${rule.table} failed: ${/** @type {Error} */ (e).stack ?? e}`, 'business_rule');
    }
  }

  /**
   * Before rules of order < 1000, then the engines (here the data lookup engine), then before rules
   * of order >= 1000, as the platform orders them; an abort stops the rest.
   * @param {any} gr @param {Action} action @param {any} previous @param {Row | null} prevRow
   */
  function before(gr, action, previous, prevRow) {
    const rules = rulesFor(gr.getTableName(), 'before', action);
    for (const rule of rules.filter((r) => (r.order ?? 100) < 1000)) { fire(rule, gr, previous); if (gr._abort) return; }
    runDataLookups(gr.getTableName(), gr._row, prevRow);
    for (const rule of rules.filter((r) => (r.order ?? 100) >= 1000)) { fire(rule, gr, previous); if (gr._abort) return; }
  }

  /** @param {any} gr @param {Action} action @param {any} previous */
  function after(gr, action, previous) {
    for (const rule of rulesFor(gr.getTableName(), 'after', action)) fire(rule, gr, previous);
    for (const rule of rulesFor(gr.getTableName(), 'async', action)) {
      if (conditionHolds(rule, gr, previous)) host.asyncQueue.push({ rule, table: gr.getTableName(), sysId: gr.getUniqueValue(), action, user: host.session });
    }
  }

  /**
   * Journal fields (comments, work_notes) are not stored on the record: each write adds a
   * sys_journal_field entry and the field reads back empty.
   * @param {string} table @param {Row} row
   */
  function takeJournal(table, row) {
    /** @type {Record<string, string>} */
    const entries = {};
    for (const [f, def] of Object.entries(store.schema(table).fields)) {
      if (/** @type {any} */ (def).type?.startsWith('journal') && row[f]) { entries[f] = row[f]; row[f] = ''; }
    }
    return entries;
  }
  /**
   * Journal entries are records in their own right: rules on sys_journal_field fire for them.
   * @param {string} table @param {string} sysId @param {Record<string, string>} entries
   */
  function writeJournal(table, sysId, entries) {
    for (const [element, value] of Object.entries(entries)) {
      const j = new GlideRecord('sys_journal_field');
      j.initialize();
      j.setValue('element', element);
      j.setValue('element_id', sysId);
      j.setValue('name', table);
      j.setValue('value', value);
      j.insert();
    }
  }

  return {
    /** @param {any} gr @returns {string | null} */
    insert(gr) {
      const table = gr.getTableName();
      gr._abort = false;
      if (gr._workflow) before(gr, 'insert', null, null);
      if (gr._abort) { host.log('info', `insert into ${table} aborted by a before rule`, 'business_rule'); return null; }
      const values = { ...gr._row };
      const journal = takeJournal(table, values);
      const clash = store.uniqueViolation(table, values);
      if (clash) {
        // The platform's database rejects the row; insert() returns nothing and the error is logged.
        host.log('error', `Unique Key violation detected by database: ${table} already has a row with ${clash.map((/** @type {string} */ c) => `${c}=${values[c]}`).join(', ')}`, 'database');
        return null;
      }
      const row = store.insert(table, values, host.session.user_name);
      writeJournal(table, row.sys_id, journal);
      gr._row = { ...row, ...journal };
      gr._isNew = false;
      gr._prev = null;
      if (gr._workflow) after(gr, 'insert', null);
      gr._row = row;
      gr._prev = { ...row };
      return row.sys_id;
    },

    /** @param {any} gr @returns {string | null} */
    update(gr) {
      const table = gr.getTableName();
      const previous = gr._previousRecord(gr._prev);
      gr._abort = false;
      if (gr._workflow) before(gr, 'update', previous, gr._prev);
      if (gr._abort) { host.log('info', `update of ${table} ${gr.getUniqueValue()} aborted by a before rule`, 'business_rule'); return null; }
      /** @type {Row} */
      const changed = {};
      for (const [k, v] of Object.entries(gr._row)) if ((gr._prev?.[k] ?? '') !== v) changed[k] = /** @type {string} */ (v);
      // Like the platform, an update that changes nothing writes nothing and fires no after rules.
      if (Object.keys(changed).length === 0) return gr.getUniqueValue();
      const journal = takeJournal(table, changed);
      const clash = store.uniqueViolation(table, { ...gr._prev, ...changed, sys_id: gr.getUniqueValue() });
      if (clash) {
        host.log('error', `Unique Key violation detected by database: ${table} already has a row with ${clash.map((/** @type {string} */ c) => `${c}=${changed[c] ?? gr._prev?.[c]}`).join(', ')}`, 'database');
        return null;
      }
      const row = store.update(table, gr.getUniqueValue(), changed, host.session.user_name, { autoSysFields: gr._autoSys });
      if (!row) throw new Error(`GlideRecord.update: ${table} ${gr.getUniqueValue()} no longer exists`);
      writeJournal(table, row.sys_id, journal);
      gr._row = { ...row, ...journal };
      if (gr._workflow) after(gr, 'update', previous);
      gr._row = row;
      gr._prev = { ...row };
      return row.sys_id;
    },

    /** @param {any} gr */
    delete(gr) {
      const table = gr.getTableName();
      gr._abort = false;
      if (gr._workflow) for (const rule of rulesFor(table, 'before', 'delete')) { fire(rule, gr, null); if (gr._abort) return false; }
      const ok = store.delete(table, gr.getUniqueValue());
      if (ok && gr._workflow) {
        const previous = gr._previousRecord(gr._prev);
        for (const rule of rulesFor(table, 'after', 'delete')) fire(rule, gr, previous);
      }
      return ok;
    },

    /**
     * Async rules run later with `current` re-read from the database; `previous` is not available
     * there on the platform either.
     * @param {{ rule: BusinessRule, table: string, sysId: string, action: Action, user?: SessionUser }} item
     */
    runAsync(item) {
      const current = new GlideRecord(item.table);
      if (item.action !== 'delete' && !current.get(item.sysId)) return;
      fire({ ...item.rule, filter: undefined, condition: undefined }, current, null);
    },
  };
}

export { GlideElementBase };
