// @ts-check
/** GlideDateTime: UTC date-times in the platform's 'YYYY-MM-DD HH:mm:ss' storage format. */
import { glideDateTime } from '../store.js';

/** @param {string} s */
function parseGlide(s) {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2}))?/.exec(s.trim());
  if (!m) throw new Error(`GlideDateTime: "${s}" is not a date-time; use 'YYYY-MM-DD HH:mm:ss' (UTC)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** @param {() => Date} now */
export function createGlideDateTimeClass(now) {
  class GlideDateTime {
    /** @param {string | GlideDateTime} [value] */
    constructor(value) {
      /** @type {number} */
      this._ms = value === undefined ? now().getTime() : value instanceof GlideDateTime ? value._ms : value === '' ? 0 : parseGlide(String(value));
    }
    getValue() { return glideDateTime(new Date(this._ms)); }
    toString() { return this.getValue(); }
    getDisplayValue() { return this.getValue(); }
    getDisplayValueInternal() { return this.getValue(); }
    getNumericValue() { return this._ms; }
    /** @param {number} ms */
    setNumericValue(ms) { this._ms = Number(ms); }
    /** @param {string | GlideDateTime} v */
    setValue(v) { this._ms = v instanceof GlideDateTime ? v._ms : typeof v === 'number' ? v : parseGlide(String(v)); }
    /** @param {string} v */
    setDisplayValue(v) { this.setValue(v); }
    /** @param {number} s */
    addSeconds(s) { this._ms += Number(s) * 1000; }
    /** @param {number} ms */
    add(ms) { this._ms += Number(ms); }
    /** @param {number} d */
    addDaysUTC(d) { this._ms += Number(d) * 86_400_000; }
    /** @param {GlideDateTime} o */
    before(o) { return this._ms < o._ms; }
    /** @param {GlideDateTime} o */
    after(o) { return this._ms > o._ms; }
    /** @param {GlideDateTime} o */
    equals(o) { return this._ms === o._ms; }
    /** @param {GlideDateTime} o */
    compareTo(o) { return Math.sign(this._ms - o._ms); }
    getDate() { return this.getValue().slice(0, 10); }
  }
  return GlideDateTime;
}
