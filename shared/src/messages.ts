/**
 * Between the wire formats of docs/contracts.md and the decision's plain objects. The adapters
 * call these so that no adapter re-invents an encoding: Salesforce sends its own fields
 * untransformed (CaseMessage); ServiceNow sends transformed Case values (Incident_Update__e).
 */
import { newLink } from './decision';
import type { InboundMessage, LinkState, OutboundDecision } from './decision';
import { hashValue } from './hash';
import type { JournalEntry } from './journal';
import type { CaseMessage, CommentMessage } from './schemas';
import { err, ok } from './types';
import type { FieldProblem, FieldValue, Result } from './types';

/** A validated CaseMessage (see `validateCaseMessageBatch`) as the decision reads it. */
export function caseMessageToInbound(m: CaseMessage): InboundMessage {
  return {
    messageId: m.messageId,
    idempotencyKey: m.idempotencyKey,
    origin: 'salesforce',
    version: m.version,
    names: 'sender',
    fields: m.fields,
    caseId: m.caseId,
  };
}

/** A validated CommentMessage as a journal entry for `applyInboundJournal`. */
export function commentMessageToEntry(m: CommentMessage): JournalEntry {
  return { id: m.commentId, body: m.body, author: m.author, createdAt: m.createdAt, origin: 'salesforce' };
}

export interface CaseMessageContext {
  readonly messageId: string;
  readonly caseId: string;
  readonly caseNumber: string;
  /** ISO-8601 UTC, passed in: shared/ has no clock. */
  readonly sentAt: string;
  readonly contactName?: string;
}

/** The CaseMessage a Salesforce-side decision becomes (Apex builds the same; the twins use this). */
export function toCaseMessage(d: OutboundDecision, c: CaseMessageContext): CaseMessage | null {
  if (!d.send || d.idempotencyKey === null) return null;
  const base = {
    messageId: c.messageId,
    idempotencyKey: d.idempotencyKey,
    caseId: c.caseId,
    caseNumber: c.caseNumber,
    version: d.version,
    sentAt: c.sentAt,
    origin: 'salesforce' as const,
    fields: d.sourceValues,
  };
  return c.contactName === undefined ? base : { ...base, contactName: c.contactName };
}

/** Platform Event `Incident_Update__e`, field for field. */
export interface IncidentUpdateEvent {
  readonly Message_Id__c: string;
  readonly Idempotency_Key__c: string;
  readonly Case_Id__c: string;
  readonly Incident_Sys_Id__c: string;
  readonly Correlation_Id__c: string;
  readonly Link_Version__c: number;
  readonly Origin__c: 'servicenow';
  /** `{ "<Case API name>": value }`, already transformed. */
  readonly Fields_Json__c: string;
  /** `[{ id, body, author, createdAt, origin }]`. */
  readonly Comments_Json__c: string;
  readonly Sent_At__c: string;
}

export interface IncidentUpdateContext {
  readonly messageId: string;
  readonly caseId: string;
  readonly incidentSysId: string;
  readonly correlationId: string;
  readonly sentAt: string;
}

/** The Platform Event a ServiceNow-side decision becomes. */
export function toIncidentUpdateEvent(d: OutboundDecision, c: IncidentUpdateContext): IncidentUpdateEvent | null {
  if (!d.send || d.idempotencyKey === null) return null;
  return {
    Message_Id__c: c.messageId,
    Idempotency_Key__c: d.idempotencyKey,
    Case_Id__c: c.caseId,
    Incident_Sys_Id__c: c.incidentSysId,
    Correlation_Id__c: c.correlationId,
    Link_Version__c: d.version,
    Origin__c: 'servicenow',
    Fields_Json__c: JSON.stringify(d.peerValues),
    Comments_Json__c: JSON.stringify(d.journal),
    Sent_At__c: c.sentAt,
  };
}

const isScalar = (v: unknown): v is FieldValue =>
  v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

function parseJson(field: string, text: unknown): Result<unknown> {
  if (typeof text !== 'string' || text === '') return ok(undefined);
  try {
    return ok(JSON.parse(text));
  } catch (e) {
    return err({ field, problem: `is not valid JSON: ${(e as Error).message}`, fix: `send ${field} as JSON text` });
  }
}

/** Reads an `Incident_Update__e` (as received, e.g. by the Salesforce twin) into an inbound message. */
export function incidentUpdateToInbound(e: IncidentUpdateEvent): Result<InboundMessage, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const fieldsJson = parseJson('Fields_Json__c', e.Fields_Json__c);
  const commentsJson = parseJson('Comments_Json__c', e.Comments_Json__c);
  const fields: Record<string, FieldValue> = {};
  if (!fieldsJson.ok) problems.push(fieldsJson.error);
  else if (fieldsJson.value !== undefined) {
    const v = fieldsJson.value;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problems.push({ field: 'Fields_Json__c', problem: 'is not a JSON object', fix: 'send { "<Case API name>": value }' });
    } else {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (isScalar(x)) fields[k] = x;
        else problems.push({ field: `Fields_Json__c.${k}`, problem: 'is not a JSON scalar', fix: 'send text, number, boolean or null' });
      }
    }
  }
  const journal: JournalEntry[] = [];
  if (!commentsJson.ok) problems.push(commentsJson.error);
  else if (commentsJson.value !== undefined) {
    const v = commentsJson.value;
    if (!Array.isArray(v)) problems.push({ field: 'Comments_Json__c', problem: 'is not a JSON array', fix: 'send [{ id, body, author, createdAt }]' });
    else {
      v.forEach((c: unknown, i) => {
        const o = (c ?? {}) as Record<string, unknown>;
        if (typeof o.id === 'string' && typeof o.body === 'string' && typeof o.author === 'string' && typeof o.createdAt === 'string') {
          journal.push({ id: o.id, body: o.body, author: o.author, createdAt: o.createdAt, origin: 'servicenow' });
        } else {
          problems.push({ field: `Comments_Json__c[${i}]`, problem: 'lacks id, body, author or createdAt as text', fix: 'send { id, body, author, createdAt } per entry' });
        }
      });
    }
  }
  if (problems.length > 0) return err(problems);
  return ok({
    messageId: e.Message_Id__c,
    idempotencyKey: e.Idempotency_Key__c,
    origin: e.Origin__c,
    version: e.Link_Version__c,
    names: 'receiver',
    fields,
    journal,
    caseId: e.Case_Id__c,
    incidentSysId: e.Incident_Sys_Id__c,
  });
}

// ---- link state storage --------------------------------------------------------------------

/** The link state as JSON for a text column (x_seam_bridge_link.state, Case.Seam_Link_State__c). */
export const linkToJson = (link: LinkState): string => JSON.stringify(link);

/**
 * Reads a stored link state back. A tampered or truncated snapshot is an error, not a silent
 * reset: a reset would resend every field.
 */
export function linkFromJson(text: string | null | undefined): Result<LinkState> {
  if (text === null || text === undefined || text === '') return ok(newLink());
  const fix = 'repair or delete the stored link state; a deleted state resends every owned field once';
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return err({ field: 'link.state', problem: `is not valid JSON: ${(e as Error).message}`, fix });
  }
  const o = (v ?? {}) as Record<string, unknown>;
  const versions = (o.versions ?? {}) as Record<string, unknown>;
  const lastKeys = (o.lastKeys ?? {}) as Record<string, unknown>;
  const snapshot = o.snapshot as Record<string, unknown> | undefined;
  const idOrNull = (x: unknown): boolean => x === null || typeof x === 'string';
  const shapeOk =
    typeof v === 'object' && v !== null && !Array.isArray(v) &&
    idOrNull(o.correlationId) && idOrNull(o.caseId) && idOrNull(o.incidentSysId) &&
    Number.isSafeInteger(versions.salesforce) && Number.isSafeInteger(versions.servicenow) &&
    idOrNull(lastKeys.salesforce) && idOrNull(lastKeys.servicenow) &&
    typeof snapshot === 'object' && snapshot !== null && !Array.isArray(snapshot) && Object.values(snapshot).every(isScalar) &&
    typeof o.snapshotHash === 'string' &&
    Array.isArray(o.journalIds) && (o.journalIds as unknown[]).every((x) => typeof x === 'string');
  if (!shapeOk) return err({ field: 'link.state', problem: 'does not have the shape of a LinkState', fix });
  if (hashValue(snapshot) !== o.snapshotHash) {
    return err({ field: 'link.state.snapshotHash', problem: 'does not match the snapshot', fix });
  }
  return ok(v as LinkState);
}
