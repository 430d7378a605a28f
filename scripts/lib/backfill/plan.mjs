/**
 * The backfill's decisions, pure: which incident and Case belong together (by external key or
 * correlation id only, never by text), which owned fields to copy in the owner's direction, and
 * the link row to create. Everything about meaning comes from the shared core's ownership map.
 */
import {
  OWNERSHIP, transformForPeer, ownerFields, peerField, salesforcePath, parseCorrelationId, formatCorrelationId,
  toSalesforceId18, isSysId, sameValue, newLink, hashValue, parseDateTime, priorityFromUrgencyImpact,
} from '@seam/shared';

// Salesforce-owned fields are decided first: writing them can move ServiceNow-owned fields the
// platform derives, and the Case and the link must get the incident as it will read after our write.
const OWNER_ORDER = (/** @type {{ owner: string }} */ m) => (m.owner === 'salesforce' ? 0 : 1);

/** The keys that link a pair (docs/contracts.md). */
export const SN_CASE_ID = 'x_seam_bridge_sf_case_id';
export const SN_CORRELATION_ID = 'x_seam_bridge_correlation_id';
export const SF_INCIDENT_SYS_ID = 'Seam_Incident_Sys_Id__c';
export const SF_CORRELATION_ID = 'Seam_Correlation_Id__c';

/** Mappings whose values cross the seam as fields (not journal entries, not internal). */
export const SYNCED = OWNERSHIP.filter((m) => m.salesforce !== null && m.direction !== 'internal' && m.owner !== 'entry_origin' && m.servicenow.table === 'incident');

const uniq = (/** @type {string[]} */ xs) => [...new Set(xs)];

/** Case fields the backfill reads (SOQL paths, `Account.X` for Account fields). */
export const CASE_FIELDS = uniq([
  'Id', 'CaseNumber', 'IsClosed', 'Seam_Local_Version__c', 'Seam_Link_Version__c', SF_INCIDENT_SYS_ID, SF_CORRELATION_ID,
  ...SYNCED.map((m) => /** @type {string} */ (salesforcePath(m))),
]);

/** Reference fields whose Salesforce copy is the display value (the ownership map's `display`). */
export const INCIDENT_DISPLAY_FIELDS = SYNCED.filter((m) => m.display === 'reference').map((m) => m.servicenow.field);

/** Incident fields the backfill reads. */
export const INCIDENT_FIELDS = uniq([
  'sys_id', 'number', 'active', 'sys_mod_count', SN_CASE_ID, SN_CORRELATION_ID,
  'impact', // not synced, but with urgency it decides the priority the platform derives
  ...SYNCED.flatMap((m) => [m.servicenow.field, ...(m.servicenow.extra ?? [])]),
]);

const EMPTY_INCIDENT = Object.fromEntries(INCIDENT_FIELDS.map((f) => [f, '']));

/** A SOQL record with `Account: { X }` flattened to `Account.X`, `attributes` dropped. @param {Record<string, any>} rec */
export function flattenSoql(rec) {
  /** @type {Record<string, any>} */
  const out = {};
  for (const [k, v] of Object.entries(rec)) {
    if (k === 'attributes') continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      for (const [k2, v2] of Object.entries(v)) if (k2 !== 'attributes') out[`${k}.${k2}`] = v2;
    } else out[k] = v;
  }
  return out;
}

const id18 = (/** @type {unknown} */ v) => {
  const r = toSalesforceId18(v);
  return r.ok ? r.value : null;
};
const text = (/** @type {unknown} */ v) => (v === null || v === undefined ? '' : String(v));

/** The Case an incident points at: its Case id key, else its correlation id. @param {Record<string, string>} inc */
export function incidentCaseRef(inc) {
  const direct = id18(inc[SN_CASE_ID]);
  if (direct) return direct;
  const c = parseCorrelationId(inc[SN_CORRELATION_ID]);
  return c.ok ? id18(c.value.caseId) : null;
}

/** The incident a Case points at: `{ sysId }` from its key, else `{ number }` from its correlation id. @param {Record<string, any>} cs */
export function caseIncidentRef(cs) {
  const sysId = text(cs[SF_INCIDENT_SYS_ID]);
  if (isSysId(sysId)) return { sysId };
  const c = parseCorrelationId(cs[SF_CORRELATION_ID]);
  return c.ok ? { number: c.value.incidentNumber } : null;
}

/** Equal as the receiving platform stores it: date-times by instant, numbers by value, else as text. */
export function sameStored(/** @type {any} */ m, /** @type {unknown} */ a, /** @type {unknown} */ b) {
  if (m.transform === 'dateTime' && text(a) !== '' && text(b) !== '') {
    // SOQL answers `2026-01-31T09:30:00.000+0000`; the shared parser reads ISO with `Z` and Glide's format.
    const iso = (/** @type {unknown} */ v) => text(v).replace(/(\.\d+)?\+0000$/, 'Z');
    const x = parseDateTime(iso(a));
    const y = parseDateTime(iso(b));
    if (x.ok && y.ok) return x.value === y.value;
  }
  const na = text(a).trim();
  const nb = text(b).trim();
  if (na !== '' && nb !== '' && /^-?\d+(\.\d+)?$/.test(na) && /^-?\d+(\.\d+)?$/.test(nb)) return Number(na) === Number(nb);
  return sameValue(/** @type {any} */ (a ?? null), /** @type {any} */ (b ?? null));
}

/**
 * @typedef {{ caseId: string, incidentSysId: string, status: 'link' | 'linked' | 'skip' | 'conflict', reason?: string,
 *   caseUpdates: Record<string, unknown>, incidentUpdates: Record<string, unknown>, linkValues: Record<string, unknown> | null, linkSysId?: string | null,
 *   problems: string[] }} PairPlan
 */

/**
 * What to do for one candidate pair. `existingLink` is the link row for this Case, if any.
 * @param {Record<string, string>} inc Table API row (values, no reference links)
 * @param {Record<string, any>} cs flattened SOQL record
 * @param {Record<string, string> | null} existingLink
 * @param {string} nowSn `YYYY-MM-DD HH:mm:ss` for last_synced_at
 * @returns {PairPlan}
 */
export function planPair(inc, cs, existingLink, nowSn) {
  const caseId = /** @type {string} */ (id18(cs.Id));
  const base = { caseId, incidentSysId: inc.sys_id, caseUpdates: {}, incidentUpdates: {}, linkValues: null, problems: [] };
  if (cs.IsClosed === true || cs.IsClosed === 'true') return { ...base, status: 'skip', reason: 'the Case is closed' };
  if (inc.active === 'false') return { ...base, status: 'skip', reason: 'the incident is inactive' };

  // Both sides' keys must agree; a key pointing elsewhere is a conflict for a person, never overwritten.
  const incCase = id18(inc[SN_CASE_ID]);
  if (incCase && incCase !== caseId) return { ...base, status: 'conflict', reason: `incident ${inc.number} ${SN_CASE_ID} is ${incCase}, not ${caseId}` };
  const caseInc = text(cs[SF_INCIDENT_SYS_ID]);
  if (caseInc && caseInc !== inc.sys_id) return { ...base, status: 'conflict', reason: `Case ${cs.CaseNumber} ${SF_INCIDENT_SYS_ID} is ${caseInc}, not ${inc.sys_id}` };
  for (const [where, value] of [[`incident ${inc.number} ${SN_CORRELATION_ID}`, inc[SN_CORRELATION_ID]], [`Case ${cs.CaseNumber} ${SF_CORRELATION_ID}`, cs[SF_CORRELATION_ID]]]) {
    if (!text(value)) continue;
    const c = parseCorrelationId(value);
    if (!c.ok) return { ...base, status: 'conflict', reason: `${where} "${value}" is not a correlation id` };
    if (id18(c.value.caseId) !== caseId || c.value.incidentNumber !== inc.number) return { ...base, status: 'conflict', reason: `${where} "${value}" names another pair` };
  }
  if (existingLink && existingLink.incident && existingLink.incident !== inc.sys_id) {
    return { ...base, status: 'conflict', reason: `Case ${cs.CaseNumber} is already linked to incident ${existingLink.incident}` };
  }

  const correlation = formatCorrelationId({ incidentNumber: inc.number, caseId });
  if (!correlation.ok) return { ...base, status: 'conflict', reason: `cannot form a correlation id: ${correlation.error.problem}` };
  const correlationId = text(inc[SN_CORRELATION_ID]) || correlation.value;
  // The incident's own identity fields as they will be once written. A field the Table API did not
  // return reads as empty, as the app's GlideRecord adapter reads it, so both decide alike.
  const incident = { ...EMPTY_INCIDENT, ...inc, [SN_CORRELATION_ID]: correlationId };

  /** @type {Record<string, unknown>} */ const caseUpdates = {};
  /** @type {Record<string, unknown>} */ const incidentUpdates = {};
  if (!text(inc[SN_CORRELATION_ID])) incidentUpdates[SN_CORRELATION_ID] = correlationId;
  /** @type {Record<string, any>} */ const snapshot = {};
  /** @type {string[]} */ const problems = [];

  let derived = false;
  for (const m of [...SYNCED].sort((a, b) => OWNER_ORDER(a) - OWNER_ORDER(b))) {
    if (m.owner !== 'salesforce' && !derived) {
      afterOurWrite(incident, incidentUpdates);
      derived = true;
    }
    const ownerRecord = m.owner === 'salesforce' ? cs : incident;
    // A Case field SOQL did not return (an empty Account lookup) is not decided.
    if (!ownerFields(m).every((f) => Object.prototype.hasOwnProperty.call(ownerRecord, f))) continue;
    const desired = transformForPeer(m, ownerRecord);
    if (!desired.ok) {
      problems.push(`${m.key}: ${desired.error.field} ${desired.error.problem}; ${desired.error.fix}`);
      continue;
    }
    snapshot[m.key] = desired.value;
    const target = /** @type {string} */ (peerField(m));
    if (m.owner === 'salesforce') {
      if (!sameStored(m, inc[target], desired.value)) incidentUpdates[target] = desired.value ?? '';
    } else if (!target.includes('.')) {
      if (!sameStored(m, cs[target], desired.value)) caseUpdates[target] = desired.value;
    }
  }

  const wrote = Object.keys(caseUpdates).length + Object.keys(incidentUpdates).length > 0;
  const stored = existingLink ? parseLinkState(existingLink.state) : null;
  /** @type {Record<string, unknown> | null} */
  let linkValues = null;
  if (!existingLink || !stored) {
    // A new link, or a link row without a usable state (made by hand or by another tool): the
    // state records what both sides now hold, so the sync rules see nothing new to send back.
    const state = {
      ...newLink({ correlationId, caseId, incidentSysId: inc.sys_id }),
      versions: { salesforce: Number(cs.Seam_Local_Version__c) || 0, servicenow: Number(cs.Seam_Link_Version__c) || 0 },
      snapshot,
      snapshotHash: hashValue(snapshot),
    };
    linkValues = {
      sf_case_id: caseId, sf_case_number: text(cs.CaseNumber), incident: inc.sys_id, correlation_id: correlationId,
      link_version: state.versions.salesforce, sn_version: state.versions.servicenow, snapshot_hash: state.snapshotHash,
      state: JSON.stringify(state), sync_state: 'in_sync', last_error: '', last_synced_at: nowSn,
    };
  } else if (wrote) {
    // A live link whose fields the backfill repaired: its snapshot takes the written values too.
    const merged = { ...stored.snapshot, ...snapshot };
    const state = { ...stored, snapshot: merged, snapshotHash: hashValue(merged) };
    linkValues = { state: JSON.stringify(state), snapshot_hash: state.snapshotHash, last_synced_at: nowSn };
  }
  return {
    caseId, incidentSysId: inc.sys_id, status: existingLink ? 'linked' : 'link', linkSysId: existingLink?.sys_id ?? null,
    caseUpdates, incidentUpdates, linkValues, problems,
  };
}

/**
 * The incident as it reads after our write: the written values, and the priority the platform's
 * priority data lookup computes when urgency or impact is written (standard urgency × impact matrix).
 * @param {Record<string, any>} incident @param {Record<string, unknown>} updates
 */
function afterOurWrite(incident, updates) {
  Object.assign(incident, updates);
  if (!('urgency' in updates) && !('impact' in updates)) return;
  const p = priorityFromUrgencyImpact(incident.urgency, incident.impact);
  if (p.ok) incident.priority = String(p.value);
}

/** The shared LinkState stored in a link row, or null when absent or damaged. @param {string | undefined} json */
export function parseLinkState(json) {
  if (!json) return null;
  try {
    const s = JSON.parse(json);
    return s && typeof s === 'object' && s.versions && s.snapshot ? s : null;
  } catch {
    return null;
  }
}
