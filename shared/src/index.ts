/**
 * @seam/shared — the public API. Everything here is pure ES2021: no clocks, no randomness, no
 * I/O, no Node/DOM/Glide APIs. Adapters pass `now`, records and link states in.
 */

// types: plain data shapes and Result
export { ok, err } from './types';
export type { System, Direction, ConflictRule, FieldKind, FieldValue, RecordValues, FieldProblem, Result } from './types';

// ownership: the single source of truth of field ownership
export { OWNERSHIP, SN_SCOPE, displayFields, mappingsFor } from './ownership';
export type { FieldMapping, TransformName, SalesforceObject, ServiceNowTable } from './ownership';

// fit: text cut to a column's dictionary length, visibly, and recognised as cut
export { CUT_MARK, fitText, isFittedCopy } from './fit';
export type { Fitted } from './fit';

// transforms: total, Result-returning value transforms
export {
  URGENCY_DOMAIN,
  IMPACT_DOMAIN,
  INCIDENT_PRIORITY_DOMAIN,
  CASE_PRIORITY_DOMAIN,
  INCIDENT_STATE_DOMAIN,
  HOLD_REASON_DOMAIN,
  CASE_STATUS_DOMAIN,
  INCIDENT_STATE_LABELS,
  HOLD_REASON_LABELS,
  TEXT255_MAX,
  TRANSFORM_NAMES,
  parseChoice,
  parseCasePriority,
  parseCaseStatus,
  parseIncidentState,
  priorityFromUrgencyImpact,
  casePriorityToUrgencyImpact,
  casePriorityToUrgency,
  incidentPriorityToCasePriority,
  incidentStateToCaseStatus,
  caseStatusToIncidentState,
  incidentStateLabel,
  PROBLEM_STATE_LABELS,
  problemStateLabel,
  glideBoolean,
  parseDateTime,
  formatIso,
  formatServiceNowDateTime,
  toIsoDateTime,
  toServiceNowDateTime,
  text255,
  salesforcePath,
  ownerFields,
  peerField,
  transformForPeer,
} from './transforms';
export type { Urgency, Impact, IncidentPriority, CasePriority, IncidentState, HoldReason, CaseStatus, IncidentStateValue } from './transforms';

// identity: ids, correlation ids, external keys
export {
  salesforceIdSuffix,
  toSalesforceId18,
  isSalesforceId,
  sameSalesforceId,
  CASE_KEY_PREFIX,
  ACCOUNT_KEY_PREFIX,
  validateSysId,
  isSysId,
  validateIncidentNumber,
  formatCorrelationId,
  parseCorrelationId,
  COMPANY_ACCOUNT_KEY_FIELD,
  matchCompanyByAccountId,
} from './identity';
export type { Correlation, CompanyRecord } from './identity';

// hash: pure SHA-256 and stable JSON
export { sha256Hex, sha256HexOfBytes, stableStringify, hashValue, utf8Bytes } from './hash';

// idempotency: deterministic keys and message ids
export { idempotencyKey, parseIdempotencyKey, messageId } from './idempotency';
export type { MessageKind, ParsedIdempotencyKey } from './idempotency';

// decision: what to send, what to apply
export { JOURNAL_MEMORY, newLink, localField, sameValue, decideOutbound, applyInbound, applyInboundJournal, toInboundMessage } from './decision';
export type {
  LinkState,
  NewLink,
  ChangeOrigin,
  OutboundInput,
  OutboundField,
  OutboundDecision,
  InboundMessage,
  InboundInput,
  InboundStatus,
  AppliedField,
  InboundDecision,
  JournalInput,
  JournalDecision,
} from './decision';

// messages: wire formats (docs/contracts.md) ↔ decision inputs, link state storage
export {
  caseMessageToInbound,
  commentMessageToEntry,
  toCaseMessage,
  toIncidentUpdateEvent,
  incidentUpdateToInbound,
  linkToJson,
  linkFromJson,
} from './messages';
export type { CaseMessageContext, IncidentUpdateEvent, IncidentUpdateContext } from './messages';

// journal: origin tags and the AI label
export { tagOrigin, parseOriginTag, stripOriginTag, entryOrigin, AI_LABEL, labelAiText, isAiLabelled } from './journal';
export type { JournalEntry, OriginTag } from './journal';

// pii: reversible masking
export { maskPii, unmaskPii, luhnValid, ibanValid, ipv6Valid, contactNameVariants } from './pii';
export type { PiiKind, PiiTokens, MaskOptions, MaskResult } from './pii';

// schemas + validate: one JSON Schema source, a small validator
export {
  ISO_UTC_PATTERN,
  TRIAGE_ROUTES,
  TRIAGE_CATEGORIES,
  IMPACT_STATUSES,
  IMPACT_SEVERITIES,
  SLA_RISK_BANDS,
  ENGINES,
  TRIAGE_REQUEST_SCHEMA,
  TRIAGE_RESULT_SCHEMA,
  SUMMARIZE_REQUEST_SCHEMA,
  SUMMARIZE_RESULT_SCHEMA,
  RESOLUTION_SUMMARY_REQUEST_SCHEMA,
  RESOLUTION_SUMMARY_RESULT_SCHEMA,
  IMPACT_REQUEST_SCHEMA,
  IMPACT_RESULT_SCHEMA,
  SLA_RISK_REQUEST_SCHEMA,
  SLA_RISK_RESULT_SCHEMA,
  INSIGHT_PHRASE_REQUEST_SCHEMA,
  INSIGHT_PHRASE_RESULT_SCHEMA,
  INSIGHT_PHRASING_DRAFT_SCHEMA,
  INSIGHT_TEXT_MAX,
  INSIGHTS_PER_REQUEST_MAX,
  CASE_MESSAGE_SCHEMA,
  CASE_MESSAGE_BATCH_SCHEMA,
  COMMENT_MESSAGE_SCHEMA,
  COMMENT_MESSAGE_BATCH_SCHEMA,
  CASE_SUBJECT_MAX,
  CASE_DESCRIPTION_MAX,
  PROMPT_ATTACHMENTS_MAX,
  PROMPT_ATTACHMENT_TEXT_MAX,
  SCHEMAS,
  responseSchema,
} from './schemas';
export type {
  JsonType,
  JsonSchema,
  TriageRoute,
  TriageCategory,
  TriageRequest,
  TriageResult,
  ThreadEntry,
  PromptAttachment,
  SummarizeRequest,
  SummarizeResult,
  ResolutionSummaryRequest,
  ResolutionSummaryResult,
  ImpactStatus,
  ImpactRequest,
  ImpactResult,
  SlaRiskBand,
  SlaRiskRequest,
  SlaRiskResult,
  InsightPhraseRequest,
  InsightPhraseResult,
  InsightPhrasingDraft,
  Engine,
  CaseMessage,
  CommentMessage,
  CaseResultStatus,
} from './schemas';
export {
  MAX_PROBLEMS,
  validate,
  parseAndValidate,
  validateTriageRequest,
  validateTriageResult,
  validateSummarizeRequest,
  validateSummarizeResult,
  validateResolutionSummaryRequest,
  validateResolutionSummaryResult,
  validateImpactRequest,
  validateSlaRiskRequest,
  validateSlaRiskResult,
  validateImpactResult,
  validateCaseMessageBatch,
  validateCommentMessageBatch,
  unpairedSurrogateAt,
} from './validate';

// prompts: untrusted text fenced as data
export { fence, triagePrompt, summarizePrompt, resolutionSummaryPrompt, impactPrompt, insightPhrasingPrompt } from './prompts';
export type { Prompt, PromptName } from './prompts';

// triage: policy and decision
export { DEFAULT_TRIAGE_POLICY, parseTriagePolicy, decideTriage, INCIDENT_CATEGORIES, triageCategoryToIncidentCategory } from './triage';
export type { TriagePolicy, TriageAction, TriageDecision, IncidentCategory, IncidentCategoryMapping } from './triage';

// slaRisk: the SLA-breach prediction on the seam (request, field text, once-per-crossing alert)
export { slaRiskRequestFor, formatSlaRisk, slaRiskView, decideSlaAlert, slaRiskWorkNote, SLA_RISK_LABEL, SLA_RISK_REARM_MARGIN, slaSweepAsOf, slaSweepIdempotencyKey, slaSweepQuery, nextSlaSweepCursor } from './slarisk';
export type { SlaRiskView, SlaAlertDecision } from './slarisk';

// sevalert: sev-1 on a high-value account (decision, account-team Task, Slack/Teams webhook bodies)
export { decideSev1Alert, sev1AccountTask, sev1ChatPayload, webhookOutcome, CHAT_FORMATS } from './sevalert';
export type { ChatFormat, Sev1Input, Sev1Decision } from './sevalert';

// panel: Salesforce side-panel display logic
export { toEpochMs, formatDuration, slaView, syncHealth } from './panel';
export type { SlaBadge, SlaView, SlaOptions, SyncHealthStatus, SyncHealthInput, SyncHealth } from './panel';

// attachments: which file crosses the seam, its origin tag, its text for prompts
export {
  DEFAULT_ATTACHMENT_POLICY,
  TEXT_ATTACHMENT_TYPES,
  fileExtension,
  tagAttachmentOrigin,
  parseAttachmentTag,
  attachmentOrigin,
  decideAttachment,
  parseAttachmentPolicy,
  base64ToBytes,
  bytesToBase64,
  contentSha256,
  utf8Decode,
  extractAttachmentText,
  attachmentTextForPrompt,
} from './attachments';
export type { AttachmentPolicy, AttachmentFile, AttachmentInput, AttachmentSkipReason, AttachmentDecision, ExtractedText } from './attachments';

// budget: the Salesforce API budget guard
export { DEFAULT_BUDGET_POLICY, parseLimitInfo, parseBudgetPolicy, budgetMode, budgetFor, usageDay } from './budget';
export type { ApiUsage, BudgetPolicy, BudgetMode, TrafficClass, BudgetDecision } from './budget';

// credential: token lifecycle verdicts
export { credentialVerdict, credentialAlert } from './credential';
export type { CredentialVerdict } from './credential';

// reconcile: the drift sweep's decision
export { RECONCILE_CHUNK, CASE_SYNC_STATUS_FIELD, reconciledMappings, reconcileCaseFields, chunk, reconcileQuery, decideDrift } from './reconcile';
export type { DriftCause, DriftField, DriftInput, DriftDecision } from './reconcile';

// receipts: which pushed Incident_Update__e events Salesforce confirmed, which to republish
export { MAX_REPUBLISHES, RECEIPT_CHUNK, CONFIRMING_RESULTS, decideReceipts, receiptQuery, republishEvent } from './receipts';
export type { AwaitingReceipt, ReceiptAudit, ReceiptVerdict, Republish } from './receipts';

// lost answers: a CaseComment/Task create whose answer was lost is looked for before it is sent again
export { LOOKUP_TYPES, LOOKUP_LIMIT, CLOCK_SKEW_MS, answerLost, lostAnswerQueries, matchLostCreates } from './lostanswer';
export type { LostCreate, LostAnswerQuery, LostAnswerVerdict } from './lostanswer';

// knowledge: cited answers from both knowledge bases, the relevance threshold, knowledge gaps
export {
  KNOWLEDGE_PLATFORMS,
  KNOWLEDGE_KINDS,
  KNOWLEDGE_QUESTION_MAX,
  KNOWLEDGE_K_DEFAULT,
  KNOWLEDGE_K_MAX,
  KNOWLEDGE_SENTENCES_MAX,
  KNOWLEDGE_SENTENCE_MAX,
  KNOWLEDGE_ANSWER_MAX,
  KNOWLEDGE_DOC_BODY_MAX,
  KNOWLEDGE_ANSWER_REQUEST_SCHEMA,
  KNOWLEDGE_ANSWER_RESULT_SCHEMA,
  KNOWLEDGE_DRAFT_SCHEMA,
  KNOWLEDGE_SEARCH_REQUEST_SCHEMA,
  KNOWLEDGE_DOCUMENTS_REQUEST_SCHEMA,
  KNOWLEDGE_GAPS_REQUEST_SCHEMA,
  KNOWLEDGE_GAPS_RESULT_SCHEMA,
  KNOWLEDGE_SCHEMAS,
  DEFAULT_KNOWLEDGE_POLICY,
  DEFAULT_GAP_POLICY,
  knowledgeQuestion,
  knowledgeTerms,
  passageRelevance,
  passageRelevanceOf,
  rankPassages,
  decideConfidence,
  relevanceFloor,
  splitSentences,
  extractiveDraft,
  groundDraft,
  knowledgeSuggestions,
  answerText,
  composeKnowledgeAnswer,
  knowledgeAnswerPrompt,
  suggestionNote,
  groupKnowledgeGaps,
  caseSummaryDocId,
  caseSummaryDocument,
  knowledgeAnswerNote,
} from './knowledge';
export type {
  KnowledgePlatform,
  KnowledgeKind,
  KnowledgePassage,
  KnowledgeAnswerRequest,
  KnowledgeCitation,
  KnowledgeSentence,
  KnowledgeSuggestion,
  KnowledgeAnswer,
  KnowledgeDocumentInput,
  KnowledgeDocumentsRequest,
  KnowledgeDraft,
  KnowledgeQuestion,
  KnowledgePolicy,
  KnowledgeSearchMode,
  RankedPassage,
  ConfidenceDecision,
  ComposeInput,
  KnowledgePrompt,
  GapCandidate,
  KnowledgeGap,
  GapPolicy,
  ResolvedRecord,
} from './knowledge';
// metrics: routing metrics from the link, audit, review and outbox rows
export { CONFIDENCE_BUCKETS, computeRoutingMetrics, percentile, outboundCallId, triageOutcomeOf, isTriageCall } from './metrics';
export type { MetricsAuditRow, MetricsLinkRow, MetricsReviewRow, MetricsOutboxRow, MetricsInput, RoutingMetrics, ConfidenceHistogram } from './metrics';

// monitor: triage confidence drift and new, unhandled issue types (alert once per episode)
export { DEFAULT_DRIFT_SETTINGS, NO_EPISODES, windowStats, evaluateTriageDrift, parseDriftSettings } from './monitor';
export type { TriageSample, DriftSettings, DriftSignal, DriftEpisodes, WindowStats, DriftAlert, DriftEvaluation } from './monitor';

// accuracy: weekly accuracy reviews (reproducible sample, Wilson interval)
export { wilsonInterval, sampleForReview, isoWeek, weeklyAccuracy } from './accuracy';
export type { WilsonInterval, AccuracyVerdictRow, WeeklyAccuracy } from './accuracy';

// insights: deterministic cross-platform aggregates (an LLM may only rephrase them)
export { DEFAULT_INSIGHT_OPTIONS, INSIGHT_IDS, crossPlatformInsights } from './insights';
export type { InsightCase, InsightIncident, Insight, InsightId, InsightOptions } from './insights';
export { checkInsightPhrasing, choosePhrasing, insightNumbers } from './phrasing';
export type { PhrasingCheck, PhrasedInsight } from './phrasing';

// customer: Salesforce customer context for IT agents (one SOQL query, cache freshness, the message)
export { customerTarget, customerContextSoql, parseCustomerContext, isContextFresh, formatCustomerContext, OPEN_CASES_LIMIT, LATEST_CASES_SHOWN, ENTITLEMENTS_LIMIT } from './customer';
export type { CustomerContext, CustomerEntitlement, CustomerCase, CustomerTarget, TargetProblem } from './customer';

// escalation: tier-3 escalation of a case to a ServiceNow problem (policy, routing, one problem per case, masked context)
export {
  ESCALATION_REQUEST_SCHEMA,
  ESCALATION_RESULT_SCHEMA,
  DEFAULT_ESCALATION_POLICY,
  DEFAULT_ENGINEERING_ROUTING,
  escalationPrompt,
  parseEscalationPolicy,
  decideEscalation,
  parseEngineeringRouting,
  engineeringGroupFor,
  problemIdempotencyKey,
  problemContext,
  escalationStatusText,
} from './escalation';
export type {
  EscalationRequest,
  EscalationResult,
  EscalationPolicy,
  EscalationTrigger,
  EscalationAction,
  EscalationInput,
  EscalationDecision,
  EngineeringRouting,
  ProblemContextInput,
  ProblemContext,
} from './escalation';
