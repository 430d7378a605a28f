/**
 * JSON Schemas: one source for the proxy (ajv), the ServiceNow REST API and the model output.
 * Standard draft 2020-12, restricted to the keywords `validate.ts` implements, so every consumer
 * reads them the same way.
 */
import { INSIGHT_IDS, type InsightId } from './insights';
import { CASE_PRIORITY_DOMAIN } from './transforms';
import type { CasePriority } from './transforms';
import type { FieldValue } from './types';

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export interface JsonSchema {
  readonly $schema?: string;
  readonly $id?: string;
  readonly title?: string;
  readonly description?: string;
  readonly type?: JsonType | readonly JsonType[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: boolean | JsonSchema;
  readonly enum?: readonly (string | number | boolean | null)[];
  readonly const?: string | number | boolean | null;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly items?: JsonSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  /** Valid when at least one subschema is (used instead of type lists, which ajv's strict mode rejects). */
  readonly anyOf?: readonly JsonSchema[];
}

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
const str = (maxLength: number, minLength = 1): JsonSchema => ({ type: 'string', minLength, maxLength });
/**
 * A top-level schema: the draft, `seam/<id>`, a title and a closed object. Sibling modules
 * (knowledge, insights) build their wire schemas with it, so every envelope is the same.
 */
export function closedObjectSchema(id: string, title: string, properties: Readonly<Record<string, JsonSchema>>, required: readonly string[]): JsonSchema {
  return { $schema: DRAFT, $id: `seam/${id}`, title, type: 'object', properties, required, additionalProperties: false };
}
/** ISO-8601 UTC date-time with optional milliseconds. */
export const ISO_UTC_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$';
const isoUtc: JsonSchema = { type: 'string', pattern: ISO_UTC_PATTERN };
/** 18-character Salesforce id (the checksum is checked by `toSalesforceId18`). */
const sfId18: JsonSchema = { type: 'string', pattern: '^[a-zA-Z0-9]{15}[A-Z0-5]{3}$' };
const caseId18: JsonSchema = { type: 'string', pattern: '^500[a-zA-Z0-9]{12}[A-Z0-5]{3}$' };
const requestIds = { idempotencyKey: str(128), correlationId: str(128) };
const contactName = str(200, 0);

// ---- attachment text (optional on triage, summarize and resolution-summary) ---------------

/** At most this many attachments go with one request: the prompt has room for a few, not a folder. */
export const PROMPT_ATTACHMENTS_MAX = 5;
/** Each attachment's text is capped at this many characters (after extraction and masking). */
export const PROMPT_ATTACHMENT_TEXT_MAX = 8000;

/**
 * Text extracted from a file on the ticket (`attachmentTextForPrompt`), already capped and masked
 * by the caller; the proxy masks it again. It is data for the model, never instructions.
 */
export interface PromptAttachment {
  readonly name: string;
  readonly text: string;
}

const promptAttachments: JsonSchema = {
  type: 'array',
  maxItems: PROMPT_ATTACHMENTS_MAX,
  items: {
    type: 'object',
    properties: { name: str(255), text: str(PROMPT_ATTACHMENT_TEXT_MAX) },
    required: ['name', 'text'],
    additionalProperties: false,
  },
};

// ---- triage -------------------------------------------------------------------------------

export const TRIAGE_ROUTES = ['servicenow', 'salesforce', 'review'] as const;
export type TriageRoute = (typeof TRIAGE_ROUTES)[number];
export const TRIAGE_CATEGORIES = [
  'outage',
  'degradation',
  'access',
  'defect',
  'security',
  'data_request',
  'how_to',
  'billing',
  'account_change',
  'feature_request',
  'other',
] as const;
export type TriageCategory = (typeof TRIAGE_CATEGORIES)[number];

export interface TriageRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly caseId: string;
  readonly subject: string;
  readonly description: string;
  readonly customerPriority?: CasePriority;
  readonly contactName?: string;
  readonly attachments?: readonly PromptAttachment[];
}

export interface TriageResult {
  readonly route: TriageRoute;
  readonly category: TriageCategory;
  readonly priority: number;
  readonly suggestedAssignmentGroup: string;
  readonly confidence: number;
  readonly rationale: string;
}

export const TRIAGE_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/triage-request',
  title: 'TriageRequest',
  type: 'object',
  properties: {
    ...requestIds,
    caseId: caseId18,
    subject: str(255),
    description: str(32000, 0),
    customerPriority: { type: 'string', enum: CASE_PRIORITY_DOMAIN },
    contactName,
    attachments: promptAttachments,
  },
  required: ['idempotencyKey', 'correlationId', 'caseId', 'subject', 'description'],
  additionalProperties: false,
};

export const TRIAGE_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/triage-result',
  title: 'TriageResult',
  type: 'object',
  properties: {
    route: { type: 'string', enum: TRIAGE_ROUTES, description: 'servicenow: IT must act; salesforce: the service agent can answer; review: unsure' },
    category: { type: 'string', enum: TRIAGE_CATEGORIES },
    priority: { type: 'integer', minimum: 1, maximum: 5, description: 'ServiceNow priority, 1 critical … 5 planning' },
    suggestedAssignmentGroup: str(100, 0),
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    rationale: str(500),
  },
  required: ['route', 'category', 'priority', 'suggestedAssignmentGroup', 'confidence', 'rationale'],
  additionalProperties: false,
};

// ---- thread summary ----------------------------------------------------------------------

export interface ThreadEntry {
  readonly author: string;
  readonly body: string;
  readonly createdAt: string;
}

export interface SummarizeRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  /** The side that will read the summary. */
  readonly audience: 'servicenow' | 'salesforce';
  readonly subject: string;
  readonly entries: readonly ThreadEntry[];
  readonly contactName?: string;
  readonly attachments?: readonly PromptAttachment[];
}

export interface SummarizeResult {
  readonly summary: string;
  readonly keyPoints: readonly string[];
  readonly openQuestions: readonly string[];
}

const threadEntry: JsonSchema = {
  type: 'object',
  properties: { author: str(200, 0), body: str(32000, 0), createdAt: isoUtc },
  required: ['author', 'body', 'createdAt'],
  additionalProperties: false,
};

export const SUMMARIZE_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/summarize-request',
  title: 'SummarizeRequest',
  type: 'object',
  properties: {
    ...requestIds,
    audience: { type: 'string', enum: ['servicenow', 'salesforce'] },
    subject: str(255),
    entries: { type: 'array', items: threadEntry, minItems: 1, maxItems: 200 },
    contactName,
    attachments: promptAttachments,
  },
  required: ['idempotencyKey', 'correlationId', 'audience', 'subject', 'entries'],
  additionalProperties: false,
};

export const SUMMARIZE_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/summarize-result',
  title: 'SummarizeResult',
  type: 'object',
  properties: {
    summary: str(2000),
    keyPoints: { type: 'array', items: str(300), maxItems: 10 },
    openQuestions: { type: 'array', items: str(300), maxItems: 10 },
  },
  required: ['summary', 'keyPoints', 'openQuestions'],
  additionalProperties: false,
};

// ---- customer-facing resolution summary ---------------------------------------------------

export interface ResolutionSummaryRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly subject: string;
  readonly resolutionCode?: string;
  readonly resolutionNotes: string;
  readonly contactName?: string;
  readonly attachments?: readonly PromptAttachment[];
}

export interface ResolutionSummaryResult {
  readonly summary: string;
  readonly nextSteps: readonly string[];
}

export const RESOLUTION_SUMMARY_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/resolution-summary-request',
  title: 'ResolutionSummaryRequest',
  type: 'object',
  properties: { ...requestIds, subject: str(255), resolutionCode: str(100, 0), resolutionNotes: str(8000), contactName, attachments: promptAttachments },
  required: ['idempotencyKey', 'correlationId', 'subject', 'resolutionNotes'],
  additionalProperties: false,
};

export const RESOLUTION_SUMMARY_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/resolution-summary-result',
  title: 'ResolutionSummaryResult',
  type: 'object',
  properties: { summary: str(1500), nextSteps: { type: 'array', items: str(300), maxItems: 5 } },
  required: ['summary', 'nextSteps'],
  additionalProperties: false,
};

// ---- major-incident impact notice ---------------------------------------------------------

export const IMPACT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type ImpactStatus = (typeof IMPACT_STATUSES)[number];
export const IMPACT_SEVERITIES = ['critical', 'major', 'minor'] as const;

export interface ImpactRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly incidentNumber: string;
  readonly shortDescription: string;
  readonly status: ImpactStatus;
  readonly affectedService?: string;
  readonly startedAt?: string;
  readonly workaround?: string;
}

export interface ImpactResult {
  readonly headline: string;
  readonly body: string;
  readonly severity: (typeof IMPACT_SEVERITIES)[number];
  readonly customerAction: string;
}

export const IMPACT_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/impact-request',
  title: 'ImpactRequest',
  type: 'object',
  properties: {
    ...requestIds,
    incidentNumber: { type: 'string', pattern: '^INC\\d{7,12}$' },
    shortDescription: str(255),
    status: { type: 'string', enum: IMPACT_STATUSES },
    affectedService: str(200, 0),
    startedAt: isoUtc,
    workaround: str(2000, 0),
  },
  required: ['idempotencyKey', 'correlationId', 'incidentNumber', 'shortDescription', 'status'],
  additionalProperties: false,
};

export const IMPACT_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/impact-result',
  title: 'ImpactResult',
  type: 'object',
  properties: {
    headline: str(120),
    body: str(1500),
    severity: { type: 'string', enum: IMPACT_SEVERITIES },
    customerAction: str(500, 0),
  },
  required: ['headline', 'body', 'severity', 'customerAction'],
  additionalProperties: false,
};

// ---- SLA-breach risk (a prediction from the incident's state, no text) ---------------------

export const SLA_RISK_BANDS = ['low', 'medium', 'high'] as const;
export type SlaRiskBand = (typeof SLA_RISK_BANDS)[number];

/** An open incident as ServiceNow knows it at `asOf`: only what exists at prediction time. */
export interface SlaRiskRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly incidentNumber: string;
  readonly priority: number;
  readonly urgency?: number;
  readonly impact?: number;
  /** 1 New, 2 In Progress, 3 On Hold (open states only). */
  readonly state: 1 | 2 | 3;
  readonly category?: string;
  /** The assignment group's name (its display value), as in the training export. */
  readonly assignmentGroup?: string;
  readonly reassignmentCount: number;
  readonly reopenCount: number;
  readonly updateCount: number;
  readonly openedAt: string;
  readonly asOf: string;
}

export interface SlaRiskResult {
  /** Predicted probability of missing the SLA, 0..1 (a prediction, not a measurement). */
  readonly risk: number;
  readonly band: SlaRiskBand;
  /** The model's alert threshold: `band` is high from here. */
  readonly threshold: number;
  readonly model: string;
}

const count: JsonSchema = { type: 'integer', minimum: 0, maximum: 100000 };

export const SLA_RISK_REQUEST_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/sla-risk-request',
  title: 'SlaRiskRequest',
  type: 'object',
  properties: {
    ...requestIds,
    incidentNumber: { type: 'string', pattern: '^INC\\d{7,12}$' },
    priority: { type: 'integer', minimum: 1, maximum: 5 },
    urgency: { type: 'integer', minimum: 1, maximum: 3 },
    impact: { type: 'integer', minimum: 1, maximum: 3 },
    state: { type: 'integer', enum: [1, 2, 3] },
    category: str(100, 0),
    assignmentGroup: str(100, 0),
    reassignmentCount: count,
    reopenCount: count,
    updateCount: count,
    openedAt: isoUtc,
    asOf: isoUtc,
  },
  required: ['idempotencyKey', 'correlationId', 'incidentNumber', 'priority', 'state', 'reassignmentCount', 'reopenCount', 'updateCount', 'openedAt', 'asOf'],
  additionalProperties: false,
};

export const SLA_RISK_RESULT_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/sla-risk-result',
  title: 'SlaRiskResult',
  type: 'object',
  properties: {
    risk: { type: 'number', minimum: 0, maximum: 1 },
    band: { type: 'string', enum: SLA_RISK_BANDS },
    threshold: { type: 'number', minimum: 0, maximum: 1 },
    model: str(300),
  },
  required: ['risk', 'band', 'threshold', 'model'],
  additionalProperties: false,
};

/**
 * The proxy's responses: a result plus the engine that produced it and, when the embedded
 * engine answered in place of a configured model, why (so callers can see and alert on it).
 */
export const ENGINES = ['llm', 'embedded'] as const;
export type Engine = (typeof ENGINES)[number];

export function responseSchema(result: JsonSchema): JsonSchema {
  return {
    ...result,
    ...(result.$id ? { $id: result.$id.replace(/-result$/, '-response') } : {}),
    ...(result.title ? { title: result.title.replace(/Result$/, 'Response') } : {}),
    properties: {
      ...result.properties,
      engine: { type: 'string', enum: ENGINES },
      fallbackReason: { type: 'string', minLength: 1, maxLength: 300 },
    },
    required: [...(result.required ?? []), 'engine'],
  };
}

// ---- insight phrasing ----------------------------------------------------------------------

/** A template sentence longer than this is not one sentence; a model's sentence is held to 600 (`checkInsightPhrasing`). */
export const INSIGHT_TEXT_MAX = 1000;
export const INSIGHTS_PER_REQUEST_MAX = 10;

/** Insights whose sentences may be rephrased: the id and the template sentence that states the data's numbers. */
export interface InsightPhraseRequest {
  readonly idempotencyKey: string;
  readonly correlationId: string;
  readonly insights: readonly { readonly id: InsightId; readonly text: string }[];
}

export interface InsightPhraseResult {
  /** One per requested insight, in the request's order. */
  readonly insights: readonly {
    readonly id: InsightId;
    readonly text: string;
    /** `llm` only when the model's sentence kept exactly the data's numbers; AI text, labelled as such where shown. */
    readonly phrasedBy: 'llm' | 'template';
    /** Why the template sentence stands (the model's sentence failed the numbers check, or no model answered). */
    readonly fallbackReason?: string;
  }[];
}

/** What a model must return: one sentence per insight id it was shown. */
export interface InsightPhrasingDraft {
  readonly sentences: readonly { readonly id: InsightId; readonly text: string }[];
}

const insightId: JsonSchema = { type: 'string', enum: INSIGHT_IDS };

export const INSIGHT_PHRASE_REQUEST_SCHEMA: JsonSchema = closedObjectSchema(
  'insight-phrase-request',
  'InsightPhraseRequest',
  {
    ...requestIds,
    insights: {
      type: 'array',
      minItems: 1,
      maxItems: INSIGHTS_PER_REQUEST_MAX,
      items: { type: 'object', properties: { id: insightId, text: str(INSIGHT_TEXT_MAX) }, required: ['id', 'text'], additionalProperties: false },
    },
  },
  ['idempotencyKey', 'correlationId', 'insights'],
);

export const INSIGHT_PHRASE_RESULT_SCHEMA: JsonSchema = closedObjectSchema(
  'insight-phrase-result',
  'InsightPhraseResult',
  {
    insights: {
      type: 'array',
      maxItems: INSIGHTS_PER_REQUEST_MAX,
      items: {
        type: 'object',
        properties: { id: insightId, text: str(INSIGHT_TEXT_MAX), phrasedBy: { type: 'string', enum: ['llm', 'template'] }, fallbackReason: str(300) },
        required: ['id', 'text', 'phrasedBy'],
        additionalProperties: false,
      },
    },
  },
  ['insights'],
);

export const INSIGHT_PHRASING_DRAFT_SCHEMA: JsonSchema = closedObjectSchema(
  'insight-phrasing-draft',
  'InsightPhrasingDraft',
  {
    sentences: {
      type: 'array',
      maxItems: INSIGHTS_PER_REQUEST_MAX,
      items: { type: 'object', properties: { id: insightId, text: str(INSIGHT_TEXT_MAX) }, required: ['id', 'text'], additionalProperties: false },
    },
  },
  ['sentences'],
);

// ---- sync messages (docs/contracts.md) ------------------------------------------------------

export interface CaseMessage {
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly version: number;
  readonly sentAt: string;
  readonly origin: 'salesforce';
  /** Salesforce-owned fields by Salesforce API name (`Account.Field` for Account fields), untransformed. */
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly contactName?: string;
  /**
   * A person asked for IT ("Escalate to IT" on the case panel): ServiceNow routes the case to an
   * incident whatever triage would say (a high priority still needs its approval).
   */
  readonly escalate?: true;
  /** Who escalated (the Salesforce user's name), for ServiceNow's audit; with `escalate` or `escalateToEngineering`. */
  readonly escalatedBy?: string;
  /**
   * A person chose "Escalate to engineering" (tier 3): ServiceNow creates one problem for the
   * case (shared escalation.ts), or asks a reviewer/approver first when the policy says so.
   */
  readonly escalateToEngineering?: true;
}

export interface CommentMessage {
  readonly messageId: string;
  readonly idempotencyKey: string;
  readonly caseId: string;
  readonly commentId: string;
  readonly body: string;
  readonly author: string;
  readonly createdAt: string;
  readonly origin: 'salesforce';
}

/** Salesforce Case.Subject is Text(255); ServiceNow gets it through `text255`. */
export const CASE_SUBJECT_MAX = 255;
/**
 * Salesforce Case.Description is a Long Text Area(32000). ServiceNow's incident.description is
 * declared 4,000 by default; see docs/contracts.md "Text limits" for what an instance keeps.
 */
export const CASE_DESCRIPTION_MAX = 32000;

export const CASE_MESSAGE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    messageId: str(64),
    idempotencyKey: str(128),
    caseId: caseId18,
    caseNumber: str(30),
    version: { type: 'integer', minimum: 1 },
    sentAt: isoUtc,
    origin: { type: 'string', enum: ['salesforce'] },
    fields: {
      type: 'object',
      // Text fields are capped at the Case field's own length: a longer value cannot come from a
      // Case, so it is refused (400 naming the field) rather than stored or cut silently.
      properties: {
        Subject: { anyOf: [str(CASE_SUBJECT_MAX, 0), { type: 'null' }] },
        Description: { anyOf: [str(CASE_DESCRIPTION_MAX, 0), { type: 'null' }] },
      },
      additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }] },
    },
    contactName,
    escalate: { type: 'boolean', enum: [true] },
    escalatedBy: str(200),
    escalateToEngineering: { type: 'boolean', enum: [true] },
  },
  required: ['messageId', 'idempotencyKey', 'caseId', 'caseNumber', 'version', 'sentAt', 'origin', 'fields'],
  additionalProperties: false,
};

export const CASE_MESSAGE_BATCH_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/case-message-batch',
  title: 'CaseMessageBatch',
  type: 'object',
  properties: { messages: { type: 'array', items: CASE_MESSAGE_SCHEMA, minItems: 1, maxItems: 200 } },
  required: ['messages'],
  additionalProperties: false,
};

export const COMMENT_MESSAGE_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    messageId: str(64),
    idempotencyKey: str(128),
    caseId: caseId18,
    commentId: sfId18,
    body: str(32000),
    author: str(200, 0),
    createdAt: isoUtc,
    origin: { type: 'string', enum: ['salesforce'] },
  },
  required: ['messageId', 'idempotencyKey', 'caseId', 'commentId', 'body', 'author', 'createdAt', 'origin'],
  additionalProperties: false,
};

export const COMMENT_MESSAGE_BATCH_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  $id: 'seam/comment-message-batch',
  title: 'CommentMessageBatch',
  type: 'object',
  properties: { messages: { type: 'array', items: COMMENT_MESSAGE_SCHEMA, minItems: 1, maxItems: 200 } },
  required: ['messages'],
  additionalProperties: false,
};

export type CaseResultStatus =
  | 'created'
  | 'updated'
  | 'duplicate'
  | 'stale'
  | 'kept_in_salesforce'
  | 'review'
  | 'approval_pending'
  | 'triage_queued'
  | 'rejected'
  | 'error';

/** Every schema by name, for the proxy and for docs. */
export const SCHEMAS = {
  triageRequest: TRIAGE_REQUEST_SCHEMA,
  triageResult: TRIAGE_RESULT_SCHEMA,
  summarizeRequest: SUMMARIZE_REQUEST_SCHEMA,
  summarizeResult: SUMMARIZE_RESULT_SCHEMA,
  resolutionSummaryRequest: RESOLUTION_SUMMARY_REQUEST_SCHEMA,
  resolutionSummaryResult: RESOLUTION_SUMMARY_RESULT_SCHEMA,
  impactRequest: IMPACT_REQUEST_SCHEMA,
  impactResult: IMPACT_RESULT_SCHEMA,
  slaRiskRequest: SLA_RISK_REQUEST_SCHEMA,
  slaRiskResult: SLA_RISK_RESULT_SCHEMA,
  insightPhraseRequest: INSIGHT_PHRASE_REQUEST_SCHEMA,
  insightPhraseResult: INSIGHT_PHRASE_RESULT_SCHEMA,
  insightPhrasingDraft: INSIGHT_PHRASING_DRAFT_SCHEMA,
  caseMessageBatch: CASE_MESSAGE_BATCH_SCHEMA,
  commentMessageBatch: COMMENT_MESSAGE_BATCH_SCHEMA,
} as const;
