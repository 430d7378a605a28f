// @ts-check
/**
 * Reads both sides through their public APIs and compares every link field by field against the
 * owner's value, with the shared ownership map and transforms (the same code both platforms run).
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

const core = /** @type {typeof import('../../../shared/src/index.ts')} */ (
  await import(pathToFileURL(fileURLToPath(new URL('../../../shared/dist/seam-core.mjs', import.meta.url))).href)
);
export const { OWNERSHIP, transformForPeer, ownerFields, peerField, sameValue, salesforcePath } = core;

/** Mappings that hold a value on both sides (identity, relationship, work; not journal or internal). */
export const FIELD_MAPPINGS = OWNERSHIP.filter((m) => m.direction !== 'internal' && m.owner !== 'entry_origin' && m.salesforce && m.servicenow.table === 'incident');

/** Case fields to SELECT (relationship paths included, e.g. Account.Seam_Contract_Value__c). */
export const CASE_FIELDS = [...new Set(['Id', 'CaseNumber', ...FIELD_MAPPINGS.map((m) => /** @type {string} */ (salesforcePath(m)))])];
export const INCIDENT_FIELDS = [...new Set(['sys_id', 'number', 'x_seam_bridge_sf_case_id', ...FIELD_MAPPINGS.flatMap((m) => [m.servicenow.field, ...(m.servicenow.extra ?? [])])])];

/** A SOQL record flattened to `Account.Field` paths. @param {Record<string, any>} r */
export function flattenCase(r) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [k, v] of Object.entries(r)) {
    if (k === 'attributes') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k2, v2] of Object.entries(v)) { if (k2 !== 'attributes') out[`${k}.${k2}`] = v2; }
    else out[k] = v;
  }
  return out;
}

/**
 * Field-by-field differences between one Case and its incident: for each mapping, the owner's
 * value transformed for the peer must equal what the peer holds.
 * @param {Record<string, any>} sfCase flattened Case
 * @param {Record<string, any>} incident Table API row
 * @returns {Array<{ key: string, owner: string, expected: unknown, actual: unknown }>}
 */
export function fieldDifferences(sfCase, incident) {
  const diffs = [];
  for (const m of FIELD_MAPPINGS) {
    const ownerRecord = m.owner === 'salesforce' ? sfCase : incident;
    const peerRecord = m.owner === 'salesforce' ? incident : sfCase;
    const pf = /** @type {string} */ (peerField(m));
    // A value both sides leave empty is in sync whatever the transform thinks of null.
    const ownerEmpty = ownerFields(m).every((f) => ownerRecord[f] === null || ownerRecord[f] === undefined || ownerRecord[f] === '');
    const actual = peerRecord[pf] ?? null;
    if (ownerEmpty) {
      if (!sameValue(actual, null)) diffs.push({ key: m.key, owner: m.owner, expected: null, actual });
      continue;
    }
    const t = transformForPeer(m, ownerRecord);
    const expected = t.ok ? t.value : `(${t.error.problem})`;
    if (!t.ok || !sameValue(actual, expected)) diffs.push({ key: m.key, owner: m.owner, expected, actual });
  }
  return diffs;
}
