/**
 * Sev-1 on a high-value account, decided where the change happens: the incident sync
 * (sync/outbound.ts) asks this on every change of a linked incident. The shared decision
 * (`decideSev1Alert`) uses the incident's copy of Salesforce's relationship data (AccountId,
 * Account.Seam_Contract_Value__c, synced sf_to_sn by the ownership map), so no extra Salesforce
 * call is needed. The previous priority is the link's `alert_priority` (the priority the last
 * check saw), because the async rule has no `previous` record and the Case's priority field
 * maps P1 and P2 to the same value. On an alert:
 * - the Incident_Update__e of the same change carries `Alert_Key__c`, and the Salesforce handler
 *   creates one Task for the account owner when it applies that event (once: replays are skipped);
 * - one `critical_alert` outbox row holds the Slack or Teams webhook body; the drain posts it
 *   (outbox/webhook.ts), with the outbox's retry, dead letter and replay.
 * A P1 change on a case with no account, or an account with no contract value, is audited as
 * skipped with the problem and the fix; nothing is posted and nothing is lost.
 */
import { decideSev1Alert, sev1ChatPayload, type Sev1Input } from '../generated/seam-core';
import { recordAudit } from '../audit/audit';
import type { Settings } from '../config';
import { enqueue } from '../outbox/outbox';
import type { Ports, Row } from '../ports';
import { TABLE } from '../tables';
import type { StoredLink } from './link';

export type Sev1Settings = Pick<Settings, 'alertsEnabled' | 'alertsHighValueFrom' | 'alertsWebhookUrl' | 'alertsFormat'>;

export interface Sev1Check {
    /** The key Incident_Update__e carries as Alert_Key__c; null = no alert. */
    readonly alertKey: string | null;
    /** Whether a chat post was queued (the drain should run). */
    readonly chatQueued: boolean;
}

export function sev1Input(incident: Row, link: StoredLink): Sev1Input {
    return {
        incidentSysId: incident.sys_id,
        incidentNumber: incident.number,
        version: Number(incident.sys_mod_count || '0'),
        priority: incident.priority,
        previousPriority: link.row.alert_priority || null,
        shortDescription: incident.short_description || incident.number,
        caseId: link.state.caseId ?? link.row.sf_case_id,
        caseNumber: incident.x_seam_bridge_sf_case_number || link.row.sf_case_number || '',
        accountId: incident.x_seam_bridge_sf_account_id || '',
        contractValue: incident.x_seam_bridge_contract_value ?? null,
    };
}

export function checkSev1(ports: Ports, settings: Sev1Settings, incident: Row, link: StoredLink): Sev1Check {
    const none: Sev1Check = { alertKey: null, chatQueued: false };
    if (!settings.alertsEnabled) return none;
    // Remember the priority this check saw, so the next change knows whether it is a change to 1.
    if ((link.row.alert_priority || '') !== (incident.priority || '')) {
        ports.records.update(TABLE.link, link.sysId, { alert_priority: incident.priority || '' });
    }
    const input = sev1Input(incident, link);
    const decision = decideSev1Alert(input, settings.alertsHighValueFrom);
    const correlationId = link.state.correlationId ?? link.row.correlation_id;
    if (!decision.alert) {
        if ('problem' in decision) {
            recordAudit(ports, {
                direction: 'outbound',
                operation: 'critical_alert:skip',
                target: 'Case',
                targetId: input.caseId,
                caseId: input.caseId,
                correlationId,
                result: 'skipped',
                latencyMs: 0,
                detail: `${incident.number} became priority 1 but no account team is alerted: ${decision.problem}; fix: ${decision.fix}`,
            });
        }
        return none;
    }
    let chatQueued = false;
    if (settings.alertsWebhookUrl) {
        const queued = enqueue(ports, {
            kind: 'critical_alert',
            idempotencyKey: decision.idempotencyKey,
            record: { attributes: { type: 'ChatWebhook' }, format: settings.alertsFormat, body: sev1ChatPayload(settings.alertsFormat, input, decision.contractValue) },
            incidentSysId: incident.sys_id,
            caseId: input.caseId,
            correlationId,
        });
        chatQueued = queued.status === 'queued';
        recordAudit(ports, {
            direction: 'outbound',
            operation: 'queue:critical_alert',
            target: 'ChatWebhook',
            caseId: input.caseId,
            fields: ['format'],
            newValues: { format: settings.alertsFormat },
            correlationId,
            idempotencyKey: decision.idempotencyKey,
            result: chatQueued ? 'success' : 'duplicate',
            latencyMs: 0,
            detail: `${incident.number} became priority 1; account contract value ${decision.contractValue} >= ${settings.alertsHighValueFrom}`,
        });
    } else {
        recordAudit(ports, {
            direction: 'outbound',
            operation: 'critical_alert:skip',
            target: 'ChatWebhook',
            caseId: input.caseId,
            correlationId,
            idempotencyKey: decision.idempotencyKey,
            result: 'skipped',
            latencyMs: 0,
            detail: `${incident.number} became priority 1 on a high-value account; no chat post: x_seam_bridge.alerts.webhook_url is empty; fix: set it to the Slack or Teams incoming-webhook URL (the account Task is still created)`,
        });
    }
    return { alertKey: decision.idempotencyKey, chatQueued };
}
