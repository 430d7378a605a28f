// Hand-written declarations for the plain-JS twin, so TypeScript tests and the sandbox get types.
export interface FieldMappingRecord {
  DeveloperName: string; Key__c: string; Owner__c: string; Direction__c: string;
  Salesforce_Object__c: string | null; Salesforce_Field__c: string | null;
  Kind__c?: string | null; Conflict__c?: string | null; Transform__c?: string | null; ServiceNow_Table__c?: string | null; ServiceNow_Field__c?: string | null;
}
export type Scalar = string | number | boolean | null;
export interface PlatformEvent { replayId: number; type: string; payload: Record<string, Scalar> }
export interface CaseMessage {
  messageId: string; idempotencyKey: string; caseId: string; caseNumber: string; version: number; sentAt: string;
  origin: 'salesforce'; fields: Record<string, Scalar>; contactName?: string;
}
export interface CommentMessage { messageId: string; idempotencyKey: string; caseId: string; commentId: string; body: string; author: string; createdAt: string; origin: 'salesforce' }
export interface AttachmentMessage {
  messageId: string; caseId: string; contentVersionId: string; fileName: string; contentType: string; sizeBytes: number; sha256: string;
  description: string; versionData: string; origin: 'salesforce';
}
export type OutboundItem = { kind: 'case'; message: CaseMessage } | { kind: 'comment'; message: CommentMessage } | { kind: 'attachment'; message: AttachmentMessage };
export interface FaultSpec { status?: number; retryAfter?: number; delayMs?: number; times?: number; drop?: boolean; dropAfter?: boolean; body?: unknown; path?: string | RegExp }
export interface TwinStore {
  readonly state: { records: Record<string, Record<string, Record<string, Scalar>>>; events: PlatformEvent[]; outbound: OutboundItem[]; apiUsage: number; [k: string]: unknown };
  all(type: string): Array<Record<string, Scalar>>;
  byId(id: string): { type: string; record: Record<string, Scalar> } | null;
  save(file: string): void;
  load(file: string): void;
}
export interface SalesforceTwinOptions {
  port?: number; host?: string; store?: TwinStore | object; clientId?: string; clientSecret?: string; apiLimit?: number;
  packageDir?: string; metadataDir?: string; stateFile?: string; serviceNowUrl?: string | null; sessionTimeoutMs?: number; mappings?: FieldMappingRecord[]; onOutbound?: (item: OutboundItem) => void; now?: () => number;
  /** The permission set whose field permissions the API user has (e.g. 'Seam_Integration', as the sandbox uses); default none. */
  fieldSecurity?: string | string[] | null;
  /** The Incident_Update__e trigger's batch size (PlatformEventSubscriberConfig.batchSize), 1–2000; default 2000. */
  eventBatchSize?: number;
  /** Organization-wide defaults of standard objects for named users' queries (sessionFor), e.g. { Case: 'Private' }; default ReadWrite. */
  orgSharing?: Record<string, string>;
  /** Who the Incident_Update__e trigger runs as: 'integration' (default, the recommended subscriber config) or 'automated_process' (no config; the integration user's queries then get its sets' record sharing). */
  subscriberRunsAs?: 'integration' | 'automated_process';
}
/** One invocation of SeamIncidentUpdateTrigger by the event bus. */
export interface TriggerBatch { replayIds: number[]; checkpoint: number | null; outcome: 'completed' | 'limit_exception' | 'retry'; error?: string; retries: number }
/** The event bus's side of the platform-event trigger: batches, resume after the checkpoint. */
export interface EventBus {
  readonly batchSize: number;
  pause(): void;
  resume(): void;
  readonly pending: number;
  /** Events the platform gave up on: the trigger died (uncaught exception) before any checkpoint. */
  readonly dropped: PlatformEvent[];
  readonly batches: TriggerBatch[];
  /** The next `times` saves of the chunk holding this event throw System.LimitException. */
  limitExceptionAt(spec: { messageId: string; times?: number }): void;
  /** The next `times` saves of the chunk holding this event find its Case row locked: EventBus.RetryableException while retries are left. */
  lockedAt(spec: { messageId: string; times?: number }): void;
  /** Retried more than nine times: the subscription stopped. */
  readonly errorState: boolean;
}
export const CHUNK_SIZE: number;
/** SeamIncidentUpdateHandler.FIRST_CHUNK_SIZE (1) and MAX_RETRIES (8); the platform's nine retries. */
export const FIRST_CHUNK_SIZE: number;
export const MAX_RETRIES: number;
export const PLATFORM_MAX_RETRIES: number;
export const MAX_BATCH_SIZE: number;
export interface SalesforceTwin {
  readonly url: string; readonly port: number; readonly store: TwinStore; readonly clientId: string; readonly clientSecret: string;
  events: { subscribe(fn: (e: PlatformEvent) => void): () => void; list(afterReplayId?: number): PlatformEvent[] };
  readonly subscriber: EventBus;
  readonly outbound: OutboundItem[];
  drainOutbound(): OutboundItem[];
  onOutbound(fn: (item: OutboundItem) => void): () => void;
  /** The package's SeamOutboxDispatcher, once: `send` delivers `{ messages }` to ServiceNow and returns its answer. */
  /** Cases go to `path` /v1/cases, comments (Seam_Outbox__c kind comment) to /v1/comments, one call per kind. */
  /** One Apex transaction: the callouts share 120 s, each gets min(60 s, what is left) as `timeoutMs`; an answer later than that is a CalloutException (retry). */
  /** `deferred`: kinds left untouched for the next run (under 10 s of callout time left); `calloutMsUsed` starts the transaction part-used (tests). */
  dispatchOutbox(send: (request: { messages: Array<Record<string, unknown>>; path: '/v1/cases' | '/v1/comments'; timeoutMs: number }) => Promise<{ status: number; body: unknown }>, options?: { calloutMsUsed?: number }): Promise<{ attempted: number; sent: number; retried: number; deadLettered: number; comments: number; deferred: number }>;
  /** The dispatcher's file step: due attachment rows, one `send` (POST /v1/attachments) each, each file job its own transaction (120 s timeout). */
  dispatchFiles(send: (request: { messages: Array<Record<string, unknown>>; timeoutMs: number }) => Promise<{ status: number; body: unknown }>): Promise<{ attempted: number; sent: number; retried: number; deadLettered: number; died: number }>;
  /** SeamChangesPoller: one run of the polling fallback through the caller's GET /v1/changes. */
  pullFiles(fetchFile: (request: { sysAttachment: string; timeoutMs: number }) => Promise<{ status: number; bytes?: Buffer; body?: string }>): Promise<{ attempted: number; created: number; duplicate: number; retried: number; deadLettered: number; died: number }>;
  pollChanges(fetchPage: (request: { cursor: string; limit: number }) => Promise<{ status: number; body: any }>): Promise<{ pages: number; calls: number; applied: number; duplicate: number; stale: number; rejected: number; unreadable: string[]; cursor: string; lastResult: string | null; overlapped: number; failed: string | null }>;
  /** The Seam_Polling__c custom setting (org default). */
  readonly polling: { readonly setting: { enabled: boolean; cursor: string; lastResult: string | null; lastPolledAt: number | null }; configure(values: Partial<{ enabled: boolean; cursor: string }>): void; failNextPageAfter(n: number): void };
  apex: { SeamPanelController: { getLink(caseId: string): LinkView; escalate(caseId: string): LinkView; resync(caseId: string): LinkView } };
  faults: { next(spec: FaultSpec): void; fileJobLimitException(spec?: { times?: number }): void; clear(): void; readonly pending: number };
  issueToken(): { access_token: string; instance_url: string };
  /** Twin-only: a session for another user with these permission sets; its queries get object access and record sharing (sharing.js). */
  sessionFor(spec: { username: string; permissionSets?: string[] }): { access_token: string; instance_url: string; userId: string };
  revokeTokens(): void;
  expireTokens(): void;
  readonly apiUsage: number;
  save(file: string): void;
  load(file: string): void;
  close(): Promise<void>;
}
export function createSalesforceTwin(options?: SalesforceTwinOptions): Promise<SalesforceTwin>;
export function mappingsFromOwnership(ownership: ReadonlyArray<unknown>): FieldMappingRecord[];
export function normalizeId(value: unknown): string | null;
export function idSuffix(id15: string): string;
export function makeId(prefix: string, counter: number): string;
export function parseSoql(text: string, options?: { now?: number }): unknown;
export function executeSoql(text: string, ctx: unknown, options?: { now?: number }): { totalSize: number; records: Array<Record<string, unknown>> };
export function soqlQuote(value: string): string;
export const API_VERSION: string;
export class ApiError extends Error { status: number; errorCode: string; fields?: string[]; toBody(): unknown[] }
export const DEFAULT_METADATA_DIR: string;
export const DEFAULT_PACKAGE_DIR: string;
export function loadMappingRecords(dir?: string): FieldMappingRecord[] | null;
export function parseMappingRecord(developerName: string, xml: string): FieldMappingRecord;
export function loadSchema(options?: { packageDir?: string }): { objects: Map<string, { name: string; fields: Map<string, { name: string; type: string }> }>; sources: Record<string, 'package' | 'built-in'> };
export function parseFieldMeta(xml: string): { name: string; type: string; length?: number; required?: boolean } | null;
export function backoffMinutes(attempts: number): number;
export const MAX_ATTEMPTS: number;
export const FILE_BATCH_SIZE: number;
/** SeamAttachmentSender.maxInlineBytes() in a fresh file job: (12 MB heap − 1 MB margin) / 3.7. */
export const MAX_INLINE_BYTES: number;
export const MAX_PULL_BYTES: number;
export const HEAP_PER_PULLED_BYTE: number;
export const PULL_KIND: string;
export const ASYNC_HEAP_BYTES: number;
/** SeamOutboxDispatcher.BATCH_TIMEOUT_MS / MIN_CALLOUT_MS; SeamAttachmentSender's timeout. */
export const BATCH_TIMEOUT_MS: number;
export const MIN_CALLOUT_MS: number;
export const FILE_TIMEOUT_MS: number;
/** Apex: 120 s of callout time and 100 callouts per transaction. */
export const TRANSACTION_CALLOUT_MS: number;
export const MAX_CALLOUTS: number;
/** System.CalloutException (Read timed out, or the transaction's callout time exceeded). */
export class CalloutException extends Error {}
/** SeamPanelController.LinkView as Aura serialises it (datetimes ISO-8601 with Z). */
export interface LinkView {
  accessDenied: boolean; linked: boolean; caseId: string; incidentNumber?: string | null; incidentUrl?: string | null; incidentState?: string | null;
  incidentPriority?: string | null; assignee?: string | null; assignmentGroup?: string | null; slaDue?: string | null; resolvedAt?: string | null;
  latestUpdate?: string | null; aiSummary?: string | null; correlationId?: string | null; lastSync?: string | null; syncStatus?: string | null;
  lastError?: string | null; pending?: number; triageRoute?: string | null; triageConfidence?: number | null; escalatedAt?: string | null; slaRisk?: string | null;
}
