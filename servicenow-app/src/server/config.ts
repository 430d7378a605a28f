/**
 * The admin's knobs (system properties from src/fluent/properties), parsed and validated once
 * at the edge. A bad value falls back to the shipped default and is reported, so one typo in a
 * property never stops the integration; the report names the property and the fix.
 */
import {
    DEFAULT_ENGINEERING_ROUTING,
    DEFAULT_ESCALATION_POLICY,
    DEFAULT_TRIAGE_POLICY,
    parseEngineeringRouting,
    parseEscalationPolicy,
    parseTriagePolicy,
    type EngineeringRouting,
    type EscalationPolicy,
    type TriagePolicy,
} from './generated/seam-core';
import type { PropertySource } from './ports';

export const PROPERTY = {
    syncEnabled: 'x_seam_bridge.sync.enabled',
    inboundEnabled: 'x_seam_bridge.inbound.enabled',
    triageEnabled: 'x_seam_bridge.triage.enabled',
    resolutionEnabled: 'x_seam_bridge.resolution.enabled',
    resolutionRequireApproval: 'x_seam_bridge.resolution.require_approval',
    majorIncidentEnabled: 'x_seam_bridge.major_incident.enabled',
    customerFacingServices: 'x_seam_bridge.major_incident.customer_facing_services',
    slaRiskEnabled: 'x_seam_bridge.sla_risk.enabled',
    slaRiskThreshold: 'x_seam_bridge.sla_risk.alert_threshold',
    slaRiskSweepStaleMinutes: 'x_seam_bridge.sla_risk.sweep_stale_minutes',
    slaRiskSweepBatch: 'x_seam_bridge.sla_risk.sweep_batch',
    alertsEnabled: 'x_seam_bridge.alerts.enabled',
    alertsHighValueFrom: 'x_seam_bridge.alerts.high_value_from',
    alertsWebhookUrl: 'x_seam_bridge.alerts.webhook_url',
    alertsFormat: 'x_seam_bridge.alerts.format',
    proxyUrl: 'x_seam_bridge.proxy.url',
    proxyApiKey: 'x_seam_bridge.proxy.api_key',
    salesforceUrl: 'x_seam_bridge.salesforce.instance_url',
    salesforceApiVersion: 'x_seam_bridge.salesforce.api_version',
    triageReviewBelow: 'x_seam_bridge.triage.review_below',
    triageAutoCreateAbove: 'x_seam_bridge.triage.auto_create_above',
    triageApprovalPriorities: 'x_seam_bridge.triage.approval_priorities',
    approvalGroup: 'x_seam_bridge.approval.group',
    batchSize: 'x_seam_bridge.outbox.batch_size',
    batchesPerRun: 'x_seam_bridge.outbox.batches_per_run',
    maxAttempts: 'x_seam_bridge.outbox.max_attempts',
    backoffBaseSeconds: 'x_seam_bridge.outbox.backoff_base_seconds',
    backoffMaxSeconds: 'x_seam_bridge.outbox.backoff_max_seconds',
    debounceMs: 'x_seam_bridge.outbox.debounce_ms',
    receiptWindowSeconds: 'x_seam_bridge.outbox.receipt_window_seconds',
    knowledgeEnabled: 'x_seam_bridge.knowledge.enabled',
    knowledgeLearnFromResolutions: 'x_seam_bridge.knowledge.learn_from_resolutions',
    triageBudgetMs: 'x_seam_bridge.inbound.triage_budget_ms',
    proxyTimeoutMs: 'x_seam_bridge.proxy.timeout_ms',
    salesforceMidServer: 'x_seam_bridge.salesforce.mid_server',
    proxyMidServer: 'x_seam_bridge.proxy.mid_server',
    customerContextCacheSeconds: 'x_seam_bridge.customer_context.cache_seconds',
    salesforceDelivery: 'x_seam_bridge.salesforce.delivery',
    pollSettleSeconds: 'x_seam_bridge.poll.settle_seconds',
    escalationEnabled: 'x_seam_bridge.escalation.enabled',
    escalationModelEnabled: 'x_seam_bridge.escalation.model_enabled',
    escalationAutoAbove: 'x_seam_bridge.escalation.auto_create_above',
    escalationReviewFrom: 'x_seam_bridge.escalation.review_from',
    escalationApprovalPriorities: 'x_seam_bridge.escalation.approval_priorities',
    escalationGroups: 'x_seam_bridge.escalation.engineering_groups',
} as const;

export interface Settings {
    /** Tier-3 escalation to a problem (agent action and model trigger). */
    readonly escalationEnabled: boolean;
    /** Whether the model may propose an escalation from the conversation and logs. */
    readonly escalationModelEnabled: boolean;
    readonly escalationPolicy: EscalationPolicy;
    /** Triage category → engineering group name (shared escalation.ts routing rules). */
    readonly engineeringRouting: EngineeringRouting;
    readonly syncEnabled: boolean;
    readonly inboundEnabled: boolean;
    readonly triageEnabled: boolean;
    readonly resolutionEnabled: boolean;
    readonly resolutionRequireApproval: boolean;
    readonly majorIncidentEnabled: boolean;
    readonly customerFacingServices: readonly string[];
    readonly slaRiskEnabled: boolean;
    /** 0..1; null = the model's own threshold (the proxy answers it). */
    readonly slaRiskThreshold: number | null;
    /** The re-assess sweep takes open linked incidents not updated for this many minutes (0..10080; 0 = any). */
    readonly slaRiskSweepStaleMinutes: number;
    /** At most this many incidents (one proxy call each) per sweep run (1..500). */
    readonly slaRiskSweepBatch: number;
    /** Sev-1 on a high-value account: the account Task and the chat webhook (sync/sev1.ts). */
    readonly alertsEnabled: boolean;
    /** Account contract value from which a P1 alerts. */
    readonly alertsHighValueFrom: number;
    /** The incoming-webhook URL (a password2 property: a secret; never logged or audited). Empty = no chat post. */
    readonly alertsWebhookUrl: string;
    readonly alertsFormat: 'slack' | 'teams';
    readonly proxyUrl: string;
    readonly proxyApiKey: string;
    readonly salesforceUrl: string;
    readonly salesforceApiVersion: string;
    /** The shared triage policy (thresholds), validated by the shared parser. */
    readonly triagePolicy: TriagePolicy;
    readonly approvalGroup: string;
    /** 1..200: the sObject Collections limit. */
    readonly batchSize: number;
    readonly batchesPerRun: number;
    readonly maxAttempts: number;
    readonly backoffBaseSeconds: number;
    readonly backoffMaxSeconds: number;
    /**
     * Event-driven send, debounced: the first message queued schedules a one-shot drain this many
     * ms later, which sends everything queued by then in batched calls. 0 = drain at once, as each
     * rule runs (one call per update in a burst).
     */
    readonly debounceMs: number;
    /**
     * Seconds after which a pushed Incident_Update__e without a Salesforce audit of its message id
     * is republished (outbox/receipts.ts; after 3 republishes a dead letter). 0 = no receipt check.
     */
    readonly receiptWindowSeconds: number;
    /** Knowledge suggestions on the incident (UI actions) through the proxy. */
    readonly knowledgeEnabled: boolean;
    /** Store each resolved linked incident's summary in the knowledge index (CASE_SUMMARY). */
    readonly knowledgeLearnFromResolutions: boolean;
    /**
     * Time one POST /v1/cases may spend triaging before it stops calling the model: the cases left
     * are accepted (`triage_queued`) and triaged by an async rule, outside the REST transaction
     * quota (60 s) and the Salesforce callout timeout (60 s). 0 = always triage asynchronously.
     */
    readonly triageBudgetMs: number;
    /** HTTP timeout of one proxy call, so budget + one call stays under the REST quota. */
    readonly proxyTimeoutMs: number;
    /** MID Server names for instances that may not call out directly; '' = direct. */
    readonly salesforceMidServer: string;
    readonly proxyMidServer: string;
    /** Seconds a fetched customer context is shown from the cache (0..3600; 0 = always ask Salesforce). */
    readonly customerContextCacheSeconds: number;
    /**
     * How incident updates reach Salesforce: `push` (default: the outbox drain publishes
     * Incident_Update__e) or `poll` (the instance may not call out: the rows wait for the
     * package's SeamChangesPoller to read GET /v1/changes, and the drain never sends them).
     */
    readonly salesforceDelivery: 'push' | 'poll';
    /** Seconds the changes feed holds back the newest rows, so a row written late in a second is never behind a cursor. */
    readonly pollSettleSeconds: number;
}

export interface ConfigProblem {
    readonly field: string;
    readonly problem: string;
    readonly fix: string;
}

export const DEFAULTS: Settings = {
    escalationEnabled: true,
    escalationModelEnabled: false,
    escalationPolicy: DEFAULT_ESCALATION_POLICY,
    engineeringRouting: DEFAULT_ENGINEERING_ROUTING,
    syncEnabled: true,
    inboundEnabled: true,
    triageEnabled: true,
    resolutionEnabled: true,
    resolutionRequireApproval: true,
    majorIncidentEnabled: true,
    customerFacingServices: [],
    slaRiskEnabled: true,
    slaRiskThreshold: null,
    slaRiskSweepStaleMinutes: 60,
    slaRiskSweepBatch: 100,
    alertsEnabled: true,
    alertsHighValueFrom: 100000,
    alertsWebhookUrl: '',
    alertsFormat: 'slack',
    proxyUrl: '',
    proxyApiKey: '',
    salesforceUrl: '',
    salesforceApiVersion: 'v62.0',
    triagePolicy: DEFAULT_TRIAGE_POLICY,
    approvalGroup: '',
    batchSize: 200,
    batchesPerRun: 5,
    maxAttempts: 8,
    backoffBaseSeconds: 30,
    backoffMaxSeconds: 3600,
    debounceMs: 1000,
    receiptWindowSeconds: 600,
    knowledgeEnabled: true,
    knowledgeLearnFromResolutions: true,
    triageBudgetMs: 20000,
    proxyTimeoutMs: 20000,
    salesforceMidServer: '',
    proxyMidServer: '',
    customerContextCacheSeconds: 300,
    salesforceDelivery: 'push',
    pollSettleSeconds: 2,
};

export interface LoadedSettings {
    readonly settings: Settings;
    readonly problems: readonly ConfigProblem[];
}

export function loadSettings(source: PropertySource): LoadedSettings {
    const problems: ConfigProblem[] = [];
    const raw = (name: string): string | undefined => {
        const v = source.get(name);
        return v === undefined || v === null ? undefined : String(v).trim();
    };
    const bool = (name: string, fallback: boolean): boolean => {
        const v = raw(name);
        if (v === undefined || v === '') return fallback;
        if (v === 'true') return true;
        if (v === 'false') return false;
        problems.push({ field: name, problem: `is "${v}", not a boolean`, fix: 'set it to true or false' });
        return fallback;
    };
    const num = (name: string, fallback: number, min: number, max: number, integer: boolean): number => {
        const v = raw(name);
        if (v === undefined || v === '') return fallback;
        const n = Number(v);
        if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
            problems.push({
                field: name,
                problem: `is "${v}", outside ${min}..${max}${integer ? ' or not a whole number' : ''}`,
                fix: `set a ${integer ? 'whole ' : ''}number between ${min} and ${max} (default ${fallback})`,
            });
            return fallback;
        }
        return n;
    };
    const url = (name: string): string => {
        const v = raw(name) ?? '';
        if (v === '') return '';
        if (!/^https:\/\/[^\s/]+(\/[^\s]*)?$/.test(v)) {
            problems.push({ field: name, problem: `is "${v}", not an https URL`, fix: 'set it to https://host[/path] without spaces' });
            return '';
        }
        return v.replace(/\/+$/, '');
    };
    const triagePolicy = (): TriagePolicy => {
        const ratio = (name: string, fallback: number): unknown => {
            const v = raw(name);
            return v === undefined || v === '' ? fallback : Number(v);
        };
        const prios = raw(PROPERTY.triageApprovalPriorities);
        const parsed = parseTriagePolicy({
            reviewBelow: ratio(PROPERTY.triageReviewBelow, DEFAULT_TRIAGE_POLICY.reviewBelow),
            autoCreateAbove: ratio(PROPERTY.triageAutoCreateAbove, DEFAULT_TRIAGE_POLICY.autoCreateAbove),
            approvalPriorities:
                prios === undefined || prios === ''
                    ? DEFAULT_TRIAGE_POLICY.approvalPriorities
                    : prios.split(',').map((p) => Number(p.trim())),
        });
        if (parsed.ok) return parsed.value;
        for (const p of parsed.error) {
            // Name the property the admin edits, not the policy's internal field.
            const field = p.field.indexOf('reviewBelow') >= 0 ? PROPERTY.triageReviewBelow
                : p.field.indexOf('autoCreateAbove') >= 0 ? PROPERTY.triageAutoCreateAbove
                : PROPERTY.triageApprovalPriorities;
            problems.push({ field, problem: p.problem, fix: p.fix });
        }
        return DEFAULT_TRIAGE_POLICY;
    };
    const escalationPolicy = (): EscalationPolicy => {
        const ratio = (name: string, fallback: number): unknown => {
            const v = raw(name);
            return v === undefined || v === '' ? fallback : Number(v);
        };
        const prios = raw(PROPERTY.escalationApprovalPriorities);
        const parsed = parseEscalationPolicy({
            autoAbove: ratio(PROPERTY.escalationAutoAbove, DEFAULT_ESCALATION_POLICY.autoAbove),
            reviewFrom: ratio(PROPERTY.escalationReviewFrom, DEFAULT_ESCALATION_POLICY.reviewFrom),
            approvalPriorities: prios === undefined || prios === '' ? DEFAULT_ESCALATION_POLICY.approvalPriorities : prios.split(',').map((p) => Number(p.trim())),
        });
        if (parsed.ok) return parsed.value;
        for (const p of parsed.error) {
            const field = p.field.indexOf('autoAbove') >= 0 ? PROPERTY.escalationAutoAbove
                : p.field.indexOf('reviewFrom') >= 0 ? PROPERTY.escalationReviewFrom
                : PROPERTY.escalationApprovalPriorities;
            problems.push({ field, problem: p.problem, fix: p.fix });
        }
        return DEFAULT_ESCALATION_POLICY;
    };
    const engineeringRouting = (): EngineeringRouting => {
        const parsed = parseEngineeringRouting(raw(PROPERTY.escalationGroups) ?? '');
        if (parsed.ok) return parsed.value;
        for (const p of parsed.error) problems.push({ field: PROPERTY.escalationGroups, problem: `${p.field} ${p.problem}`, fix: p.fix });
        return DEFAULT_ENGINEERING_ROUTING;
    };
    const settings: Settings = {
        escalationEnabled: bool(PROPERTY.escalationEnabled, DEFAULTS.escalationEnabled),
        escalationModelEnabled: bool(PROPERTY.escalationModelEnabled, DEFAULTS.escalationModelEnabled),
        escalationPolicy: escalationPolicy(),
        engineeringRouting: engineeringRouting(),
        syncEnabled: bool(PROPERTY.syncEnabled, DEFAULTS.syncEnabled),
        inboundEnabled: bool(PROPERTY.inboundEnabled, DEFAULTS.inboundEnabled),
        triageEnabled: bool(PROPERTY.triageEnabled, DEFAULTS.triageEnabled),
        resolutionEnabled: bool(PROPERTY.resolutionEnabled, DEFAULTS.resolutionEnabled),
        resolutionRequireApproval: bool(PROPERTY.resolutionRequireApproval, DEFAULTS.resolutionRequireApproval),
        majorIncidentEnabled: bool(PROPERTY.majorIncidentEnabled, DEFAULTS.majorIncidentEnabled),
        customerFacingServices: (raw(PROPERTY.customerFacingServices) ?? '')
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        slaRiskEnabled: bool(PROPERTY.slaRiskEnabled, DEFAULTS.slaRiskEnabled),
        slaRiskThreshold: ((): number | null => {
            const v = raw(PROPERTY.slaRiskThreshold) ?? '';
            if (v === '') return null;
            const n = Number(v);
            if (n > 0 && n < 1) return n;
            problems.push({ field: PROPERTY.slaRiskThreshold, problem: `is "${v}", not a number between 0 and 1`, fix: 'set a share such as 0.7, or leave it empty to use the model\'s threshold' });
            return null;
        })(),
        slaRiskSweepStaleMinutes: num(PROPERTY.slaRiskSweepStaleMinutes, DEFAULTS.slaRiskSweepStaleMinutes, 0, 10080, true),
        slaRiskSweepBatch: num(PROPERTY.slaRiskSweepBatch, DEFAULTS.slaRiskSweepBatch, 1, 500, true),
        alertsEnabled: bool(PROPERTY.alertsEnabled, DEFAULTS.alertsEnabled),
        alertsHighValueFrom: ((): number => {
            const v = (raw(PROPERTY.alertsHighValueFrom) ?? '').trim();
            if (v === '') return DEFAULTS.alertsHighValueFrom;
            const n = Number(v);
            if (Number.isFinite(n) && n >= 0) return n;
            problems.push({ field: PROPERTY.alertsHighValueFrom, problem: `is "${v}", not a number >= 0`, fix: `set the contract value from which a P1 alerts, e.g. 100000 (default ${DEFAULTS.alertsHighValueFrom})` });
            return DEFAULTS.alertsHighValueFrom;
        })(),
        alertsWebhookUrl: ((): string => {
            const v = (raw(PROPERTY.alertsWebhookUrl) ?? '').trim();
            if (v === '' || /^https?:\/\/[^\s]+$/.test(v)) return v;
            // The value is a secret: the problem never repeats it.
            problems.push({ field: PROPERTY.alertsWebhookUrl, problem: 'is not an http(s) URL', fix: 'paste the incoming-webhook URL from Slack or Teams, or leave it empty to post nothing' });
            return '';
        })(),
        alertsFormat: ((): 'slack' | 'teams' => {
            const v = (raw(PROPERTY.alertsFormat) ?? '').trim().toLowerCase();
            if (v === '' || v === 'slack') return 'slack';
            if (v === 'teams') return 'teams';
            problems.push({ field: PROPERTY.alertsFormat, problem: `is "${v}", not slack or teams`, fix: 'set slack or teams (the kind of incoming webhook the URL is)' });
            return 'slack';
        })(),
        proxyUrl: url(PROPERTY.proxyUrl),
        proxyApiKey: raw(PROPERTY.proxyApiKey) ?? '',
        salesforceUrl: url(PROPERTY.salesforceUrl),
        salesforceApiVersion: /^v\d+\.\d$/.test(raw(PROPERTY.salesforceApiVersion) ?? '')
            ? (raw(PROPERTY.salesforceApiVersion) as string)
            : DEFAULTS.salesforceApiVersion,
        triagePolicy: triagePolicy(),
        approvalGroup: raw(PROPERTY.approvalGroup) ?? '',
        batchSize: num(PROPERTY.batchSize, DEFAULTS.batchSize, 1, 200, true),
        batchesPerRun: num(PROPERTY.batchesPerRun, DEFAULTS.batchesPerRun, 1, 50, true),
        maxAttempts: num(PROPERTY.maxAttempts, DEFAULTS.maxAttempts, 1, 50, true),
        backoffBaseSeconds: num(PROPERTY.backoffBaseSeconds, DEFAULTS.backoffBaseSeconds, 1, 86400, true),
        backoffMaxSeconds: num(PROPERTY.backoffMaxSeconds, DEFAULTS.backoffMaxSeconds, 1, 604800, true),
        debounceMs: num(PROPERTY.debounceMs, DEFAULTS.debounceMs, 0, 300000, true),
        receiptWindowSeconds: num(PROPERTY.receiptWindowSeconds, DEFAULTS.receiptWindowSeconds, 0, 86400, true),
        knowledgeEnabled: bool(PROPERTY.knowledgeEnabled, DEFAULTS.knowledgeEnabled),
        knowledgeLearnFromResolutions: bool(PROPERTY.knowledgeLearnFromResolutions, DEFAULTS.knowledgeLearnFromResolutions),
        triageBudgetMs: num(PROPERTY.triageBudgetMs, DEFAULTS.triageBudgetMs, 0, 40000, true),
        proxyTimeoutMs: num(PROPERTY.proxyTimeoutMs, DEFAULTS.proxyTimeoutMs, 1000, 120000, true),
        salesforceMidServer: raw(PROPERTY.salesforceMidServer) ?? '',
        proxyMidServer: raw(PROPERTY.proxyMidServer) ?? '',
        customerContextCacheSeconds: num(PROPERTY.customerContextCacheSeconds, DEFAULTS.customerContextCacheSeconds, 0, 3600, true),
        salesforceDelivery: ((): 'push' | 'poll' => {
            const v = (raw(PROPERTY.salesforceDelivery) ?? '').toLowerCase();
            if (v === '' || v === 'push') return 'push';
            if (v === 'poll') return 'poll';
            problems.push({ field: PROPERTY.salesforceDelivery, problem: `is "${v}", not push or poll`, fix: 'set push (the instance calls Salesforce) or poll (Salesforce reads GET /v1/changes; for instances that may not call out)' });
            return DEFAULTS.salesforceDelivery;
        })(),
        pollSettleSeconds: num(PROPERTY.pollSettleSeconds, DEFAULTS.pollSettleSeconds, 0, 300, true),
    };
    return { settings, problems };
}
