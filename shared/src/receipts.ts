/**
 * Receipts for pushed `Incident_Update__e` events: ServiceNow keeps every event it published until
 * Salesforce's audit shows the package's trigger processed it, and publishes it again otherwise.
 *
 * Why ServiceNow has to: a `System.LimitException` while the trigger saves the *first* event of a
 * delivery comes before any checkpoint, cannot be caught, and the platform does not resend that
 * batch (docs/platform-fidelity.md, issue 15 item 3). Nothing on the Salesforce side survives it,
 * so only the sender can notice the silence and repeat itself.
 *
 * The trigger audits every event with its `Message_Id__c` (applied, duplicate, stale, rejected, or
 * error when the Case could not be saved), in the same transaction as the event's Case and comment
 * writes: an audit row exists if and only if the event's work was saved. A republish keeps the
 * message id, and the trigger skips a message id that already has an `applied` audit, so whichever
 * copy lands second (the original delivered late, or the republish) changes nothing.
 */
import type { LinkState } from './decision';
import { OWNERSHIP } from './ownership';
import type { FieldMapping } from './ownership';
import { peerField } from './transforms';
import type { FieldValue } from './types';

/** Republishes of one event before it is dead-lettered (replayable like any dead letter). */
export const MAX_REPUBLISHES = 3;
/** Message ids per receipt query: one SOQL `IN (...)` for a batch of the outbox (≈ 9 kB of URL). */
export const RECEIPT_CHUNK = 200;

/**
 * Audit results that mean the trigger is done with the event. `stale` and `rejected` are final on
 * purpose: the same event would be stale or rejected again. `error` (the Case save failed after the
 * trigger's retries) is not: the event's work was not saved, so it is republished like a lost one.
 */
export const CONFIRMING_RESULTS: readonly string[] = ['applied', 'duplicate', 'stale', 'rejected'];

/** An outbox row sent long enough ago and not confirmed yet. */
export interface AwaitingReceipt {
  /** The outbox row (sys_id). */
  readonly id: string;
  readonly messageId: string;
  /** How often it was republished already. */
  readonly republishes: number;
}

/** One `Seam_Audit__c` row of the receipt query. */
export interface ReceiptAudit {
  readonly messageId: string;
  readonly result: string;
}

export type ReceiptVerdict =
  | { readonly action: 'confirm'; readonly id: string; readonly messageId: string; readonly result: string }
  | { readonly action: 'republish'; readonly id: string; readonly messageId: string; readonly republish: number; readonly reason: string }
  | { readonly action: 'dead_letter'; readonly id: string; readonly messageId: string; readonly reason: string };

/** Which audit result names the confirmation when a message has several (an original and its republish). */
const PREFERENCE = ['applied', 'duplicate', 'stale', 'rejected'];

/**
 * Per awaiting row: confirmed by a final audit, republished when Salesforce shows none (or only
 * `error`), dead-lettered after `maxRepublishes` republishes went unanswered.
 */
export function decideReceipts(rows: readonly AwaitingReceipt[], audits: readonly ReceiptAudit[], maxRepublishes: number = MAX_REPUBLISHES): ReceiptVerdict[] {
  const seen: Record<string, string[]> = {};
  for (const a of audits) {
    if (!a || typeof a.messageId !== 'string') continue;
    (seen[a.messageId] = seen[a.messageId] ?? []).push(String(a.result));
  }
  return rows.map((row): ReceiptVerdict => {
    const results = seen[row.messageId] ?? [];
    const final = PREFERENCE.find((r) => results.indexOf(r) >= 0);
    if (final) return { action: 'confirm', id: row.id, messageId: row.messageId, result: final };
    const why = results.length === 0
      ? 'Salesforce has no audit of this event (the trigger never saved it: a delivery dropped by a limit exception, or an event not delivered yet)'
      : `Salesforce audited it only as ${results.filter((r, i) => results.indexOf(r) === i).join(', ')} (not saved)`;
    const done = Math.max(0, Math.floor(row.republishes) || 0);
    if (done >= maxRepublishes) {
      return {
        action: 'dead_letter',
        id: row.id,
        messageId: row.messageId,
        reason: `no receipt after ${done} republish(es): ${why}. Fix: check the Incident_Update__e trigger's subscription in Salesforce (Setup > Platform Events > Incident Update > Subscriptions: Running, not Error) and that the integration user can read the Seam_Audit__c rows the trigger writes (run the trigger as the integration user, or grant View All on Seam_Audit__c); then Replay`,
      };
    }
    return { action: 'republish', id: row.id, messageId: row.messageId, republish: done + 1, reason: `${why}; republished (${done + 1} of ${maxRepublishes})` };
  });
}

const MESSAGE_ID = /^[A-Za-z0-9_.:#-]{1,64}$/;

/** The one SOQL of a receipt batch: the trigger's audits of these message ids. Throws on a bug (too many, or not a message id). */
export function receiptQuery(messageIds: readonly string[]): string {
  if (messageIds.length === 0 || messageIds.length > RECEIPT_CHUNK) {
    throw new RangeError(`receiptQuery: ${messageIds.length} message ids; one query takes 1 to ${RECEIPT_CHUNK}`);
  }
  for (const id of messageIds) {
    if (typeof id !== 'string' || !MESSAGE_ID.test(id)) throw new TypeError(`receiptQuery: ${JSON.stringify(id)} is not a message id`);
  }
  const list = messageIds.filter((id, i) => messageIds.indexOf(id) === i).map((id) => `'${id}'`).join(', ');
  // Rows per message stay few (an original, its republishes, a replay), so the first page of 2,000 holds them.
  return `SELECT Message_Id__c, Result__c FROM Seam_Audit__c WHERE Direction__c = 'sn_to_sf' AND Message_Id__c IN (${list}) LIMIT 2000`;
}

/** ServiceNow-owned Case fields by API name (what `Fields_Json__c` carries). */
const BY_CASE_FIELD: Readonly<Record<string, FieldMapping>> = (() => {
  const out: Record<string, FieldMapping> = {};
  for (const m of OWNERSHIP) {
    const f = m.owner === 'servicenow' && m.salesforce !== null ? peerField(m) : null;
    if (f) out[f] = m;
  }
  return out;
})();

export interface Republish {
  /** The event to publish again: the same message id, a newer version, current values, the same comments. */
  readonly event: Readonly<Record<string, unknown>>;
  readonly version: number;
  /** The link with that version taken (store it with the row). */
  readonly link: LinkState;
  /** Fields whose value the link no longer knew (a rebuilt link): sent as the original had them. */
  readonly keptAsSent: readonly string[];
}

/**
 * The republish of an unconfirmed event. A republish must never put older values over newer Case
 * state, and must not be skipped for being old itself:
 * - **version**: a new one, one above the last the link sent. The original's version may be
 *   behind what the Case applied since (later events of the incident landed after the dropped
 *   batch), and the trigger skips a stale event whole, comments included. The drain sends an
 *   incident's updates in version order, so every update queued before this republish lands
 *   before it, and every later one carries a higher version still.
 * - **fields**: the fields the original carried, at the link snapshot's values: the value last
 *   decided for the Case copy, i.e. the newest ServiceNow has sent or queued, never the
 *   original's older one.
 * - **comments**: the original's, unchanged. They are not on the Case: no audit means the event's
 *   work was never saved (the audit is written in the same transaction). If the original still
 *   lands (delivered late), the copy that comes second finds the `applied` audit of the same
 *   message id and is skipped whole, so a comment lands once either way.
 * Everything else (ids, correlation, `Alert_Key__c`) is kept; `Sent_At__c` is the republish time.
 */
export function republishEvent(original: Readonly<Record<string, unknown>>, link: LinkState, sentAt: string): Republish {
  let fields: Record<string, unknown> = {};
  try {
    const parsed = typeof original.Fields_Json__c === 'string' && original.Fields_Json__c ? (JSON.parse(original.Fields_Json__c) as unknown) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fields = parsed as Record<string, unknown>;
  } catch {
    fields = {};
  }
  const current: Record<string, unknown> = {};
  const keptAsSent: string[] = [];
  for (const name of Object.keys(fields)) {
    const m = BY_CASE_FIELD[name];
    const known = m !== undefined && Object.prototype.hasOwnProperty.call(link.snapshot, m.key);
    if (known) current[name] = link.snapshot[(m as FieldMapping).key] as FieldValue;
    else {
      current[name] = fields[name];
      keptAsSent.push(name);
    }
  }
  const version = link.versions.servicenow + 1;
  const next: LinkState = { ...link, versions: { ...link.versions, servicenow: version } };
  return {
    event: { ...original, Link_Version__c: version, Fields_Json__c: JSON.stringify(current), Sent_At__c: sentAt },
    version,
    link: next,
    keptAsSent,
  };
}
