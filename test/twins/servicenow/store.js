// @ts-check
/**
 * The twin's embedded database: tables of string-valued records (the platform stores and
 * returns every field as a string), schemas with defaults/references/choices, sys fields,
 * per-table number counters, and JSON-file persistence. SQLite would need a native build,
 * so this is in memory with save()/load().
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseEncodedQuery, matchGroups, comparator } from './encoded-query.js';

/** @typedef {Record<string, string>} Row */
/**
 * @typedef {{ type?: string, reference?: string, default?: string, choices?: Record<string, string>,
 *   label?: string, mandatory?: boolean, maxLength?: number }} FieldDef
 * @typedef {{ fields: Record<string, FieldDef>, display?: string, numberPrefix?: string, label?: string, unique?: string[][] }} TableDef
 */

/**
 * KB0685779: a string column's max_length is not enforced by the platform; the database column is
 * varchar(max_length) up to 255 (the database keeps at most that many characters) and mediumtext
 * above (up to 16,777,215 bytes, so a 4,000 description stores far more). The twin keeps what
 * such a column keeps: at most max_length characters (code points) for ≤ 255, everything above.
 * @param {FieldDef | undefined} def @param {string} value
 */
export function storedValue(def, value) {
  const max = def?.maxLength;
  if (!max || max > 255 || (def?.type && !STRING_TYPES.has(def.type))) return value;
  const points = Array.from(value);
  return points.length > max ? points.slice(0, max).join('') : value;
}
const STRING_TYPES = new Set(['string', 'email', 'url', 'phone_number_e164']);

export const SYS_FIELDS = ['sys_id', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count'];

/** 32 lower-case hex characters, like a platform sys_id. */
export const newSysId = () => randomBytes(16).toString('hex');

/** @param {Date} d glide date-time 'YYYY-MM-DD HH:mm:ss' in UTC */
export const glideDateTime = (d) => d.toISOString().slice(0, 19).replace('T', ' ');

/** @type {Record<string, TableDef>} */
export const BASE_TABLES = {
  sys_user: {
    display: 'name',
    fields: { user_name: {}, name: {}, first_name: {}, last_name: {}, email: {}, active: { type: 'boolean', default: 'true' } },
  },
  // MID Servers (MID Server > Servers): status Up, Down, Upgrading, Validation …
  ecc_agent: { display: 'name', fields: { name: {}, status: { default: 'Down' }, validated: { default: 'true' }, host_name: {} } },
  sys_user_group: { display: 'name', fields: { name: {}, description: {}, email: {}, active: { type: 'boolean', default: 'true' } } },
  sys_user_role: { display: 'name', fields: { name: {}, suffix: {}, description: {} } },
  sys_user_has_role: { fields: { user: { type: 'reference', reference: 'sys_user' }, role: { type: 'reference', reference: 'sys_user_role' } } },
  sys_journal_field: { fields: { element: {}, element_id: {}, name: {}, value: {} } },
  sys_properties: { display: 'name', fields: { name: {}, value: {}, type: {}, description: {} } },
  sys_attachment: { fields: { table_name: {}, table_sys_id: {}, file_name: {}, content_type: {}, size_bytes: { type: 'integer' } } },
  sys_user_grmember: { fields: { user: { type: 'reference', reference: 'sys_user' }, group: { type: 'reference', reference: 'sys_user_group' } } },
  sysapproval_approver: {
    fields: {
      approver: { type: 'reference', reference: 'sys_user' }, group: {}, source_table: {}, document_id: {}, sysapproval: {},
      state: { default: 'requested', choices: { not_requested: 'Not Yet Requested', requested: 'Requested', approved: 'Approved', rejected: 'Rejected', cancelled: 'Cancelled' } },
      comments: { type: 'journal_input' }, due_date: { type: 'glide_date_time' },
    },
  },
  // Scheduled jobs as rows, so scripts can read a job's script (the loader fills them from the build).
  sysauto_script: { display: 'name', fields: { name: {}, script: {}, active: { type: 'boolean', default: 'true' }, run_type: {}, run_period: {} } },
  // Scheduler triggers; the host runs run-once ones (trigger_type 0) at next_action and deletes them.
  sys_trigger: {
    display: 'name',
    fields: { name: {}, next_action: { type: 'glide_date_time' }, trigger_type: { type: 'integer', default: '0' }, state: { default: '0', choices: { 0: 'Ready', 1: 'Running', 2: 'Queued', '-1': 'Error' } }, script: {}, job_id: {} },
  },
  cmn_location: { display: 'name', fields: { name: {} } },
  cmdb_ci_service: { display: 'name', fields: { name: {}, busines_criticality: {}, used_for: {} } },
  core_company: { display: 'name', fields: { name: {}, customer: { type: 'boolean', default: 'false' } } },
  // The base problem lifecycle's states (101 New … 107 Closed), the known-error flag and the
  // workaround / cause / fix notes a tier-3 escalation reads back; the rest of problem is not modelled.
  problem: {
    display: 'number', numberPrefix: 'PRB', label: 'Problem',
    fields: { number: {}, short_description: { maxLength: 160 }, description: { maxLength: 4000 },
      state: { default: '101', choices: { 101: 'New', 102: 'Assess', 103: 'Root Cause Analysis', 104: 'Fix in Progress', 106: 'Resolved', 107: 'Closed' } },
      priority: {}, category: {}, active: { type: 'boolean', default: 'true' },
      known_error: { type: 'boolean', default: 'false' }, workaround: { maxLength: 4000 }, cause_notes: { maxLength: 4000 }, fix_notes: { maxLength: 4000 },
      first_reported_by_task: { type: 'reference', reference: 'incident' }, cmdb_ci: {},
      assigned_to: { type: 'reference', reference: 'sys_user' }, assignment_group: { type: 'reference', reference: 'sys_user_group' },
      work_notes: { type: 'journal_input' }, comments: { type: 'journal_input' } },
  },
  incident: {
    display: 'number', numberPrefix: 'INC', label: 'Incident',
    fields: {
      number: {}, short_description: { maxLength: 160 }, description: { maxLength: 4000 }, category: { default: 'inquiry' }, subcategory: {},
      state: { default: '1', choices: { 1: 'New', 2: 'In Progress', 3: 'On Hold', 6: 'Resolved', 7: 'Closed', 8: 'Canceled' } },
      impact: { default: '3', choices: { 1: '1 - High', 2: '2 - Medium', 3: '3 - Low' } },
      urgency: { default: '3', choices: { 1: '1 - High', 2: '2 - Medium', 3: '3 - Low' } },
      priority: { default: '5', choices: { 1: '1 - Critical', 2: '2 - High', 3: '3 - Moderate', 4: '4 - Low', 5: '5 - Planning' } },
      active: { type: 'boolean', default: 'true' },
      caller_id: { type: 'reference', reference: 'sys_user' },
      opened_by: { type: 'reference', reference: 'sys_user' },
      assigned_to: { type: 'reference', reference: 'sys_user' },
      assignment_group: { type: 'reference', reference: 'sys_user_group' },
      business_service: { type: 'reference', reference: 'cmdb_ci_service' },
      cmdb_ci: {}, company: { type: 'reference', reference: 'core_company' },
      problem_id: { type: 'reference', reference: 'problem' },
      contact_type: {}, correlation_id: {}, correlation_display: {},
      opened_at: { type: 'glide_date_time' }, resolved_at: { type: 'glide_date_time' }, closed_at: { type: 'glide_date_time' },
      close_code: {}, close_notes: {}, hold_reason: {},
      work_notes: { type: 'journal_input' }, comments: { type: 'journal_input' },
    },
  },
};

// Knowledge Management (com.glideapp.knowledge): a knowledge base and its articles. Only the fields
// Seam reads or writes; workflow_state holds the article's lifecycle, `text` its HTML body.
BASE_TABLES.kb_knowledge_base = { display: 'title', fields: { title: {}, description: {}, active: { type: 'boolean', default: 'true' } } };
BASE_TABLES.kb_knowledge = {
  display: 'number', numberPrefix: 'KB', label: 'Knowledge',
  fields: {
    number: {}, short_description: { mandatory: true }, text: { type: 'html' }, kb_knowledge_base: { type: 'reference', reference: 'kb_knowledge_base' },
    kb_category: {}, meta: {}, article_type: { default: 'html' },
    workflow_state: { default: 'draft', choices: { draft: 'Draft', review: 'Review', scheduled_publish: 'Scheduled for publish', published: 'Published', pending_retirement: 'Pending retirement', retired: 'Retired', outdated: 'Outdated' } },
    active: { type: 'boolean', default: 'true' }, author: { type: 'reference', reference: 'sys_user' },
    published: { type: 'glide_date' }, valid_to: { type: 'glide_date' }, source: {},
  },
};

export class TableStore {
  /** @param {{ now?: () => Date }} [options] */
  constructor(options = {}) {
    this.now = options.now ?? (() => new Date());
    /** @type {Map<string, TableDef>} */
    this.schemas = new Map();
    /** @type {Map<string, Map<string, Row>>} */
    this.tables = new Map();
    /** @type {Record<string, number>} */
    this.counters = {};
    for (const [name, def] of Object.entries(BASE_TABLES)) this.defineTable(name, def);
  }

  /**
   * Defines a table or adds columns to an existing one (like a dictionary record extending incident).
   * @param {string} name @param {Partial<TableDef>} def
   */
  defineTable(name, def) {
    const existing = this.schemas.get(name);
    const merged = /** @type {TableDef} */ ({
      ...existing, ...def,
      fields: { ...(existing?.fields ?? {}), ...(def.fields ?? {}) },
      display: def.display ?? existing?.display,
      unique: [...(existing?.unique ?? []), ...(def.unique ?? [])],
    });
    this.schemas.set(name, merged);
    if (!this.tables.has(name)) this.tables.set(name, new Map());
  }

  /** @param {string} table */
  hasTable(table) { return this.schemas.has(table); }

  /** @param {string} table */
  schema(table) {
    const s = this.schemas.get(table);
    if (!s) throw new Error(`table "${table}" is not defined in the twin; define it with store.defineTable or load the app's dictionary`);
    return s;
  }

  /** @param {string} table @param {string} field */
  fieldDef(table, field) {
    if (SYS_FIELDS.includes(field)) return { type: field === 'sys_mod_count' ? 'integer' : field.endsWith('_on') ? 'glide_date_time' : 'string' };
    return this.schema(table).fields[field];
  }

  /** @param {string} table */
  fieldNames(table) { return [...SYS_FIELDS, ...Object.keys(this.schema(table).fields)]; }

  /** @param {string} table */
  rows(table) {
    this.schema(table);
    return /** @type {Map<string, Row>} */ (this.tables.get(table));
  }

  /** @param {string} table */
  nextNumber(table) {
    const prefix = this.schema(table).numberPrefix;
    if (!prefix) return '';
    const n = (this.counters[table] ?? 10000) + 1;
    this.counters[table] = n;
    return prefix + String(n).padStart(7, '0');
  }

  /** A blank record with dictionary defaults, as GlideRecord.initialize() produces. @param {string} table */
  blank(table) {
    /** @type {Row} */
    const row = {};
    for (const [f, d] of Object.entries(this.schema(table).fields)) row[f] = d.default ?? '';
    for (const f of SYS_FIELDS) row[f] = '';
    return row;
  }

  /**
   * Writes a new row. Sys fields are set here, as the platform sets them, whatever the caller passed
   * (except a caller-chosen sys_id, which the platform also accepts on insert).
   * @param {string} table @param {Row} values @param {string} user
   * @returns {Row}
   */
  insert(table, values, user) {
    const rows = this.rows(table);
    const at = glideDateTime(this.now());
    const row = { ...this.blank(table) };
    const fields = this.schema(table).fields;
    for (const [k, v] of Object.entries(values)) if (k in row) row[k] = storedValue(fields[k], v ?? '');
    row.sys_id = /^[0-9a-f]{32}$/.test(values.sys_id ?? '') ? values.sys_id : newSysId();
    if (rows.has(row.sys_id)) throw new Error(`insert into ${table}: sys_id ${row.sys_id} already exists; omit sys_id to get a fresh one`);
    if ('number' in row && !row.number) row.number = this.nextNumber(table);
    Object.assign(row, { sys_created_on: at, sys_created_by: user, sys_updated_on: at, sys_updated_by: user, sys_mod_count: '0' });
    if (table === 'incident' && !row.opened_at) row.opened_at = at;
    rows.set(row.sys_id, row);
    return { ...row };
  }

  /**
   * @param {string} table @param {string} sysId @param {Row} values @param {string} user
   * @param {{ autoSysFields?: boolean }} [opts]
   * @returns {Row | undefined}
   */
  update(table, sysId, values, user, opts = {}) {
    const rows = this.rows(table);
    const row = rows.get(sysId);
    if (!row) return undefined;
    const stateBefore = row.state;
    const fields = this.schema(table).fields;
    for (const [k, v] of Object.entries(values)) if (k in row && !SYS_FIELDS.includes(k)) row[k] = storedValue(fields[k], v ?? '');
    // The platform's own incident rules stamp when an incident was resolved (6) or closed (7).
    if (table === 'incident' && row.state !== stateBefore) {
      const at = glideDateTime(this.now());
      if (row.state === '6' && !row.resolved_at) row.resolved_at = at;
      if (row.state === '7' && !row.closed_at) { row.closed_at = at; if (!row.resolved_at) row.resolved_at = at; }
    }
    if (opts.autoSysFields !== false) {
      row.sys_updated_on = glideDateTime(this.now());
      row.sys_updated_by = user;
      row.sys_mod_count = String(Number(row.sys_mod_count || '0') + 1);
    }
    return { ...row };
  }

  /**
   * The unique index a row would break, if any (the database enforces these on the platform).
   * @param {string} table @param {Row} row
   * @returns {string[] | null}
   */
  uniqueViolation(table, row) {
    for (const cols of this.schema(table).unique ?? []) {
      if (cols.every((c) => (row[c] ?? '') === '')) continue;
      for (const other of this.rows(table).values()) {
        if (other.sys_id !== row.sys_id && cols.every((c) => (other[c] ?? '') === (row[c] ?? ''))) return cols;
      }
    }
    return null;
  }

  /** @param {string} table @param {string} sysId */
  delete(table, sysId) { return this.rows(table).delete(sysId); }

  /** @param {string} table @param {string} sysId */
  get(table, sysId) {
    const row = this.rows(table).get(sysId);
    return row ? { ...row } : undefined;
  }

  /**
   * Reads a field, following dot-walks through reference fields (`caller_id.name`).
   * @param {string} table @param {Row} row @param {string} field
   * @returns {string}
   */
  read(table, row, field) {
    const dot = field.indexOf('.');
    if (dot < 0) return row[field] ?? '';
    const head = field.slice(0, dot);
    const ref = this.fieldDef(table, head)?.reference;
    if (!ref || !this.hasTable(ref)) return '';
    const target = this.rows(ref).get(row[head] ?? '');
    return target ? this.read(ref, target, field.slice(dot + 1)) : '';
  }

  /**
   * @param {string} table
   * @param {{ groups: import('./encoded-query.js').Group[], orderBy: {field: string, desc: boolean}[] }} query
   * @returns {Row[]}
   */
  select(table, query) {
    /** @type {(r: Row, f: string) => string} */
    const read = (r, f) => this.read(table, r, f);
    const out = [...this.rows(table).values()].filter((r) => matchGroups(query.groups, r, read));
    if (query.orderBy.length) out.sort(comparator(query.orderBy, read));
    return out.map((r) => ({ ...r }));
  }

  /** @param {string} table @param {string} encoded */
  find(table, encoded) { return this.select(table, parseEncodedQuery(encoded)); }

  /**
   * Rows whose fields equal the given values, without building an encoded query from data.
   * @param {string} table @param {Record<string, string>} values
   */
  findBy(table, values) {
    return [...this.rows(table).values()].filter((r) => Object.entries(values).every(([k, v]) => (r[k] ?? '') === v)).map((r) => ({ ...r }));
  }

  /** The display field of a table: the dictionary's display column, else number/name, else sys_id. @param {string} table */
  displayField(table) {
    const s = this.schema(table);
    if (s.display) return s.display;
    for (const f of ['number', 'name', 'u_number', 'u_name']) if (f in s.fields) return f;
    return 'sys_id';
  }

  /**
   * The display value of one field: a reference shows the target's display field, a choice its label.
   * @param {string} table @param {Row} row @param {string} field
   */
  displayValue(table, row, field) {
    const value = this.read(table, row, field);
    const def = this.fieldDef(table, field.split('.')[0]);
    if (!def || field.includes('.')) return value;
    if (def.reference) {
      if (!value || !this.hasTable(def.reference)) return '';
      const target = this.rows(def.reference).get(value);
      return target ? target[this.displayField(def.reference)] ?? '' : '';
    }
    if (def.choices && value in def.choices) return def.choices[value];
    return value;
  }

  /**
   * A journal field's entries as the platform renders them, newest first ("<when> - <who> (<label>)\n<text>\n").
   * @param {string} table @param {string} sysId @param {string} element @param {number} [n] -1 or omitted for all
   */
  journalText(table, sysId, element, n = -1) {
    // Newest first; entries written in the same second keep reverse write order.
    const rows = this.findBy('sys_journal_field', { name: table, element, element_id: sysId }).reverse();
    rows.sort((a, b) => (a.sys_created_on < b.sys_created_on ? 1 : a.sys_created_on > b.sys_created_on ? -1 : 0));
    const label = element === 'work_notes' ? 'Work notes' : element === 'comments' ? 'Additional comments' : element;
    const picked = n === -1 ? rows : rows.slice(0, Math.max(0, n));
    /** @param {string} userName */
    const who = (userName) => this.findBy('sys_user', { user_name: userName })[0]?.name || userName;
    return picked.map((r) => `${r.sys_created_on} - ${who(r.sys_created_by)} (${label})\n${r.value}\n`).join('\n');
  }

  /** @param {string} file */
  save(file) {
    mkdirSync(dirname(file), { recursive: true });
    /** @type {Record<string, Row[]>} */
    const tables = {};
    for (const [name, rows] of this.tables) if (rows.size) tables[name] = [...rows.values()];
    writeFileSync(file, JSON.stringify({ version: 1, counters: this.counters, tables }, null, 1));
  }

  /**
   * Loads rows saved by save(); tables not yet defined are defined from the rows' columns.
   * @param {string} file
   * @returns {boolean} whether a file was loaded
   */
  load(file) {
    if (!existsSync(file)) return false;
    const data = JSON.parse(readFileSync(file, 'utf8'));
    if (data.version !== 1) throw new Error(`store file ${file} has version ${data.version}; expected 1. Delete it to start fresh.`);
    this.counters = { ...this.counters, ...data.counters };
    for (const [name, rows] of Object.entries(/** @type {Record<string, Row[]>} */ (data.tables))) {
      if (!this.hasTable(name)) {
        /** @type {Record<string, FieldDef>} */
        const fields = {};
        for (const k of Object.keys(rows[0] ?? {})) if (!SYS_FIELDS.includes(k)) fields[k] = {};
        this.defineTable(name, { fields });
      }
      const map = this.rows(name);
      for (const r of rows) map.set(r.sys_id, { ...r });
    }
    return true;
  }
}
