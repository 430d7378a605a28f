// @ts-check
/**
 * Reads `Seam_Field_Mapping__mdt` records: the same generated custom metadata the Apex reads
 * (`salesforce-pkg/force-app/main/default/customMetadata/Seam_Field_Mapping.*.md-meta.xml`,
 * written by the root `npm run build` from `shared/src/ownership.ts`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_PACKAGE_DIR } from './schema.js';

/**
 * @typedef {object} FieldMappingRecord
 * @property {string} DeveloperName
 * @property {string} Key__c
 * @property {string} Owner__c `salesforce` | `servicenow` | `entry_origin`
 * @property {string} Direction__c
 * @property {string | null} Salesforce_Object__c
 * @property {string | null} Salesforce_Field__c
 * @property {string | null} [Kind__c]
 * @property {string | null} [Conflict__c]
 * @property {string | null} [Transform__c]
 * @property {string | null} [ServiceNow_Table__c]
 * @property {string | null} [ServiceNow_Field__c]
 */

export const DEFAULT_METADATA_DIR = join(DEFAULT_PACKAGE_DIR, 'customMetadata');

/**
 * One record from its XML.
 * @param {string} developerName
 * @param {string} xml
 * @returns {FieldMappingRecord}
 */
export function parseMappingRecord(developerName, xml) {
  /** @type {Record<string, string | null>} */
  const values = {};
  for (const m of xml.matchAll(/<values>\s*<field>([^<]+)<\/field>\s*<value([^>]*?)(?:\/>|>([^<]*)<\/value>)\s*<\/values>/g)) {
    const nil = /xsi:nil="true"/.test(m[2]);
    values[m[1]] = nil ? null : (m[3] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  }
  return /** @type {FieldMappingRecord} */ ({ DeveloperName: developerName, ...values });
}

/**
 * All mapping records in a directory, or `null` when there are none (the build has not run).
 * @param {string} [dir]
 * @returns {FieldMappingRecord[] | null}
 */
export function loadMappingRecords(dir = DEFAULT_METADATA_DIR) {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((n) => /^Seam_Field_Mapping\.[A-Za-z0-9_]+\.md-meta\.xml$/.test(n)).sort();
  if (files.length === 0) return null;
  return files.map((n) => parseMappingRecord(n.replace(/^Seam_Field_Mapping\./, '').replace(/\.md-meta\.xml$/, ''), readFileSync(join(dir, n), 'utf8')));
}

/**
 * The ownership questions the package's triggers ask of the metadata.
 * @param {FieldMappingRecord[]} records
 */
export function ownershipIndex(records) {
  return {
    records,
    /**
     * The fields of an object one side owns, as the package's SeamFieldMappings computes them:
     * owner matches, object matches, direction is not `internal`, exact API names.
     * @param {string} object @param {string} owner
     * @returns {Set<string>}
     */
    ownedFields(object, owner) {
      return new Set(records.filter((r) => r.Owner__c === owner && r.Salesforce_Object__c === object && r.Direction__c !== 'internal' && r.Salesforce_Field__c)
        .map((r) => /** @type {string} */ (r.Salesforce_Field__c)));
    },
    /**
     * Salesforce-owned fields that travel to ServiceNow, as `Field` for Case and
     * `Account.Field` for the case's account, in metadata order without repeats.
     * @returns {Array<{ object: string, field: string, key: string }>}
     */
    outboundFields() {
      /** @type {Array<{ object: string, field: string, key: string }>} */
      const out = [];
      for (const r of records) {
        if (r.Owner__c !== 'salesforce' || !r.Salesforce_Object__c || !r.Salesforce_Field__c) continue;
        if (r.Direction__c === 'internal') continue;
        const key = r.Salesforce_Object__c === 'Case' ? r.Salesforce_Field__c : `${r.Salesforce_Object__c}.${r.Salesforce_Field__c}`;
        if (!out.some((o) => o.key === key)) out.push({ object: r.Salesforce_Object__c, field: r.Salesforce_Field__c, key });
      }
      return out;
    },
  };
}
