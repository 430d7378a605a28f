// Renders Seam_Field_Mapping__mdt records from the shared ownership map, so Apex reads
// exactly the map that ServiceNow runs. One record per mapping, named by its stable key.

const escapeXml = (s) =>
  String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const value = (field, v) =>
  v === null || v === undefined
    ? `    <values>\n        <field>${field}</field>\n        <value xsi:nil="true"/>\n    </values>`
    : `    <values>\n        <field>${field}</field>\n        <value xsi:type="xsd:string">${escapeXml(v)}</value>\n    </values>`;

/** @param {import('../../shared/src/ownership').FieldMapping} m */
export function mappingRecordXml(m) {
  const fields = [
    ['Conflict__c', m.conflict],
    ['Direction__c', m.direction],
    ['Key__c', m.key],
    ['Kind__c', m.kind],
    ['Owner__c', m.owner],
    ['Salesforce_Field__c', m.salesforce ? m.salesforce.field : null],
    ['Salesforce_Object__c', m.salesforce ? m.salesforce.object : null],
    ['ServiceNow_Field__c', [m.servicenow.field, ...(m.servicenow.extra ?? [])].join(',')],
    ['ServiceNow_Table__c', m.servicenow.table],
    ['Transform__c', m.transform],
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
    `    <label>${escapeXml(m.label.slice(0, 40))}</label>`,
    '    <protected>false</protected>',
    ...fields.map(([f, v]) => value(f, v)),
    '</CustomMetadata>',
    '',
  ].join('\n');
}

/** DeveloperName rules: letters, digits, single underscores, starts with a letter, ≤ 40 chars. */
export function developerName(key) {
  if (!/^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)*$/.test(key) || key.length > 40) {
    throw new Error(`ownership key "${key}" is not a valid Salesforce DeveloperName: use letters and digits, start with a letter, at most 40 characters`);
  }
  return key;
}

export const recordFileName = (key) => `Seam_Field_Mapping.${developerName(key)}.md-meta.xml`;
