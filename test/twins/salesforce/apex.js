// @ts-check
/**
 * The package's Apex controller of the linked-incident panel (`SeamPanelController`), mirrored so
 * the console can render the real `linkedIncidentPanel` LWC against the twin: `getLink`,
 * `escalate` and `resync` return the controller's LinkView with Aura's JSON (datetimes as ISO-8601 Z).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeId } from './ids.js';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME, sfDateTime } from './store.js';

/** An AuraHandledException: the message the LWC shows. */
export class AuraHandledException extends Error {}

/**
 * The `Seam_ServiceNow_Url` custom label of the package, or `null`.
 * @param {string} packageDir
 */
export function serviceNowUrlLabel(packageDir) {
  const file = join(packageDir, 'labels', 'CustomLabels.labels-meta.xml');
  if (!existsSync(file)) return null;
  const m = /<fullName>Seam_ServiceNow_Url<\/fullName>[\s\S]*?<value>([^<]*)<\/value>/.exec(readFileSync(file, 'utf8'));
  return m ? m[1] : null;
}

/** Aura serialises Datetime as `2026-11-23T11:12:00.000Z`. @param {import('./types.js').Scalar | undefined} v */
const auraDateTime = (v) => (typeof v === 'string' ? v.replace(/\+0000$/, 'Z') : null);

/**
 * @param {import('./store.js').Store} store
 * @param {{ serviceNowUrl: string | null, now: () => number }} options
 */
export function createPanelController(store, options) {
  /** SeamPanelController.recordUrl. @param {string} table @param {string | null | undefined} sysId */
  const recordUrl = (table, sysId) => {
    const base = options.serviceNowUrl;
    if (!sysId || !base) return null;
    return `${base.replace(/\/$/, '')}/nav_to.do?uri=${table}.do%3Fsys_id%3D${encodeURIComponent(sysId)}`;
  };
  /** @param {string | null | undefined} sysId */
  const incidentUrl = (sysId) => recordUrl('incident', sysId);

  /** @param {unknown} caseId */
  function getLink(caseId) {
    const id = normalizeId(caseId);
    /** @type {Record<string, unknown>} */
    const view = { accessDenied: false, linked: false, caseId: id ?? caseId };
    const c = id ? store.state.records.Case?.[id] : undefined;
    if (!c) return { ...view, accessDenied: true };
    const pending = store.all('Seam_Outbox__c').filter((r) => r.Case__c === id && ['Pending', 'Sending', 'Retrying'].includes(String(r.Status__c))).length;
    return {
      ...view,
      linked: typeof c.Seam_Incident_Number__c === 'string' && c.Seam_Incident_Number__c.trim() !== '',
      incidentNumber: c.Seam_Incident_Number__c ?? null,
      incidentUrl: incidentUrl(/** @type {string | null} */ (c.Seam_Incident_Sys_Id__c ?? null)),
      incidentState: c.Seam_Incident_State__c ?? null,
      incidentPriority: c.Seam_Incident_Priority__c ?? null,
      assignee: c.Seam_Assignee__c ?? null,
      assignmentGroup: c.Seam_Assignment_Group__c ?? null,
      slaDue: auraDateTime(c.Seam_SLA_Due__c),
      resolvedAt: auraDateTime(c.Seam_Resolved_At__c),
      latestUpdate: c.Seam_Latest_Update__c ?? null,
      aiSummary: c.Seam_AI_Summary__c ?? null,
      correlationId: c.Seam_Correlation_Id__c ?? null,
      lastSync: auraDateTime(c.Seam_Last_Sync__c),
      syncStatus: c.Seam_Sync_Status__c ?? null,
      lastError: c.Seam_Last_Error__c ?? null,
      pending,
      triageRoute: c.Seam_Triage_Route__c ?? null,
      triageConfidence: c.Seam_Triage_Confidence__c ?? null,
      escalatedAt: auraDateTime(c.Seam_Escalated_At__c),
      slaRisk: c.Seam_SLA_Risk__c ?? null,
      problemNumber: c.Seam_Problem_Number__c ?? null,
      problemUrl: recordUrl('problem', /** @type {string | null} */ (c.Seam_Problem_Sys_Id__c ?? null)),
      problemState: c.Seam_Problem_State__c ?? null,
      knownError: c.Seam_Known_Error__c ?? false,
      workaround: c.Seam_Workaround__c ?? null,
      fixNotes: c.Seam_Fix_Notes__c ?? null,
      escalationStatus: c.Seam_Escalation_Status__c ?? null,
    };
  }

  /** @param {unknown} caseId @param {'escalate' | 'engineering' | 'resync'} reason */
  function requestSend(caseId, reason) {
    const id = normalizeId(caseId);
    const c = id ? store.state.records.Case?.[id] : undefined;
    // The twin's one user may edit every case; a case that does not exist is not editable.
    if (!id || !c) throw new AuraHandledException(`You need edit access to this case to ${reason} it; ask the case owner or your admin to share it with you.`);
    /** @type {import('./store.js').WriteContext} */
    const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
    store.transaction(ctx, () => {
      /** @type {Record<string, unknown>} */
      const values = { Seam_Local_Version__c: Number(c.Seam_Local_Version__c ?? 0) + 1, Seam_Sync_Status__c: 'Pending', Seam_Last_Error__c: null };
      // A new version, so ServiceNow applies the re-send instead of answering "duplicate".
      if (reason === 'escalate') values.Seam_Escalated_At__c = sfDateTime(options.now());
      store.update('Case', id, values, ctx);
      store.enqueueCase(id, reason, ctx);
      store.create('Seam_Audit__c', { Case__c: id, Direction__c: 'sf_to_sn', Actor__c: INTEGRATION_USER_ID, Result__c: reason, Detail__c: 'requested from the linked incident panel' }, ctx);
    });
    store.commit(ctx);
  }

  return {
    getLink,
    /** @param {unknown} caseId */
    escalate(caseId) { requestSend(caseId, 'escalate'); return getLink(caseId); },
    /** @param {unknown} caseId */
    resync(caseId) { requestSend(caseId, 'resync'); return getLink(caseId); },
    /** @param {unknown} caseId SeamPanelController.escalateToEngineering: tier 3, a ServiceNow problem */
    escalateToEngineering(caseId) { requestSend(caseId, 'engineering'); return getLink(caseId); },
  };
}
