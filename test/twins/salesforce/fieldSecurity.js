// @ts-check
/**
 * Field-level security of the twin's one API user, read from the package's permission set (by
 * default `Seam_Integration`, the set the admin assigns to the integration user): a custom field of a
 * record object that the set does not make readable does not exist for that user (SOQL, describe and
 * record reads answer as for an unknown column, writes `INVALID_FIELD`), and one it makes readable but
 * not editable cannot be written (`INVALID_FIELD_FOR_INSERT_UPDATE`). Standard fields, platform-event
 * fields and required fields are not governed (the platform has no field-level security on the last two;
 * standard-field access comes from the profile, which the twin does not model). The package's own Apex
 * runs in system mode and is not subject to it (`ctx.inbound`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** @typedef {'edit' | 'read' | 'none'} Access */

/**
 * @param {string} packageDir `force-app/main/default`
 * @param {string} name permission set API name
 * @returns {Map<string, { readable: boolean, editable: boolean }> | null} `Object.Field` → access; null without the file
 */
export function loadFieldPermissions(packageDir, name) {
  const file = join(packageDir, 'permissionsets', `${name}.permissionset-meta.xml`);
  if (!existsSync(file)) return null;
  const xml = readFileSync(file, 'utf8');
  /** @type {Map<string, { readable: boolean, editable: boolean }>} */
  const out = new Map();
  for (const m of xml.matchAll(/<fieldPermissions>([\s\S]*?)<\/fieldPermissions>/g)) {
    const field = /<field>([^<]+)<\/field>/.exec(m[1])?.[1]?.trim();
    if (!field) continue;
    out.set(field.toLowerCase(), { readable: /<readable>true<\/readable>/.test(m[1]), editable: /<editable>true<\/editable>/.test(m[1]) });
  }
  return out;
}

/**
 * The union of several sets' field permissions (a permission set only grants, never denies).
 * @param {Array<Map<string, { readable: boolean, editable: boolean }> | null>} sets
 * @returns {Map<string, { readable: boolean, editable: boolean }> | null} null when a named set was not found
 */
export function mergeFieldPermissions(sets) {
  if (sets.some((s) => s === null)) return null;
  /** @type {Map<string, { readable: boolean, editable: boolean }>} */
  const out = new Map();
  for (const set of /** @type {Array<Map<string, { readable: boolean, editable: boolean }>>} */ (sets)) {
    for (const [field, p] of set) {
      const prev = out.get(field);
      out.set(field, { readable: p.readable || !!prev?.readable, editable: p.editable || !!prev?.editable });
    }
  }
  return out;
}

/**
 * @param {Map<string, import('./schema.js').ObjectDef>} objects
 * @param {Map<string, { readable: boolean, editable: boolean }>} perms
 */
export function createFieldSecurity(objects, perms) {
  /** @param {import('./schema.js').ObjectDef} object @param {import('./schema.js').FieldDef} field @returns {Access} */
  const access = (object, field) => {
    if (object.isEvent || !field.name.endsWith('__c') || field.required) return 'edit';
    const p = perms.get(`${object.name}.${field.name}`.toLowerCase());
    if (!p || !(p.readable || p.editable)) return 'none';
    return p.editable ? 'edit' : 'read';
  };
  /** The schema as the API user sees it: unreadable custom fields removed, read-only ones not writable. */
  const view = new Map();
  for (const [key, o] of objects) {
    const fields = new Map();
    for (const [k, f] of o.fields) {
      const a = access(o, f);
      if (a === 'none') continue;
      fields.set(k, a === 'read' ? { ...f, createable: false, updateable: false } : f);
    }
    view.set(key, { ...o, fields });
  }
  return {
    /** @param {string} objectName @param {string} fieldName @returns {Access} */
    accessOf(objectName, fieldName) {
      const o = [...objects.values()].find((x) => x.name.toLowerCase() === objectName.toLowerCase());
      const f = o?.fields.get(fieldName.toLowerCase());
      return o && f ? access(o, f) : 'edit';
    },
    /** @type {Map<string, import('./schema.js').ObjectDef>} */
    objects: view,
  };
}
