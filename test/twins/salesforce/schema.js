// @ts-check
/**
 * The objects the twin knows and their fields. Standard fields are built in; custom fields
 * (`*__c`) are read from the package's metadata (`salesforce-pkg/force-app/main/default/objects`)
 * so the twin enforces what the package really deploys. When the package is not there, a
 * built-in list of the Seam fields stands in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** @typedef {'id'|'reference'|'string'|'textarea'|'picklist'|'boolean'|'double'|'currency'|'percent'|'int'|'datetime'|'date'|'email'|'phone'|'url'|'base64'} FieldType */

/**
 * @typedef {object} FieldDef
 * @property {string} name
 * @property {string} label
 * @property {FieldType} type
 * @property {number} [length]
 * @property {number} [precision]
 * @property {number} [scale]
 * @property {boolean} [required] must hold a value on create and update
 * @property {boolean} createable
 * @property {boolean} updateable
 * @property {string[]} [referenceTo]
 * @property {string} [relationshipName]
 * @property {string} [childRelationshipName] the name of the child list on the parent (Case.CaseComments)
 * @property {string[]} [picklist]
 * @property {boolean} [restricted]
 * @property {import('./types.js').Scalar} [defaultValue]
 * @property {boolean} [custom]
 */

/**
 * @typedef {object} ObjectDef
 * @property {string} name
 * @property {string} label
 * @property {string} keyPrefix
 * @property {boolean} queryable
 * @property {boolean} isEvent platform event: publish-only, no read, update or delete
 * @property {Map<string, FieldDef>} fields keyed by lower-case name (API names are case-insensitive)
 */

export const DEFAULT_PACKAGE_DIR = fileURLToPath(new URL('../../../salesforce-pkg/force-app/main/default', import.meta.url));

/** @param {string} name @param {string} label @param {FieldType} type @param {Partial<FieldDef>} [extra] @returns {FieldDef} */
const f = (name, label, type, extra = {}) => ({ name, label, type, createable: true, updateable: true, ...extra });
const ro = { createable: false, updateable: false };

/** @returns {FieldDef[]} */
const systemFields = () => [
  f('Id', 'Record ID', 'id', ro),
  f('IsDeleted', 'Deleted', 'boolean', ro),
  f('CreatedDate', 'Created Date', 'datetime', ro),
  f('CreatedById', 'Created By ID', 'reference', { ...ro, referenceTo: ['User'], relationshipName: 'CreatedBy' }),
  f('LastModifiedDate', 'Last Modified Date', 'datetime', ro),
  f('LastModifiedById', 'Last Modified By ID', 'reference', { ...ro, referenceTo: ['User'], relationshipName: 'LastModifiedBy' }),
  f('SystemModstamp', 'System Modstamp', 'datetime', ro),
];
const owner = () => f('OwnerId', 'Owner ID', 'reference', { referenceTo: ['User'], relationshipName: 'Owner' });

/** Standard objects and fields (the subset Seam uses). Standard Case picklists are unrestricted, as in a new org. */
const STANDARD = {
  User: { prefix: '005', label: 'User', fields: [f('Name', 'Full Name', 'string', { ...ro, length: 121 }), f('Username', 'Username', 'string', { ...ro, length: 80 })] },
  Account: {
    prefix: '001', label: 'Account',
    fields: [owner(), f('Name', 'Account Name', 'string', { length: 255, required: true }), f('Industry', 'Industry', 'picklist', { picklist: [] }),
      f('Type', 'Account Type', 'picklist', { picklist: [] }), f('Phone', 'Account Phone', 'phone', { length: 40 })],
  },
  Contact: {
    prefix: '003', label: 'Contact',
    fields: [owner(), f('FirstName', 'First Name', 'string', { length: 40 }), f('LastName', 'Last Name', 'string', { length: 80, required: true }),
      f('Name', 'Full Name', 'string', { ...ro, length: 121 }), f('Email', 'Email', 'email', { length: 80 }), f('Phone', 'Business Phone', 'phone', { length: 40 }),
      f('AccountId', 'Account ID', 'reference', { referenceTo: ['Account'], relationshipName: 'Account', childRelationshipName: 'Contacts' })],
  },
  Case: {
    prefix: '500', label: 'Case',
    fields: [owner(), f('CaseNumber', 'Case Number', 'string', { ...ro, length: 30 }), f('Subject', 'Subject', 'string', { length: 255 }),
      f('Description', 'Description', 'textarea', { length: 32000 }),
      // An org set up as the package README's install steps say: the CaseStatus values of
      // salesforce-pkg/org-setup (the subscriber refuses Status values outside this list).
      f('Status', 'Status', 'picklist', { picklist: ['New', 'Working', 'Escalated', 'Waiting on Customer', 'On Hold', 'Resolved', 'Closed', 'Canceled'], defaultValue: 'New' }),
      f('Priority', 'Priority', 'picklist', { picklist: ['High', 'Medium', 'Low'], defaultValue: 'Medium' }),
      f('Origin', 'Case Origin', 'picklist', { picklist: ['Phone', 'Email', 'Web'] }), f('Type', 'Case Type', 'picklist', { picklist: [] }),
      f('Reason', 'Case Reason', 'picklist', { picklist: [] }), f('IsClosed', 'Closed', 'boolean', ro), f('ClosedDate', 'Closed Date', 'datetime', ro),
      f('SuppliedEmail', 'Web Email', 'email', { length: 80 }), f('SuppliedName', 'Web Name', 'string', { length: 80 }),
      f('AccountId', 'Account ID', 'reference', { referenceTo: ['Account'], relationshipName: 'Account', childRelationshipName: 'Cases' }),
      f('ContactId', 'Contact ID', 'reference', { referenceTo: ['Contact'], relationshipName: 'Contact', childRelationshipName: 'Cases' }),
      f('EntitlementId', 'Entitlement ID', 'reference', { referenceTo: ['Entitlement'], relationshipName: 'Entitlement' })],
  },
  // Entitlement Management, read side only (Seam's customer context reads it; fields per the Object
  // Reference). Status is computed by the platform from the dates; the twin does not compute it.
  SlaProcess: {
    prefix: '552', label: 'Entitlement Process',
    fields: [f('Name', 'Entitlement Process Name', 'string', { length: 120, required: true }), f('IsActive', 'Active', 'boolean')],
  },
  Entitlement: {
    prefix: '550', label: 'Entitlement',
    fields: [f('Name', 'Entitlement Name', 'string', { length: 255, required: true }),
      f('AccountId', 'Account ID', 'reference', { required: true, referenceTo: ['Account'], relationshipName: 'Account', childRelationshipName: 'Entitlements' }),
      f('Status', 'Status', 'picklist', { ...ro, picklist: ['Active', 'Expired', 'Inactive'] }), f('StartDate', 'Start Date', 'date'), f('EndDate', 'End Date', 'date'),
      f('SlaProcessId', 'Entitlement Process ID', 'reference', { referenceTo: ['SlaProcess'], relationshipName: 'SlaProcess' })],
  },
  Task: {
    prefix: '00T', label: 'Task',
    fields: [owner(), f('Subject', 'Subject', 'string', { length: 255 }), f('Description', 'Description', 'textarea', { length: 32000 }),
      f('WhatId', 'Related To ID', 'reference', { referenceTo: ['Account', 'Case'], relationshipName: 'What', childRelationshipName: 'Tasks' }),
      f('WhoId', 'Name ID', 'reference', { referenceTo: ['Contact'], relationshipName: 'Who', childRelationshipName: 'Tasks' }),
      f('Status', 'Status', 'picklist', { picklist: ['Not Started', 'In Progress', 'Completed', 'Waiting on someone else', 'Deferred'], defaultValue: 'Not Started' }),
      f('Priority', 'Priority', 'picklist', { picklist: ['High', 'Normal', 'Low'], defaultValue: 'Normal' }), f('ActivityDate', 'Due Date Only', 'date')],
  },
  // Files: a ContentVersion (068) is one version of a ContentDocument (069); ContentDocumentLinks (06A)
  // share the document with records. VersionData is base64 in JSON on create, bytes at …/VersionData.
  ContentDocument: {
    prefix: '069', label: 'Content Document',
    fields: [owner(), f('Title', 'Title', 'string', { ...ro, length: 255 }), f('FileExtension', 'File Extension', 'string', { ...ro, length: 40 }),
      f('ContentSize', 'Size', 'int', { ...ro, precision: 18 }),
      f('LatestPublishedVersionId', 'Latest Published Version ID', 'reference', { ...ro, referenceTo: ['ContentVersion'], relationshipName: 'LatestPublishedVersion' })],
  },
  ContentVersion: {
    prefix: '068', label: 'Content Version',
    fields: [owner(), f('Title', 'Title', 'string', { length: 255, required: true }), f('PathOnClient', 'Path On Client', 'string', { length: 500, required: true, updateable: false }),
      f('VersionData', 'Version Data', 'base64', { required: true, updateable: false }), f('Description', 'Description', 'textarea', { length: 1000 }),
      f('FirstPublishLocationId', 'First Publish Location ID', 'reference', { referenceTo: ['Case', 'Account'], updateable: false }),
      f('ContentDocumentId', 'Content Document ID', 'reference', { referenceTo: ['ContentDocument'], relationshipName: 'ContentDocument', updateable: false }),
      f('FileExtension', 'File Extension', 'string', { ...ro, length: 40 }), f('ContentSize', 'Size', 'int', { ...ro, precision: 18 }),
      f('IsLatest', 'Is Latest', 'boolean', { ...ro, defaultValue: true })],
  },
  ContentDocumentLink: {
    prefix: '06A', label: 'Content Document Link',
    fields: [f('ContentDocumentId', 'ContentDocument ID', 'reference', { required: true, referenceTo: ['ContentDocument'], relationshipName: 'ContentDocument', updateable: false }),
      f('LinkedEntityId', 'Linked Entity ID', 'reference', { required: true, referenceTo: ['Case', 'Account'], updateable: false }),
      f('ShareType', 'Share Type', 'picklist', { picklist: ['V', 'C', 'I'], defaultValue: 'V' }),
      f('Visibility', 'Visibility', 'picklist', { picklist: ['AllUsers', 'InternalUsers', 'SharedUsers'], defaultValue: 'AllUsers' })],
  },
  // Lightning Knowledge: one Knowledge__kav row per article version (ka0), its article Knowledge__ka
  // (kA0) by KnowledgeArticleId. The body field is org-defined; the twin has Answer__c (rich text).
  Knowledge__kav: {
    prefix: 'ka0', label: 'Knowledge',
    fields: [owner(), f('Title', 'Title', 'string', { length: 255, required: true }), f('UrlName', 'URL Name', 'string', { length: 255, required: true }),
      f('Summary', 'Summary', 'textarea', { length: 1000 }), f('Answer__c', 'Answer', 'textarea', { length: 131072, custom: true }),
      f('ArticleNumber', 'Article Number', 'string', { ...ro, length: 30 }), f('KnowledgeArticleId', 'Knowledge Article ID', 'reference', { ...ro, referenceTo: ['Knowledge__ka'] }),
      f('PublishStatus', 'Publication Status', 'picklist', { ...ro, picklist: ['Draft', 'Online', 'Archived'], restricted: true, defaultValue: 'Draft' }),
      f('IsLatestVersion', 'Is Latest Version', 'boolean', { ...ro, defaultValue: true }), f('VersionNumber', 'Version Number', 'int', { ...ro, defaultValue: 1 }),
      f('Language', 'Language', 'picklist', { picklist: ['en_US'], defaultValue: 'en_US' }),
      f('LastPublishedDate', 'Last Published Date', 'datetime', ro), f('ArchivedDate', 'Archived Date', 'datetime', ro)],
  },
  CaseComment: {
    prefix: '00a', label: 'Case Comment',
    fields: [f('ParentId', 'Parent Case ID', 'reference', { required: true, referenceTo: ['Case'], relationshipName: 'Parent', childRelationshipName: 'CaseComments', updateable: false }),
      f('CommentBody', 'Body', 'textarea', { length: 4000 }), f('IsPublished', 'Published', 'boolean', { defaultValue: false })],
  },
};

/** Custom objects of the package, with their key prefixes (assigned per org on the platform). */
const CUSTOM_OBJECTS = {
  Incident_Update__e: { prefix: 'e00', label: 'Incident Update', event: true },
  Seam_Case_Signal__e: { prefix: 'e01', label: 'Seam Case Signal', event: true },
  Seam_Audit__c: { prefix: 'a0A', label: 'Seam Audit' },
  Seam_Outbox__c: { prefix: 'a0B', label: 'Seam Outbox' },
};

/**
 * Used when `salesforce-pkg` has no field metadata (e.g. the package is not checked out).
 * Mirrors the package's field list; the metadata wins whenever it is present.
 * @type {Record<string, Array<[string, string, Record<string, unknown>?]>>}
 */
const FALLBACK_CUSTOM_FIELDS = {
  Case: [
    ['Seam_AI_Summary__c', 'LongTextArea', { length: 32768 }], ['Seam_Assignee__c', 'Text', { length: 255 }],
    ['Seam_Assignment_Group__c', 'Text', { length: 255 }], ['Seam_CI__c', 'Text', { length: 255 }], ['Seam_Change__c', 'Text', { length: 40 }],
    ['Seam_Correlation_Id__c', 'Text', { length: 128 }], ['Seam_Escalated_At__c', 'DateTime'], ['Seam_Incident_Number__c', 'Text', { length: 40 }],
    ['Seam_Incident_Priority__c', 'Text', { length: 40 }], ['Seam_Incident_State__c', 'Text', { length: 40 }], ['Seam_SLA_Risk__c', 'Text', { length: 40 }],
    ['Seam_Incident_Sys_Id__c', 'Text', { length: 32 }], ['Seam_Last_Error__c', 'Text', { length: 255 }],
    ['Seam_Last_Message_Id__c', 'Text', { length: 64 }], ['Seam_Last_Sync__c', 'DateTime'], ['Seam_Latest_Update__c', 'LongTextArea', { length: 32768 }],
    ['Seam_Link_Version__c', 'Number', { precision: 18, scale: 0 }], ['Seam_Local_Version__c', 'Number', { precision: 18, scale: 0 }],
    ['Seam_Resolution_Code__c', 'Text', { length: 80 }], ['Seam_Resolution_Notes__c', 'LongTextArea', { length: 32768 }],
    ['Seam_Resolved_At__c', 'DateTime'], ['Seam_SLA_Due__c', 'DateTime'],
    ['Seam_Sync_Status__c', 'Picklist', { picklist: ['Not_Linked', 'Pending', 'Synced', 'Retrying', 'Error'], restricted: true }],
    ['Seam_Triage_Confidence__c', 'Number', { precision: 5, scale: 4 }], ['Seam_Triage_Route__c', 'Text', { length: 40 }],
    ['Seam_Problem_Number__c', 'Text', { length: 40 }], ['Seam_Problem_Sys_Id__c', 'Text', { length: 32 }], ['Seam_Problem_State__c', 'Text', { length: 40 }],
    ['Seam_Known_Error__c', 'Checkbox'], ['Seam_Workaround__c', 'LongTextArea', { length: 32768 }], ['Seam_Fix_Notes__c', 'LongTextArea', { length: 32768 }],
    ['Seam_Escalation_Status__c', 'Text', { length: 255 }],
  ],
  Account: [['Seam_External_Id__c', 'Text', { length: 64 }], ['Seam_Contract_Value__c', 'Currency', { precision: 16, scale: 2 }]],
  Incident_Update__e: [
    ['Message_Id__c', 'Text', { length: 64 }], ['Idempotency_Key__c', 'Text', { length: 128 }], ['Case_Id__c', 'Text', { length: 18 }],
    ['Incident_Sys_Id__c', 'Text', { length: 32 }], ['Correlation_Id__c', 'Text', { length: 128 }], ['Link_Version__c', 'Number', { precision: 18, scale: 0 }],
    ['Origin__c', 'Text', { length: 20 }], ['Fields_Json__c', 'LongTextArea', { length: 131072 }], ['Comments_Json__c', 'LongTextArea', { length: 131072 }], ['Alert_Key__c', 'Text', { length: 128 }],
    ['Sent_At__c', 'DateTime'],
  ],
  Seam_Case_Signal__e: [['Case_Id__c', 'Text', { length: 18 }]],
  Seam_Audit__c: [
    ['Actor__c', 'Text', { length: 255 }], ['Case__c', 'Lookup', { referenceTo: 'Case', child: 'Seam_Audit__r' }], ['Correlation_Id__c', 'Text', { length: 128 }],
    ['Detail__c', 'Text', { length: 255 }], ['Direction__c', 'Picklist', { picklist: ['sf_to_sn', 'sn_to_sf'], restricted: true }],
    ['Fields__c', 'LongTextArea', { length: 32768 }], ['Latency_Ms__c', 'Number', { precision: 18, scale: 0 }], ['Message_Id__c', 'Text', { length: 64 }],
    ['New_Values__c', 'LongTextArea', { length: 32768 }], ['Old_Values__c', 'LongTextArea', { length: 32768 }], ['Result__c', 'Text', { length: 40 }],
  ],
  Seam_Outbox__c: [],
};

/** @type {Record<string, FieldType>} */
const METADATA_TYPES = {
  Text: 'string', TextArea: 'textarea', LongTextArea: 'textarea', Html: 'textarea', Number: 'double', Currency: 'currency', Percent: 'percent',
  Checkbox: 'boolean', DateTime: 'datetime', Date: 'date', Picklist: 'picklist', Lookup: 'reference', MasterDetail: 'reference',
  Email: 'email', Phone: 'phone', Url: 'url',
};

/** @param {string} xml @param {string} tag */
const tag = (xml, tag) => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml);
  return m ? m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&') : undefined;
};

/**
 * One field from a `*.field-meta.xml` file.
 * @param {string} xml
 * @returns {FieldDef | null}
 */
export function parseFieldMeta(xml) {
  const name = tag(xml, 'fullName');
  const mdType = tag(xml, 'type');
  if (!name || !mdType) return null;
  const type = METADATA_TYPES[mdType];
  if (!type) throw new Error(`field ${name}: metadata type ${mdType} is not modelled by the Salesforce twin; add it to METADATA_TYPES in test/twins/salesforce/schema.js`);
  /** @type {FieldDef} */
  const def = { name, label: tag(xml, 'label') ?? name, type, createable: true, updateable: true, custom: true };
  const num = (/** @type {string} */ t) => (tag(xml, t) !== undefined ? Number(tag(xml, t)) : undefined);
  if (num('length') !== undefined) def.length = num('length');
  if (num('precision') !== undefined) def.precision = num('precision');
  if (num('scale') !== undefined) def.scale = num('scale');
  if (tag(xml, 'required') === 'true') def.required = true;
  if (mdType === 'Checkbox') def.defaultValue = tag(xml, 'defaultValue') === 'true';
  if (type === 'reference') {
    const to = tag(xml, 'referenceTo');
    def.referenceTo = to ? [to] : [];
    def.relationshipName = name.replace(/__c$/, '__r');
    const child = tag(xml, 'relationshipName');
    if (child) def.childRelationshipName = `${child}__r`;
  }
  if (type === 'picklist') {
    def.picklist = [...xml.matchAll(/<value>\s*<fullName>([^<]*)<\/fullName>/g)].map((m) => m[1]);
    def.restricted = tag(xml, 'restricted') === 'true';
  }
  return def;
}

/** @param {[string, string, Record<string, unknown>?]} entry @returns {FieldDef} */
function fallbackField([name, mdType, extra = {}]) {
  const e = /** @type {Record<string, any>} */ (extra);
  const type = METADATA_TYPES[mdType];
  /** @type {FieldDef} */
  const def = { name, label: name.replace(/__c$/, '').replace(/_/g, ' '), type, createable: true, updateable: true, custom: true };
  if (e.length) def.length = e.length;
  if (e.precision !== undefined) { def.precision = e.precision; def.scale = e.scale; }
  if (e.picklist) { def.picklist = e.picklist; def.restricted = e.restricted; }
  if (e.referenceTo) { def.referenceTo = [e.referenceTo]; def.relationshipName = name.replace(/__c$/, '__r'); if (e.child) def.childRelationshipName = e.child; }
  return def;
}

/**
 * Custom fields of one object from the package, or `null` when the package has none for it.
 * @param {string} packageDir
 * @param {string} object
 * @returns {FieldDef[] | null}
 */
function customFieldsFromPackage(packageDir, object) {
  const dir = join(packageDir, 'objects', object, 'fields');
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir).filter((n) => n.endsWith('.field-meta.xml')).sort();
  if (files.length === 0) return null;
  return files.map((n) => parseFieldMeta(readFileSync(join(dir, n), 'utf8'))).filter((x) => x !== null);
}

/**
 * Builds the schema: standard objects plus the package's custom fields and objects.
 * @param {{ packageDir?: string }} [options]
 * @returns {{ objects: Map<string, ObjectDef>, sources: Record<string, 'package' | 'built-in'> }}
 */
export function loadSchema(options = {}) {
  const packageDir = options.packageDir ?? DEFAULT_PACKAGE_DIR;
  /** @type {Map<string, ObjectDef>} */
  const objects = new Map();
  /** @type {Record<string, 'package' | 'built-in'>} */
  const sources = {};
  /** @param {string} name @param {string} label @param {string} prefix @param {FieldDef[]} fields @param {boolean} isEvent */
  const add = (name, label, prefix, fields, isEvent) => {
    const fromPackage = customFieldsFromPackage(packageDir, name);
    sources[name] = fromPackage ? 'package' : 'built-in';
    const custom = fromPackage ?? (FALLBACK_CUSTOM_FIELDS[name] ?? []).map(fallbackField);
    const all = [...fields, ...custom];
    objects.set(name, { name, label, keyPrefix: prefix, queryable: !isEvent, isEvent, fields: new Map(all.map((d) => [d.name.toLowerCase(), d])) });
  };
  for (const [name, o] of Object.entries(STANDARD)) add(name, o.label, o.prefix, [...systemFields(), ...o.fields], false);
  for (const [name, o] of Object.entries(CUSTOM_OBJECTS)) {
    const isEvent = Boolean(/** @type {any} */ (o).event);
    const base = isEvent
      ? [f('Id', 'Event ID', 'id', ro), f('ReplayId', 'Replay ID', 'string', ro), f('EventUuid', 'Event UUID', 'string', { ...ro, length: 36 }),
        f('CreatedDate', 'Created Date', 'datetime', ro), f('CreatedById', 'Created By ID', 'reference', { ...ro, referenceTo: ['User'], relationshipName: 'CreatedBy' })]
      : [...systemFields(), owner(), f('Name', `${o.label} Name`, 'string', { ...ro, length: 80 })];
    add(name, o.label, o.prefix, base, isEvent);
  }
  return { objects, sources };
}

/**
 * Finds an object by API name, case-insensitively as the platform does.
 * @param {Map<string, ObjectDef>} objects
 * @param {string} name
 */
export function findObject(objects, name) {
  for (const o of objects.values()) if (o.name.toLowerCase() === String(name).toLowerCase()) return o;
  return undefined;
}
