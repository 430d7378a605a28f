/**
 * The ownership map: the single source of truth for every field that crosses the seam.
 * Both platforms are generated from this table (ServiceNow server module, Salesforce
 * custom metadata `Seam_Field_Mapping__mdt`), so an ownership change is one edit here.
 *
 * Rule of the field: Salesforce owns the customer relationship, ServiceNow owns the work.
 * The non-owner side holds a read-only copy.
 */
import type { ConflictRule, Direction, FieldKind, System } from './types';

/** Names of the transforms in `transforms.ts`; `identity` copies the value unchanged. */
export type TransformName =
  | 'identity'
  | 'casePriorityToUrgency'
  | 'incidentPriorityToCasePriority'
  | 'incidentStateToCaseStatus'
  | 'dateTime'
  | 'text255'
  | 'incidentStateLabel'
  | 'problemStateLabel'
  | 'glideBoolean'
  | 'journal';

export type SalesforceObject = 'Case' | 'Account' | 'Contact';
export type ServiceNowTable = 'incident' | 'problem' | 'core_company';

export interface FieldMapping {
  /** Stable key, used in snapshots, messages, metadata record names and audit rows. */
  readonly key: string;
  readonly label: string;
  readonly kind: FieldKind;
  /** Journal entries belong to whichever side wrote them (`entry_origin`), tagged as such. */
  readonly owner: System | 'entry_origin';
  readonly direction: Direction;
  readonly conflict: ConflictRule;
  /** Transform applied on the way from the owner to the other side. */
  readonly transform: TransformName;
  /** `null` for `internal` fields, which have no counterpart on the other side. */
  readonly salesforce: { readonly object: SalesforceObject; readonly field: string } | null;
  /**
   * ServiceNow fields. Most pairs are one field; the state pair also carries hold_reason,
   * which the transform reads or writes together with state.
   */
  readonly servicenow: { readonly table: ServiceNowTable; readonly field: string; readonly extra?: readonly string[] };
  /**
   * `reference`: the ServiceNow field is a reference (a sys_id) and the Salesforce field is a
   * display copy for people, so the adapter reads the reference's display value
   * (`getDisplayValue()`), e.g. "Beth Anglin" rather than 6816f79c…. Identity never rides on
   * these copies (links use the stable keys above). Not in the custom metadata: Apex only
   * receives the value.
   */
  readonly display?: 'reference';
}

/** The scope prefix of every custom ServiceNow field (the SDK rejects `u_` on augmented tables). */
export const SN_SCOPE = 'x_seam_bridge';
const sn = (name: string): string => `${SN_SCOPE}_${name}`;

export const OWNERSHIP: readonly FieldMapping[] = [
  // ---- identity: written once at link time, never changed afterwards -------------------
  { key: 'caseId', label: 'Salesforce Case Id', kind: 'identity', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Id' }, servicenow: { table: 'incident', field: sn('sf_case_id') } },
  { key: 'caseNumber', label: 'Salesforce Case Number', kind: 'identity', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'CaseNumber' }, servicenow: { table: 'incident', field: sn('sf_case_number') } },
  { key: 'incidentSysId', label: 'ServiceNow Incident sys_id', kind: 'identity', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Incident_Sys_Id__c' }, servicenow: { table: 'incident', field: 'sys_id' } },
  { key: 'incidentNumber', label: 'ServiceNow Incident Number', kind: 'identity', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Incident_Number__c' }, servicenow: { table: 'incident', field: 'number' } },
  { key: 'correlationId', label: 'Correlation Id', kind: 'identity', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Correlation_Id__c' }, servicenow: { table: 'incident', field: sn('correlation_id') } },

  // ---- relationship: owned by Salesforce --------------------------------------------------
  { key: 'accountId', label: 'Account', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'AccountId' }, servicenow: { table: 'incident', field: sn('sf_account_id') } },
  { key: 'contactId', label: 'Contact', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'ContactId' }, servicenow: { table: 'incident', field: sn('sf_contact_id') } },
  { key: 'subject', label: 'Case summary', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'text255',
    salesforce: { object: 'Case', field: 'Subject' }, servicenow: { table: 'incident', field: 'short_description' } },
  { key: 'description', label: 'Case description', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Description' }, servicenow: { table: 'incident', field: 'description' } },
  { key: 'customerPriority', label: 'Customer priority', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Priority' }, servicenow: { table: 'incident', field: sn('customer_priority') } },
  // The customer's priority sets the incident's urgency; impact stays an IT assessment.
  { key: 'urgency', label: 'Urgency (from customer priority)', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'casePriorityToUrgency',
    salesforce: { object: 'Case', field: 'Priority' }, servicenow: { table: 'incident', field: 'urgency' } },
  { key: 'entitlementId', label: 'Entitlement', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'EntitlementId' }, servicenow: { table: 'incident', field: sn('entitlement') } },
  { key: 'contractValue', label: 'Account contract value', kind: 'relationship', owner: 'salesforce', direction: 'sf_to_sn', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Account', field: 'Seam_Contract_Value__c' }, servicenow: { table: 'incident', field: sn('contract_value') } },

  // ---- work: owned by ServiceNow --------------------------------------------------------
  { key: 'state', label: 'Incident state', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'incidentStateToCaseStatus',
    salesforce: { object: 'Case', field: 'Status' }, servicenow: { table: 'incident', field: 'state', extra: ['hold_reason'] } },
  { key: 'incidentState', label: 'Incident state (label)', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'incidentStateLabel',
    salesforce: { object: 'Case', field: 'Seam_Incident_State__c' }, servicenow: { table: 'incident', field: 'state', extra: ['hold_reason'] } },
  { key: 'incidentPriority', label: 'Incident priority', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'incidentPriorityToCasePriority',
    salesforce: { object: 'Case', field: 'Seam_Incident_Priority__c' }, servicenow: { table: 'incident', field: 'priority' } },
  { key: 'assignedTo', label: 'Assignee', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity', display: 'reference',
    salesforce: { object: 'Case', field: 'Seam_Assignee__c' }, servicenow: { table: 'incident', field: 'assigned_to' } },
  { key: 'assignmentGroup', label: 'Assignment group', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity', display: 'reference',
    salesforce: { object: 'Case', field: 'Seam_Assignment_Group__c' }, servicenow: { table: 'incident', field: 'assignment_group' } },
  { key: 'slaDue', label: 'SLA due', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'dateTime',
    salesforce: { object: 'Case', field: 'Seam_SLA_Due__c' }, servicenow: { table: 'incident', field: 'sla_due' } },
  { key: 'configurationItem', label: 'Configuration item', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity', display: 'reference',
    salesforce: { object: 'Case', field: 'Seam_CI__c' }, servicenow: { table: 'incident', field: 'cmdb_ci' } },
  { key: 'change', label: 'Change request', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity', display: 'reference',
    salesforce: { object: 'Case', field: 'Seam_Change__c' }, servicenow: { table: 'incident', field: 'rfc' } },
  { key: 'resolutionCode', label: 'Resolution code', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Resolution_Code__c' }, servicenow: { table: 'incident', field: 'close_code' } },
  { key: 'resolutionNotes', label: 'Resolution notes', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Resolution_Notes__c' }, servicenow: { table: 'incident', field: 'close_notes' } },
  { key: 'resolvedAt', label: 'Resolved at', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'dateTime',
    salesforce: { object: 'Case', field: 'Seam_Resolved_At__c' }, servicenow: { table: 'incident', field: 'resolved_at' } },
  // A prediction, not a measurement: "72% high (predicted)" (shared slaRisk.ts), written on the
  // incident by the SLA-risk rule and copied to the Case like any other work field.
  { key: 'slaRisk', label: 'SLA breach risk (predicted)', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_SLA_Risk__c' }, servicenow: { table: 'incident', field: sn('sla_risk') } },
  // ---- problem (tier-3 escalation, shared escalation.ts): owned by ServiceNow, read from the
  // problem created for the case; the decision reads only mappings of the table it is given.
  { key: 'problemNumber', label: 'Problem number', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Problem_Number__c' }, servicenow: { table: 'problem', field: 'number' } },
  { key: 'problemSysId', label: 'Problem sys_id', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Problem_Sys_Id__c' }, servicenow: { table: 'problem', field: 'sys_id' } },
  { key: 'problemState', label: 'Problem state', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'problemStateLabel',
    salesforce: { object: 'Case', field: 'Seam_Problem_State__c' }, servicenow: { table: 'problem', field: 'state' } },
  { key: 'knownError', label: 'Known error', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'glideBoolean',
    salesforce: { object: 'Case', field: 'Seam_Known_Error__c' }, servicenow: { table: 'problem', field: 'known_error' } },
  { key: 'workaround', label: 'Workaround', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Workaround__c' }, servicenow: { table: 'problem', field: 'workaround' } },
  { key: 'fixNotes', label: 'Fix notes', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'identity',
    salesforce: { object: 'Case', field: 'Seam_Fix_Notes__c' }, servicenow: { table: 'problem', field: 'fix_notes' } },
  // Where the escalation stands (created, in review, approval pending, rejected and why): a
  // reviewer's rejection has no problem row, so this field travels alone then.
  { key: 'escalationStatus', label: 'Engineering escalation status', kind: 'work', owner: 'servicenow', direction: 'sn_to_sf', conflict: 'owner_wins', transform: 'text255',
    salesforce: { object: 'Case', field: 'Seam_Escalation_Status__c' }, servicenow: { table: 'problem', field: sn('escalation_status') } },
  // Work notes are ServiceNow's internal record of the work: owned there, never sent.
  { key: 'workNotes', label: 'Work notes', kind: 'work', owner: 'servicenow', direction: 'internal', conflict: 'owner_wins', transform: 'journal',
    salesforce: null, servicenow: { table: 'incident', field: 'work_notes' } },

  // ---- journal: customer-visible comments flow both ways, each tagged with its origin ----
  { key: 'comments', label: 'Customer-visible comments', kind: 'journal', owner: 'entry_origin', direction: 'both', conflict: 'append', transform: 'journal',
    salesforce: { object: 'Case', field: 'CaseComment' }, servicenow: { table: 'incident', field: 'comments' } },
];

/** The mappings a ServiceNow record of `table` carries (the decision reads no other table's fields from it). */
export function mappingsFor(table: ServiceNowTable, mappings: readonly FieldMapping[] = OWNERSHIP): FieldMapping[] {
  return mappings.filter((m) => m.servicenow.table === table);
}

/**
 * ServiceNow fields of `table` whose display value crosses the seam (mappings marked
 * `display: 'reference'`): the adapter reads these with `getDisplayValue()`.
 */
export function displayFields(table: ServiceNowTable): string[] {
  return OWNERSHIP.filter((m) => m.display === 'reference' && m.servicenow.table === table).map((m) => m.servicenow.field);
}
