// @ts-check
/**
 * What the console shows, read through the platforms' public APIs, and what its buttons do.
 * Each action makes the same write the product's own UI would: a Table API update that the
 * ServiceNow app's business rules react to, or a Salesforce REST call that the package's trigger
 * and dispatcher handle.
 */

/** @typedef {ReturnType<typeof import('./clients.js').salesforceClient>} SalesforceClient */
/** @typedef {ReturnType<typeof import('./clients.js').serviceNowClient>} ServiceNowClient */

export class InputError extends Error {
  /** @param {string} field @param {string} message */
  constructor(field, message) {
    super(message);
    this.field = field;
    this.status = 400;
  }
}

const SF_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const SYS_ID = /^[0-9a-f]{32}$/;

/** A SOQL string literal; the value cannot leave its quotes. @param {string} value */
export function soqlString(value) {
  return `'${String(value).replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** @param {unknown} value @param {string} field */
export function requireSalesforceId(value, field) {
  if (typeof value !== 'string' || !SF_ID.test(value)) throw new InputError(field, `${field}: "${String(value)}" is not a Salesforce id; pass the 15- or 18-character Id of the record`);
  return value;
}

/** @param {unknown} value @param {string} field */
export function requireSysId(value, field) {
  if (typeof value !== 'string' || !SYS_ID.test(value)) throw new InputError(field, `${field}: "${String(value)}" is not a sys_id; pass the 32-character hex sys_id of the record`);
  return value;
}

/** @param {unknown} value @param {string} field @param {number} max */
function requireText(value, field, max) {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new InputError(field, `${field} is empty; type some text`);
  if (text.length > max) throw new InputError(field, `${field} has ${text.length} characters; keep it under ${max}`);
  return text;
}

/** @param {unknown} value @param {string} field @param {readonly string[]} allowed */
function requireOneOf(value, field, allowed) {
  if (typeof value !== 'string' || !allowed.includes(value)) throw new InputError(field, `${field}: "${String(value)}" is not allowed; use one of ${allowed.join(', ')}`);
  return value;
}

/** Table API rows with display values ("all" mode) → `{ field: display }` plus `raw: { field: value }`. @param {any} row */
export function flatten(row) {
  /** @type {Record<string, any>} */
  const out = { raw: {} };
  for (const [key, cell] of Object.entries(row ?? {})) {
    if (cell && typeof cell === 'object' && 'value' in cell) {
      out[key] = cell.display_value ?? cell.value;
      out.raw[key] = cell.value;
    } else {
      out[key] = cell;
      out.raw[key] = cell;
    }
  }
  return out;
}

const CASE_LIST_FIELDS = 'Id, CaseNumber, Subject, Status, Priority, Contact.Name, Seam_Incident_Number__c, Seam_Sync_Status__c, CreatedDate';
const CASE_FIELDS =
  'Id, CaseNumber, Subject, Description, Status, Priority, Origin, IsClosed, Contact.Name, Seam_Incident_Number__c, Seam_Incident_Sys_Id__c, ' +
  'Seam_Incident_State__c, Seam_Incident_Priority__c, Seam_Assignee__c, Seam_Assignment_Group__c, Seam_Sync_Status__c, Seam_Triage_Route__c, ' +
  'Seam_Triage_Confidence__c, Seam_Last_Sync__c, Seam_Last_Error__c, Seam_Latest_Update__c, Seam_AI_Summary__c, Seam_Resolution_Notes__c, Seam_Correlation_Id__c, ' +
  'Seam_Problem_Number__c, Seam_Problem_State__c, Seam_Known_Error__c, Seam_Workaround__c, Seam_Fix_Notes__c, Seam_Escalation_Status__c, CreatedDate';

/** @param {string} caseId */
const caseQuery = (caseId) =>
  `SELECT ${CASE_FIELDS}, (SELECT Id, CommentBody, IsPublished, CreatedDate FROM CaseComments ORDER BY CreatedDate ASC) FROM Case WHERE Id = ${soqlString(caseId)}`;

/** @param {any[]} rows */
function toCaseView(rows) {
  if (!rows.length) return null;
  const { CaseComments, ...record } = rows[0];
  return { record, comments: CaseComments ? CaseComments.records : [] };
}

export const INCIDENT_STATES = /** @type {const} */ (['1', '2', '3', '6', '7', '8']);

/**
 * @param {{ salesforce: SalesforceClient, servicenow: ServiceNowClient }} clients
 */
export function createViews({ salesforce, servicenow }) {
  /** Runs each part on its own so one failing side still shows the other. @param {Record<string, () => Promise<unknown>>} parts */
  async function gather(parts) {
    /** @type {Record<string, unknown>} */
    const out = {};
    /** @type {Record<string, string>} */
    const errors = {};
    await Promise.all(
      Object.entries(parts).map(async ([key, load]) => {
        try {
          out[key] = await load();
        } catch (e) {
          out[key] = null;
          errors[key] = e instanceof Error ? e.message : String(e);
        }
      }),
    );
    return { ...out, errors };
  }

  const views = {
    listCases: () => salesforce.query(`SELECT ${CASE_LIST_FIELDS} FROM Case ORDER BY CreatedDate DESC LIMIT 50`),

    /** @param {string} caseId */
    async getCase(caseId) {
      requireSalesforceId(caseId, 'caseId');
      return toCaseView(await salesforce.query(caseQuery(caseId)));
    },

    /** The incident linked to a case, found through the app's link table, with its journal. @param {string} caseId @param {string | null} [sysIdHint] */
    async getIncident(caseId, sysIdHint = null) {
      requireSalesforceId(caseId, 'caseId');
      const links = await servicenow.list('x_seam_bridge_link', { query: `sf_case_idSTARTSWITH${caseId.slice(0, 15)}`, limit: 1 });
      const link = links[0] ? flatten(links[0]) : null;
      const sysId = link?.raw.incident || sysIdHint;
      if (!sysId) return { link, incident: null, journal: [] };
      const [incidents, journal] = await Promise.all([
        servicenow.list('incident', { query: `sys_id=${sysId}`, limit: 1 }),
        servicenow.list('sys_journal_field', { query: `element_id=${sysId}^ORDERBYDESCsys_created_on`, fields: ['sys_id', 'element', 'value', 'sys_created_by', 'sys_created_on'], limit: 100 }),
      ]);
      return { link, incident: incidents[0] ? flatten(incidents[0]) : null, journal: journal.map(flatten) };
    },

    /** Everything the page shows, in one answer (one Salesforce API call, a few Table API reads). @param {string | null} caseId */
    async state(caseId) {
      const selected = caseId ? requireSalesforceId(caseId, 'caseId') : null;
      /** @type {Record<string, string>} */
      const soql = {
        cases: `SELECT ${CASE_LIST_FIELDS} FROM Case ORDER BY CreatedDate DESC LIMIT 50`,
        salesforceAudit: 'SELECT Id, CreatedDate, Case__c, Direction__c, Result__c, Actor__c, Fields__c, Detail__c, Message_Id__c FROM Seam_Audit__c ORDER BY CreatedDate DESC LIMIT 30',
        salesforceDeadLetters: "SELECT Id, CreatedDate, Case__c, Kind__c, Reason__c, Attempts__c, Last_Error__c, Message_Id__c, Status__c FROM Seam_Outbox__c WHERE Status__c = 'Dead_Letter' ORDER BY CreatedDate DESC LIMIT 50",
      };
      if (selected) soql.case = caseQuery(selected);
      const batch = salesforce.queryMany(soql);
      /** @param {string} key */
      const records = async (key) => {
        const answer = (await batch)[key];
        if ('error' in answer) throw new Error(answer.error);
        return answer.records;
      };
      const caseView = selected ? records('case').then(toCaseView) : Promise.resolve(null);
      return gather({
        cases: () => records('cases'),
        case: () => caseView,
        incident: async () => (selected ? views.getIncident(selected, (await caseView.catch(() => null))?.record.Seam_Incident_Sys_Id__c ?? null) : null),
        salesforceAudit: () => records('salesforceAudit'),
        salesforceDeadLetters: () => records('salesforceDeadLetters'),
        reviews: async () =>
          (await servicenow.list('x_seam_bridge_triage_review', { query: 'ORDERBYDESCsys_created_on', limit: 25,
            fields: ['sys_id', 'sf_case_id', 'sf_case_number', 'proposed_action', 'confidence', 'category', 'suggested_priority', 'suggested_group', 'rationale', 'reason', 'status', 'reroute_group', 'incident', 'sys_created_on'] })).map(flatten),
        approvals: async () =>
          (await servicenow.list('sysapproval_approver', { query: 'source_table=x_seam_bridge_triage_review^ORDERBYDESCsys_created_on', limit: 25 })).map(flatten),
        servicenowAudit: async () =>
          (await servicenow.list('x_seam_bridge_audit', { query: 'ORDERBYDESCsys_created_on', limit: 30,
            fields: ['sys_id', 'sys_created_on', 'direction', 'operation', 'target_table', 'sf_case_id', 'fields', 'actor', 'result', 'http_status', 'detail'] })).map(flatten),
        servicenowDeadLetters: async () =>
          (await servicenow.list('x_seam_bridge_outbox', { query: 'statusINdead_letter,held^ORDERBYDESCsys_updated_on', limit: 50,
            fields: ['sys_id', 'sys_created_on', 'message_id', 'kind', 'sf_case_id', 'status', 'attempts', 'last_error'] })).map(flatten),
        // Seam's own alerts (triage drift, credential pause): one line each at the top of the page.
        alerts: async () =>
          (await servicenow.list('x_seam_bridge_ops_state', { query: 'statusINalerting,paused', fields: ['sys_id', 'name', 'status', 'detail', 'updated_at'], limit: 10 })).map(flatten),
        users: async () => (await servicenow.list('sys_user', { query: 'active=true^ORDERBYuser_name', fields: ['sys_id', 'user_name', 'name'], limit: 200 })).map(flatten),
        groups: async () => (await servicenow.list('sys_user_group', { query: 'ORDERBYname', fields: ['sys_id', 'name'], limit: 200 })).map(flatten),
      });
    },

    // ---- Salesforce actions ----------------------------------------------------------------

    /** A case as a web form would create it; the package's trigger queues it for ServiceNow. @param {any} input */
    async createCase(input) {
      const subject = requireText(input?.subject, 'subject', 255);
      const description = typeof input?.description === 'string' ? input.description.trim().slice(0, 32000) : '';
      const priority = requireOneOf(input?.priority ?? 'Medium', 'priority', ['High', 'Medium', 'Low']);
      /** @type {Record<string, unknown>} */
      const values = { Subject: subject, Description: description, Priority: priority, Origin: 'Web' };
      const contact = typeof input?.contact === 'string' ? input.contact.trim() : '';
      if (contact) values.ContactId = await findOrCreateContact(contact);
      const id = await salesforce.create('Case', values);
      return { id };
    },

    /** A public comment, as an agent posts it on the case feed. @param {string} caseId @param {any} input */
    async addCaseComment(caseId, input) {
      requireSalesforceId(caseId, 'caseId');
      const body = requireText(input?.body, 'body', 4000);
      const id = await salesforce.create('CaseComment', { ParentId: caseId, CommentBody: body, IsPublished: true });
      return { id };
    },

    /** Replay: the package's dead letter goes back to Pending and the dispatcher sends it again. @param {string} outboxId */
    async replaySalesforce(outboxId) {
      requireSalesforceId(outboxId, 'outboxId');
      await salesforce.update('Seam_Outbox__c', outboxId, { Status__c: 'Pending' });
      return { replayed: outboxId };
    },

    // ---- ServiceNow actions ----------------------------------------------------------------

    /** Form changes on the incident, as an agent saves them. @param {string} sysId @param {any} input */
    async updateIncident(sysId, input) {
      requireSysId(sysId, 'sysId');
      /** @type {Record<string, unknown>} */
      const values = {};
      if (input?.state !== undefined && input.state !== '') values.state = requireOneOf(String(input.state), 'state', INCIDENT_STATES);
      if (input?.assigned_to !== undefined && input.assigned_to !== '') values.assigned_to = requireSysId(input.assigned_to, 'assigned_to');
      if (input?.comments !== undefined && String(input.comments).trim()) values.comments = requireText(input.comments, 'comments', 4000);
      if (input?.work_notes !== undefined && String(input.work_notes).trim()) values.work_notes = requireText(input.work_notes, 'work_notes', 4000);
      if (input?.close_notes !== undefined && String(input.close_notes).trim()) values.close_notes = requireText(input.close_notes, 'close_notes', 4000);
      if (values.state === '6' || values.state === '7') {
        // The incident form makes these mandatory on resolve; fill them as an agent would.
        values.close_code ??= 'Solved (Permanently)';
        values.close_notes ??= 'Resolved from the Seam console.';
      }
      if (!Object.keys(values).length) throw new InputError('state', 'nothing to change; set a state, an assignee, a comment or a work note');
      return flatten(await servicenow.patch('incident', sysId, values));
    },

    /**
     * The review form's Approve / Reroute / Reject UI actions set the review's status (and the
     * reroute group); the app's async business rule creates the incident or keeps the case.
     * @param {string} sysId @param {string} decision @param {any} input
     */
    async decideReview(sysId, decision, input) {
      requireSysId(sysId, 'sysId');
      const status = { approve: 'approved', reroute: 'rerouted', reject: 'rejected' }[requireOneOf(decision, 'decision', ['approve', 'reroute', 'reject'])];
      /** @type {Record<string, unknown>} */
      const values = { status };
      if (decision === 'reroute') {
        if (!input?.group) throw new InputError('group', 'group is empty; choose the assignment group to reroute the case to');
        values.reroute_group = requireSysId(input.group, 'group');
      }
      return flatten(await servicenow.patch('x_seam_bridge_triage_review', sysId, values));
    },

    /** An approver's decision on a sysapproval_approver row; the app's rule applies it to the review. @param {string} sysId @param {string} decision */
    async decideApproval(sysId, decision) {
      requireSysId(sysId, 'sysId');
      const state = { approve: 'approved', reject: 'rejected' }[requireOneOf(decision, 'decision', ['approve', 'reject'])];
      return flatten(await servicenow.patch('sysapproval_approver', sysId, { state }));
    },

    /** The outbox's Replay UI action: back to pending with a fresh attempt budget. @param {string} sysId */
    async replayServiceNow(sysId) {
      requireSysId(sysId, 'sysId');
      const rows = await servicenow.list('x_seam_bridge_outbox', { query: `sys_id=${sysId}`, fields: ['sys_id', 'status'], limit: 1, display: 'false' });
      if (!rows.length) throw new InputError('sysId', `sysId: no outbox message ${sysId}; refresh the dead letter list`);
      if (!['dead_letter', 'failed', 'held'].includes(rows[0].status)) {
        throw new InputError('sysId', `sysId: the message is ${rows[0].status}; only dead letters, failed and held messages are replayed`);
      }
      return flatten(await servicenow.patch('x_seam_bridge_outbox', sysId, { status: 'pending', attempts: '0', next_attempt_at: '', last_error: '' }));
    },
  };

  /** @param {string} name */
  async function findOrCreateContact(name) {
    const found = await salesforce.query(`SELECT Id FROM Contact WHERE Name = ${soqlString(name)} LIMIT 1`);
    if (found.length) return found[0].Id;
    const parts = name.split(/\s+/);
    const lastName = parts.pop() ?? name;
    return salesforce.create('Contact', { FirstName: parts.join(' ') || null, LastName: lastName.slice(0, 80) });
  }

  return views;
}
