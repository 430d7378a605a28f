// @ts-check
/**
 * Object access and record sharing for the twin's named users (`twin.sessionFor`), from the package's
 * own metadata: the object's organization-wide default (`<sharingModel>` in
 * `objects/<Object>/<Object>.object-meta.xml`) and the object permissions of the user's permission sets.
 *
 * - A package custom object the user's sets grant no Read on is not there for that user (SOQL answers
 *   `INVALID_TYPE`, as for an object without access).
 * - View All / Modify All on the object: every row.
 * - `Private`: the rows the user owns (`OwnerId`). `ControlledByParent` (master-detail): the rows whose
 *   master the user can see. Anything else (`Read`, `ReadWrite`, …): every row.
 * - Standard objects have the org's defaults (`orgSharing`, e.g. `{ Case: 'Private' }`), `ReadWrite` when not given.
 *
 * Not modelled: roles and the role hierarchy, sharing rules, manual shares, teams, queues, profiles'
 * View All Data. The twin's integration API user keeps seeing every row (it owns what it writes and is
 * the subscriber's configured user; the package's Apex runs without sharing), so this applies only to
 * the sessions `sessionFor` issues, and only on the query path (SOQL and its relationship fields).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {{ model: string, masterField: string | null }} SharingModel */
/** @typedef {{ read: boolean, viewAll: boolean }} ObjectAccess */

/**
 * @param {string} packageDir `force-app/main/default`
 * @returns {Map<string, SharingModel>} lower-case object name → its sharing model, for the package's custom objects
 */
export function loadSharingModels(packageDir) {
  /** @type {Map<string, SharingModel>} */
  const out = new Map();
  const dir = join(packageDir, 'objects');
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const file = join(dir, name, `${name}.object-meta.xml`);
    if (!name.endsWith('__c') || !existsSync(file)) continue;
    const model = /<sharingModel>([^<]+)<\/sharingModel>/.exec(readFileSync(file, 'utf8'))?.[1]?.trim() ?? 'ReadWrite';
    let masterField = null;
    const fieldsDir = join(dir, name, 'fields');
    if (model === 'ControlledByParent' && existsSync(fieldsDir)) {
      for (const f of readdirSync(fieldsDir)) {
        const xml = readFileSync(join(fieldsDir, f), 'utf8');
        if (/<type>MasterDetail<\/type>/.test(xml)) masterField = /<fullName>([^<]+)<\/fullName>/.exec(xml)?.[1]?.trim() ?? null;
      }
    }
    out.set(name.toLowerCase(), { model, masterField });
  }
  return out;
}

/**
 * The object permissions of one permission set.
 * @param {string[]} dirs where to look (`<dir>/permissionsets/<name>.permissionset-meta.xml`), first hit wins
 * @param {string} name
 * @returns {Map<string, ObjectAccess> | null} lower-case object name → access; null when no such set
 */
export function loadObjectPermissions(dirs, name) {
  const file = dirs.map((d) => join(d, 'permissionsets', `${name}.permissionset-meta.xml`)).find((f) => existsSync(f));
  if (!file) return null;
  /** @type {Map<string, ObjectAccess>} */
  const out = new Map();
  for (const m of readFileSync(file, 'utf8').matchAll(/<objectPermissions>([\s\S]*?)<\/objectPermissions>/g)) {
    const object = /<object>([^<]+)<\/object>/.exec(m[1])?.[1]?.trim();
    if (!object) continue;
    const viewAll = /<viewAllRecords>true<\/viewAllRecords>/.test(m[1]) || /<modifyAllRecords>true<\/modifyAllRecords>/.test(m[1]);
    out.set(object.toLowerCase(), { read: viewAll || /<allowRead>true<\/allowRead>/.test(m[1]), viewAll });
  }
  return out;
}

/**
 * What one named user may query.
 * @param {{ userId: string, models: Map<string, SharingModel>, access: Map<string, ObjectAccess>, orgSharing?: Record<string, string>,
 *   byId: (id: string) => { type: string, record: import('./types.js').SRecord } | null }} spec
 *   `access`: the union of the user's permission sets' object permissions
 */
export function createRecordAccess(spec) {
  const orgSharing = Object.fromEntries(Object.entries(spec.orgSharing ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  /**
   * @param {string} type @param {import('./types.js').SRecord} record @param {number} [depth]
   * @returns {boolean}
   */
  const visible = (type, record, depth = 0) => {
    const key = type.toLowerCase();
    if (spec.access.get(key)?.viewAll) return true;
    const sharing = spec.models.get(key) ?? { model: orgSharing[key] ?? 'ReadWrite', masterField: null };
    if (sharing.model === 'Private') return record.OwnerId === spec.userId;
    if (sharing.model === 'ControlledByParent') {
      const parentId = sharing.masterField ? record[sharing.masterField] : null;
      const parent = typeof parentId === 'string' && depth < 5 ? spec.byId(parentId) : null;
      return parent !== null && visible(parent.type, parent.record, depth + 1);
    }
    return true;
  };
  return {
    visible,
    /** A package custom object this user has no Read on (it is not there for the user). @param {string} type */
    hidden: (type) => spec.models.has(type.toLowerCase()) && !spec.access.get(type.toLowerCase())?.read,
  };
}

/**
 * The union of several sets' object permissions.
 * @param {Array<Map<string, ObjectAccess> | null>} sets
 * @returns {Map<string, ObjectAccess>}
 */
export function mergeObjectPermissions(sets) {
  /** @type {Map<string, ObjectAccess>} */
  const out = new Map();
  for (const set of sets) {
    for (const [object, p] of set ?? []) {
      const prev = out.get(object);
      out.set(object, { read: p.read || !!prev?.read, viewAll: p.viewAll || !!prev?.viewAll });
    }
  }
  return out;
}
