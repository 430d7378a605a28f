// @ts-check
/**
 * GlideRecord and GlideElement over the twin's store, with the platform's write path:
 * before rules (may change `current`, may abort) → write (sys fields, number, journal) →
 * after rules → async rules queued. Conditions added with addQuery are kept structured and are
 * never re-parsed, so a value that contains '^OR' cannot widen the query.
 */
import { parseEncodedQuery, matchGroups, comparator, OPERATORS } from '../encoded-query.js';
import { SYS_FIELDS } from '../store.js';

/** @typedef {import('../store.js').Row} Row */
/** @typedef {import('../encoded-query.js').Condition} Condition */
/** @typedef {import('./host.js').Host} Host */

const INTERNAL = new Set(['then', 'toJSON', 'constructor', 'inspect', 'valueOf', 'toString']);

/**
 * A value as the platform stores it: elements by their value, a GlideRecord by its sys_id
 * (assigning a record to a reference field), everything else as a string.
 * @param {unknown} v
 */
const str = (v) => {
  if (v === null || v === undefined) return '';
  if (v instanceof GlideElementBase) return v.toString();
  const o = /** @type {any} */ (v);
  if (typeof v === 'object' && typeof o.getUniqueValue === 'function' && typeof o.getTableName === 'function') return String(o.getUniqueValue());
  if (typeof v === 'object' && typeof o.getValue === 'function' && o.getValue.length === 0) return String(o.getValue() ?? '');
  return String(v);
};

/** Base class so values can recognise elements without a circular import. */
export class GlideElementBase {}

/** A field of a GlideRecord, as `gr.field` returns it. */
export class GlideElement extends GlideElementBase {
  /** @param {any} gr the owning GlideRecord @param {string} name */
  constructor(gr, name) { super(); this._gr = gr; this._name = name; }
  toString() { return this._gr.getValue(this._name) ?? ''; }
  valueOf() { return this.toString(); }
  toJSON() { return this.toString(); }
  getValue() { return this._gr.getValue(this._name); }
  /** @param {unknown} v */
  setValue(v) { this._gr.setValue(this._name, v); }
  getDisplayValue() { return this._gr.getDisplayValue(this._name); }
  getName() { return this._name; }
  getTableName() { return this._gr.getTableName(); }
  nil() { return this.toString() === ''; }
  changes() { return this._gr._changed(this._name); }
  /** @param {unknown} v */
  changesTo(v) { return this.changes() && this.toString() === str(v); }
  /** @param {unknown} v */
  changesFrom(v) { return this.changes() && this._gr._previousValue(this._name) === str(v); }
  /** The field's dictionary entry (scoped GlideElementDescriptor: getLength, getInternalType, getName). */
  getED() {
    const def = this._gr._host.store.fieldDef(this._gr.getTableName(), this._name);
    const name = this._name;
    return {
      getLength: () => Number(def?.maxLength ?? 0),
      getInternalType: () => def?.type ?? 'string',
      getName: () => name,
      getLabel: () => def?.label ?? name,
    };
  }
  getReferenceTable() { return this._gr._host.store.fieldDef(this._gr.getTableName(), this._name)?.reference ?? ''; }
  getRefRecord() {
    const table = this.getReferenceTable();
    const gr = new this._gr.constructor(table);
    if (this.toString()) gr.get(this.toString());
    return gr;
  }
  /**
   * Journal entries of this journal field, newest first: -1 all, n the newest n.
   * @param {number} n
   */
  getJournalEntry(n) {
    return this._gr._host.store.journalText(this._gr.getTableName(), this._gr.getUniqueValue(), this._name, n);
  }
}

/**
 * @param {Host} host
 */
export function createGlideRecordClass(host) {
  const { store } = host;

  class GlideRecord {
    /** @param {string} table */
    constructor(table) {
      if (!store.hasTable(table)) throw new Error(`GlideRecord: table "${table}" does not exist in the twin; load the app's dictionary or define it`);
      this._host = host;
      this._table = table;
      /** @type {import('../encoded-query.js').Group[][]} parts ANDed; each part is OR-of-groups (addEncodedQuery) or one structured clause (addQuery) */
      this._parts = [];
      /** @type {{ field: string, desc: boolean }[]} */
      this._order = [];
      this._limit = Infinity;
      /** @type {Row[]} */
      this._rows = [];
      this._idx = -1;
      /** @type {Row | null} */
      this._row = null;
      /** @type {Row | null} values as last read from / written to the database */
      this._prev = null;
      this._isNew = false;
      this._workflow = true;
      this._autoSys = true;
      this._abort = false;
      return new Proxy(this, {
        get(target, prop, receiver) {
          if (typeof prop !== 'string' || prop in target || INTERNAL.has(prop) || prop.startsWith('_')) return Reflect.get(target, prop, receiver);
          if (target._hasField(prop)) return new GlideElement(receiver, prop);
          return undefined;
        },
        set(target, prop, value, receiver) {
          if (typeof prop === 'string' && !(prop in target) && !prop.startsWith('_') && target._hasField(prop)) {
            target.setValue(prop, value);
            return true;
          }
          return Reflect.set(target, prop, value, receiver);
        },
      });
    }

    /** @param {string} f */
    _hasField(f) { return SYS_FIELDS.includes(f) || f in store.schema(this._table).fields; }

    getTableName() { return this._table; }
    getRecordClassName() { return this._table; }
    isValid() { return true; }
    /** @param {string} f */
    isValidField(f) { return this._hasField(f); }
    isValidRecord() { return this._row !== null && !this._isNew; }
    isNewRecord() { return this._isNew; }
    getUniqueValue() { return this._row?.sys_id ?? ''; }
    getEncodedQuery() { return ''; }

    /**
     * addQuery(field, value) or addQuery(field, operator, value); addQuery('encoded') as the platform allows.
     * @param {string} field @param {unknown} [opOrValue] @param {unknown} [value]
     */
    addQuery(field, opOrValue, value) {
      if (arguments.length === 1) { this.addEncodedQuery(field); return this._conditionHandle([]); }
      let op = '=';
      let v = opOrValue;
      if (arguments.length >= 3) {
        op = String(opOrValue).toUpperCase();
        v = value;
        if (op === 'CONTAINS') op = 'LIKE';
        if (op === 'DOES NOT CONTAIN') op = 'NOTLIKE';
        if (op === 'NOT LIKE') op = 'NOTLIKE';
        if (!OPERATORS.includes(op)) throw new Error(`GlideRecord.addQuery on ${this._table}.${field}: operator "${op}" is not supported; use one of ${OPERATORS.join(', ')}`);
      }
      const values = Array.isArray(v) ? v.map(str).join(',') : str(v);
      /** @type {Condition[]} */
      const clause = [{ field, op, value: values }];
      this._parts.push([[clause]]);
      return this._conditionHandle(clause);
    }

    /** @param {Condition[]} clause */
    _conditionHandle(clause) {
      const handle = {
        /** @param {string} field @param {unknown} [opOrValue] @param {unknown} [value] */
        addOrCondition(field, opOrValue, value) {
          const op = value === undefined ? '=' : String(opOrValue).toUpperCase();
          const v = value === undefined ? opOrValue : value;
          clause.push({ field, op, value: str(v) });
          return handle;
        },
      };
      return handle;
    }

    /** @param {string} query */
    addEncodedQuery(query) {
      const parsed = parseEncodedQuery(query);
      if (parsed.groups.length) this._parts.push(parsed.groups);
      this._order.push(...parsed.orderBy);
    }

    /** @param {string} field */
    addNullQuery(field) { this._parts.push([[[{ field, op: 'ISEMPTY', value: '' }]]]); }
    /** @param {string} field */
    addNotNullQuery(field) { this._parts.push([[[{ field, op: 'ISNOTEMPTY', value: '' }]]]); }
    addActiveQuery() { this.addQuery('active', 'true'); }
    /** @param {string} field */
    orderBy(field) { this._order.push({ field, desc: false }); }
    /** @param {string} field */
    orderByDesc(field) { this._order.push({ field, desc: true }); }
    /** @param {number} n */
    setLimit(n) { this._limit = n; }
    /** @param {boolean} on */
    setWorkflow(on) { this._workflow = Boolean(on); }
    /** @param {boolean} on */
    autoSysFields(on) { this._autoSys = Boolean(on); }
    /** @param {boolean} abort */
    setAbortAction(abort) { this._abort = Boolean(abort); }

    /** @param {Row} row */
    _matches(row) {
      /** @type {(r: Row, f: string) => string} */
      const read = (r, f) => store.read(this._table, r, f);
      return this._parts.every((groups) => matchGroups(groups, row, read));
    }

    /** @param {string} [field] @param {unknown} [value] */
    query(field, value) {
      host.checkQuota();
      if (field !== undefined) this.addQuery(field, value);
      /** @type {(r: Row, f: string) => string} */
      const read = (r, f) => store.read(this._table, r, f);
      let rows = [...store.rows(this._table).values()].filter((r) => this._matches(r));
      if (this._order.length) rows.sort(comparator(this._order, read));
      if (Number.isFinite(this._limit)) rows = rows.slice(0, this._limit);
      this._rows = rows.map((r) => ({ ...r }));
      this._idx = -1;
      this._row = null;
      this._prev = null;
      this._isNew = false;
    }
    _query() { this.query(); }

    hasNext() { return this._idx + 1 < this._rows.length; }
    next() {
      if (!this.hasNext()) { this._row = null; return false; }
      this._idx += 1;
      this._row = { ...this._rows[this._idx] };
      this._prev = { ...this._rows[this._idx] };
      this._isNew = false;
      return true;
    }
    _next() { return this.next(); }
    getRowCount() { return this._rows.length; }

    /**
     * get(sysId) or get(field, value): loads the first match into this record.
     * @param {unknown} a @param {unknown} [b]
     */
    get(a, b) {
      host.checkQuota();
      /** @type {Row | undefined} */
      let row;
      if (b === undefined) {
        const key = str(a);
        row = store.get(this._table, key);
      } else {
        row = [...store.rows(this._table).values()].find((r) => store.read(this._table, r, str(a)) === str(b));
        if (row) row = { ...row };
      }
      if (!row) { this._row = null; this._prev = null; return false; }
      this._rows = [row];
      this._idx = 0;
      this._row = { ...row };
      this._prev = { ...row };
      this._isNew = false;
      return true;
    }

    initialize() { this._row = store.blank(this._table); this._prev = null; this._isNew = true; }
    newRecord() {
      this.initialize();
      /** @type {Row} */ (this._row).sys_id = host.newSysId();
    }

    /** @param {string} field */
    getValue(field) {
      if (!this._row) return null;
      const v = field.includes('.') ? store.read(this._table, this._row, field) : this._row[field];
      return v === undefined || v === '' ? null : v;
    }

    /** @param {string} field @param {unknown} value */
    setValue(field, value) {
      if (!this._row) this.initialize();
      const row = /** @type {Row} */ (this._row);
      if (!this._hasField(field)) {
        host.log('warn', `GlideRecord.setValue: ${this._table}.${field} is not a column; value ignored`, 'glide');
        return;
      }
      if (field === 'sys_id' && !this._isNew) return;
      const def = store.fieldDef(this._table, field);
      let v = str(value);
      if (def?.type === 'boolean' && typeof value === 'boolean') v = value ? 'true' : 'false';
      row[field] = v;
    }

    /** @param {string} [field] */
    getDisplayValue(field) {
      if (!this._row) return '';
      if (field === undefined) return this._row[store.displayField(this._table)] ?? '';
      return store.displayValue(this._table, this._row, field);
    }

    /** @param {string} field */
    getElement(field) { return this._hasField(field) ? new GlideElement(this, field) : null; }

    /** @param {string} field */
    _previousValue(field) { return this._prev ? this._prev[field] ?? '' : ''; }
    /** @param {string} field */
    _changed(field) { return (this._row?.[field] ?? '') !== this._previousValue(field); }
    changes() { return Object.keys(this._row ?? {}).some((f) => this._changed(f)); }

    /** @param {Row | null} row a read-only copy passed to rules as `previous` */
    _previousRecord(row) {
      if (!row) return null;
      const gr = new GlideRecord(this._table);
      gr._row = { ...row };
      gr._prev = { ...row };
      return gr;
    }

    insert() {
      host.checkQuota();
      if (host.refusedCrossScopeCreate.has(this._table) && host.inAppScope()) {
        host.log('error', `Create operation against '${this._table}' from scope 'x_seam_bridge' has been refused due to the table's cross-scope access policy`, 'security');
        return null;
      }
      if (!this._row) this.initialize();
      this._isNew = true;
      return host.transaction.insert(this);
    }

    update() {
      host.checkQuota();
      if (!this._row) throw new Error(`GlideRecord.update on ${this._table}: no current record; call get(), next() or initialize() first`);
      if (this._isNew) return this.insert();
      return host.transaction.update(this);
    }

    deleteRecord() {
      if (!this._row || this._isNew) return false;
      return host.transaction.delete(this);
    }

    deleteMultiple() {
      this.query();
      while (this.next()) this.deleteRecord();
    }

    /** @param {Record<string, unknown>} values */
    updateMultiple(values) {
      this.query();
      while (this.next()) {
        for (const [k, v] of Object.entries(values ?? {})) this.setValue(k, v);
        this.update();
      }
    }

    canRead() { return true; }
    canWrite() { return true; }
    canCreate() { return true; }
    canDelete() { return true; }
  }

  /**
   * GlideAggregate: COUNT/SUM/MIN/MAX/AVG over a query, optionally grouped; one row per group.
   */
  class GlideAggregate extends GlideRecord {
    /** @param {string} table */
    constructor(table) {
      super(table);
      /** @type {{ fn: string, field: string }[]} */
      this._aggs = [];
      /** @type {string[]} */
      this._groupBy = [];
      /** @type {Record<string, string>[]} */
      this._aggRows = [];
    }
    /** @param {string} fn @param {string} [field] */
    addAggregate(fn, field = '') { this._aggs.push({ fn: fn.toUpperCase(), field }); }
    /** @param {string} field */
    groupBy(field) { this._groupBy.push(field); }
    query() {
      super.query();
      /** @type {Map<string, Row[]>} */
      const groups = new Map();
      for (const r of this._rows) {
        const key = JSON.stringify(this._groupBy.map((f) => store.read(this._table, r, f)));
        if (!groups.has(key)) groups.set(key, []);
        /** @type {Row[]} */ (groups.get(key)).push(r);
      }
      if (groups.size === 0 && this._groupBy.length === 0) groups.set('[]', []);
      this._aggRows = [...groups.entries()].map(([key, rows]) => {
        /** @type {Record<string, string>} */
        const out = {};
        this._groupBy.forEach((f, i) => { out[f] = JSON.parse(key)[i]; });
        for (const { fn, field } of this._aggs) {
          const nums = rows.map((r) => Number(store.read(this._table, r, field))).filter((n) => !Number.isNaN(n));
          const v = fn === 'COUNT' ? rows.length : fn === 'SUM' ? nums.reduce((a, b) => a + b, 0) : fn === 'MIN' ? Math.min(...nums) : fn === 'MAX' ? Math.max(...nums) : nums.reduce((a, b) => a + b, 0) / (nums.length || 1);
          out[`${fn}:${field}`] = String(v);
        }
        return out;
      });
      this._aggIdx = -1;
    }
    next() {
      this._aggIdx = (this._aggIdx ?? -1) + 1;
      if (this._aggIdx >= this._aggRows.length) return false;
      this._row = { ...this._aggRows[this._aggIdx] };
      return true;
    }
    hasNext() { return (this._aggIdx ?? -1) + 1 < this._aggRows.length; }
    /** @param {string} fn @param {string} [field] */
    getAggregate(fn, field = '') { return this._row?.[`${fn.toUpperCase()}:${field}`] ?? null; }
  }

  return { GlideRecord, GlideAggregate };
}
