// @ts-check
/**
 * The twin's data: records by object, with the platform's field validation and the package's
 * trigger behaviour (outbound CaseMessage on Salesforce-owned changes; the Incident_Update__e
 * subscriber applying ServiceNow-owned fields). State is plain JSON so it can be saved and loaded.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ApiError } from './errors.js';
import { makeId, normalizeId } from './ids.js';
import { findObject } from './schema.js';

/**
 * @typedef {import('./types.js').Scalar} Scalar
 * @typedef {import('./types.js').SRecord} SRecord
 * @typedef {import('./schema.js').ObjectDef} ObjectDef
 * @typedef {import('./schema.js').FieldDef} FieldDef
 * @typedef {{ replayId: number, type: string, payload: SRecord }} PlatformEvent
 * @typedef {{ kind: 'case', message: CaseMessage } | { kind: 'comment', message: CommentMessage } | { kind: 'attachment', message: Record<string, unknown> }} OutboundItem
 * @typedef {{ messageId: string, idempotencyKey: string, caseId: string, caseNumber: string, version: number, sentAt: string,
 *   origin: 'salesforce', fields: Record<string, Scalar>, contactName?: string, escalate?: true, escalatedBy?: string, escalateToEngineering?: true }} CaseMessage
 * @typedef {{ messageId: string, idempotencyKey: string, caseId: string, commentId: string, body: string, author: string,
 *   createdAt: string, origin: 'salesforce' }} CommentMessage
 * @typedef {{ userId: string, userName: string, inbound?: boolean, after: Array<() => void>, recordAccess?: ReturnType<typeof import('./sharing.js').createRecordAccess> }} WriteContext
 *   `recordAccess`: a named user's object access and record sharing (queries only; sharing.js)
 *   `inbound`: the write is the Incident_Update__e subscriber's own, so the Case trigger must not echo it.
 *   `after`: effects that run when the enclosing transaction commits.
 */

export const INTEGRATION_USER_ID = makeId('005', 1);
export const INTEGRATION_USER_NAME = 'Seam Integration';

/** The platform's datetime format: `2026-11-23T11:12:00.000+0000`. @param {number} ms */
export const sfDateTime = (ms) => new Date(ms).toISOString().replace('Z', '+0000');

/** @param {string} s */
const parseDateTime = (s) => Date.parse(s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));

/** sha256-based message id, the same rule as shared `messageId(key)`. @param {string} key */
export const messageIdFor = (key) => `m-${createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 40)}`;

/**
 * The origin tag on a comment copied from the other side, in the format of shared `tagOrigin`
 * (`[Seam: from ServiceNow · Jane Doe]` on its own first line), so agents see where it came from
 * and the outbound path can recognise it. Already-tagged bodies are kept.
 * @param {{ body: string, author?: string, origin?: string }} c
 */
export const taggedCommentBody = (c) => {
  if (/^\[Seam: from (Salesforce|ServiceNow) · [^\]\n]*\]\n/.test(c.body)) return c.body;
  const author = (c.author ?? '').replace(/[\]\r\n]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'unknown';
  return `[Seam: from ${c.origin === 'salesforce' ? 'Salesforce' : 'ServiceNow'} · ${author}]\n${c.body}`;
};

/** The one user of the twin's org, so `Owner.Name` and `CreatedBy.Name` resolve. @param {State} state */
function ensureUser(state) {
  const users = (state.records.User ??= {});
  if (!users[INTEGRATION_USER_ID]) {
    const ts = sfDateTime(Date.parse('2026-01-01T00:00:00Z'));
    users[INTEGRATION_USER_ID] = { Id: INTEGRATION_USER_ID, IsDeleted: false, Name: INTEGRATION_USER_NAME, Username: 'seam-integration@twin.invalid',
      CreatedDate: ts, CreatedById: INTEGRATION_USER_ID, LastModifiedDate: ts, LastModifiedById: INTEGRATION_USER_ID, SystemModstamp: ts };
  }
  return state;
}

/** @returns {State} */
export function emptyState() {
  return ensureUser({
    format: 'seam-salesforce-twin/1',
    records: {},
    counters: {},
    nextCaseNumber: 1000,
    nextReplayId: 1,
    events: [],
    outbound: [],
    tokens: {},
    apiUsage: 0,
  });
}

/**
 * @typedef {object} State
 * @property {string} format
 * @property {Record<string, Record<string, SRecord>>} records
 * @property {Record<string, number>} counters
 * @property {number} nextCaseNumber
 * @property {number} nextReplayId
 * @property {PlatformEvent[]} events
 * @property {OutboundItem[]} outbound
 * @property {Record<string, { clientId: string, issuedAt: number, expired?: boolean, userId?: string, permissionSets?: string[] }>} tokens
 * @property {number} apiUsage
 */

/**
 * @param {{ objects: Map<string, ObjectDef>, ownership: ReturnType<typeof import('./mapping.js').ownershipIndex>, state?: State, now?: () => number, eventRetention?: number }} options
 */
export function createStore(options) {
  const { objects, ownership } = options;
  const now = options.now ?? Date.now;
  let state = options.state ? ensureUser({ ...emptyState(), ...options.state }) : emptyState();
  /** @type {Set<(e: PlatformEvent) => void>} */
  const eventListeners = new Set();
  /** @type {Set<(item: OutboundItem) => void>} */
  const outboundListeners = new Set();
  const eventRetention = options.eventRetention ?? 10_000;
  /**
   * A listener's failure is the listener's bug: it must not stop delivery to the others or the
   * package's own subscriber.
   * @template T @param {(x: T) => void} fn @param {T} value @param {string} what
   */
  const notify = (fn, value, what) => {
    try { fn(value); } catch (e) { console.error(`Salesforce twin: a ${what} listener threw; fix the listener:`, e); }
  };
  /** Publish-call id → EventUuid, for the OPERATION_ENQUEUED entry of the SaveResult. @type {Map<string, string>} */
  const eventUuids = new Map();

  /** @param {string} type */
  const table = (type) => (state.records[type] ??= {});
  /** @param {string} type @returns {SRecord[]} */
  const all = (type) => Object.values(state.records[type] ?? {});
  /** @param {string} prefix */
  const nextId = (prefix) => makeId(prefix, (state.counters[prefix] = (state.counters[prefix] ?? 0) + 1));

  /** The API user's field-level security (set by the twin from a permission set); default: everything. @type {(object: string, field: string) => 'edit' | 'read' | 'none'} */
  let fieldAccess = () => 'edit';

  /** Undo entries of the open transactions, innermost last. @type {Array<Array<() => void>>} */
  const frames = [];
  /**
   * Every record write goes through here so an open transaction can undo it. Records are
   * replaced, never mutated in place, so keeping the previous object is enough.
   * @param {string} type @param {string} id @param {SRecord | undefined} rec `undefined` deletes
   */
  function putRecord(type, id, rec) {
    const t = table(type);
    const prev = t[id];
    if (frames.length > 0) frames[frames.length - 1].push(() => { if (prev === undefined) delete t[id]; else t[id] = prev; });
    if (rec === undefined) delete t[id]; else t[id] = rec;
  }

  /** @param {string} name */
  const objectOf = (name) => {
    const o = findObject(objects, name);
    if (!o) throw new ApiError(404, 'NOT_FOUND', `The requested resource does not exist`);
    return o;
  };

  /**
   * @param {string} id
   * @returns {{ type: string, record: SRecord } | null}
   */
  function byId(id) {
    const norm = normalizeId(id);
    if (!norm) return null;
    for (const o of objects.values()) {
      if (o.keyPrefix !== norm.slice(0, 3)) continue;
      const r = state.records[o.name]?.[norm];
      if (r) return { type: o.name, record: r };
    }
    return null;
  }

  /**
   * Checks and converts one value to its stored form.
   * @param {ObjectDef} object @param {FieldDef} field @param {unknown} raw
   * @returns {Scalar}
   */
  function coerceValue(object, field, raw) {
    const bad = () => new ApiError(400, 'INVALID_TYPE_ON_FIELD_IN_RECORD', `${field.label}: value not of required type: ${typeof raw === 'object' ? JSON.stringify(raw) : String(raw)}`, [field.name]);
    if (raw === null || raw === '') return field.type === 'boolean' ? false : null;
    if (typeof raw === 'object') throw bad();
    switch (field.type) {
      case 'string': case 'textarea': case 'email': case 'phone': case 'url': case 'picklist': {
        const s = String(raw);
        if (field.length && s.length > field.length) {
          throw new ApiError(400, 'STRING_TOO_LONG', `${field.label}: data value too large: ${s.slice(0, 40)}${s.length > 40 ? '...' : ''} (max length=${field.length})`, [field.name]);
        }
        if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s)) throw new ApiError(400, 'INVALID_EMAIL_ADDRESS', `${field.label}: invalid email address: ${s}`, [field.name]);
        if (field.type === 'picklist' && field.restricted && !(field.picklist ?? []).includes(s)) {
          throw new ApiError(400, 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${s}`, [field.name]);
        }
        return s;
      }
      case 'boolean':
        if (raw === true || raw === 'true') return true;
        if (raw === false || raw === 'false') return false;
        throw bad();
      case 'double': case 'currency': case 'percent': case 'int': {
        const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
        if (!Number.isFinite(n)) throw bad();
        const scale = field.scale ?? 0;
        const rounded = Math.round(n * 10 ** scale) / 10 ** scale;
        if (field.precision !== undefined && Math.abs(Math.trunc(rounded)).toString().length > field.precision - scale) {
          throw new ApiError(400, 'NUMBER_OUTSIDE_VALID_RANGE', `${field.label}: value outside of valid range on numeric field: ${n}`, [field.name]);
        }
        return rounded;
      }
      case 'datetime': {
        const ms = typeof raw === 'string' ? parseDateTime(raw) : NaN;
        if (!/^\d{4}-\d{2}-\d{2}T/.test(String(raw)) || Number.isNaN(ms)) throw bad();
        return sfDateTime(ms);
      }
      case 'date':
        if (typeof raw !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw bad();
        return raw;
      case 'base64': {
        const b = String(raw).replace(/\s+/g, '');
        if (typeof raw !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(b) || b.length % 4 !== 0) throw bad();
        return b;
      }
      case 'reference': case 'id': {
        const id = normalizeId(raw);
        const targets = (field.referenceTo ?? []).map((n) => findObject(objects, n));
        const modelled = targets.filter((t) => t !== undefined);
        if (!id) throw new ApiError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(raw)}`, [field.name]);
        // References to objects the twin does not model (Entitlement) are accepted when well formed.
        if (modelled.length === targets.length && modelled.length > 0) {
          if (!modelled.some((t) => t.keyPrefix === id.slice(0, 3))) throw new ApiError(400, 'MALFORMED_ID', `${field.label}: id value of incorrect type: ${String(raw)}`, [field.name]);
          if (!byId(id) && id !== INTEGRATION_USER_ID) throw new ApiError(400, 'INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
        }
        return id;
      }
      default:
        throw bad();
    }
  }

  /**
   * Validates a write body against the object's schema. Returns every problem, as the platform does.
   * @param {ObjectDef} object @param {Record<string, unknown>} body @param {'create' | 'update'} mode
   * @param {{ bypassAccess?: boolean }} [opts] the package's own writes may set fields the API user cannot
   * @returns {{ values: SRecord, errors: ApiError[] }}
   */
  function validate(object, body, mode, opts = {}) {
    /** @type {SRecord} */
    const values = {};
    /** @type {ApiError[]} */
    const errors = [];
    /** @type {string[]} */
    const readOnly = [];
    for (const [key, raw] of Object.entries(body)) {
      if (key === 'attributes') continue;
      const field = object.fields.get(key.toLowerCase());
      // Field-level security of the API user (fieldSecurity.js); the package's own Apex bypasses it.
      const access = field && !opts.bypassAccess ? fieldAccess(object.name, field.name) : 'edit';
      if (!field || access === 'none') { errors.push(new ApiError(400, 'INVALID_FIELD', `No such column '${key}' on sobject of type ${object.name}`, [key])); continue; }
      if (field.name === 'Id' && mode === 'update') continue;
      if (!opts.bypassAccess && (access === 'read' || !(mode === 'create' ? field.createable : field.updateable))) { readOnly.push(field.name); continue; }
      try {
        values[field.name] = coerceValue(object, field, raw);
      } catch (e) {
        if (e instanceof ApiError) errors.push(e); else throw e;
      }
    }
    if (readOnly.length > 0) {
      errors.push(new ApiError(400, 'INVALID_FIELD_FOR_INSERT_UPDATE', `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your user or client application.`, readOnly));
    }
    const missing = [...object.fields.values()]
      .filter((f) => f.required && (mode === 'create' ? values[f.name] === undefined || values[f.name] === null : f.name in values && values[f.name] === null))
      .map((f) => f.name);
    if (missing.length > 0) errors.push(new ApiError(400, 'REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing));
    return { values, errors };
  }

  /** @param {string} id */
  const recordUrl = (/** @type {string} */ type, id) => `/services/data/v62.0/sobjects/${type}/${id}`;

  /* ---- the package's Case trigger: outbound messages for Salesforce-owned changes ---------- */

  /** @param {SRecord} c @returns {Record<string, Scalar>} */
  function ownedSnapshot(c) {
    /** @type {Record<string, Scalar>} */
    const fields = {};
    const account = typeof c.AccountId === 'string' ? byId(c.AccountId)?.record : undefined;
    for (const o of ownership.outboundFields()) {
      if (o.object === 'Case') fields[o.key] = c[o.field] ?? null;
      else if (o.object === 'Account') fields[o.key] = account ? account[o.field] ?? null : null;
    }
    return fields;
  }

  /** @param {SRecord | null} before @param {SRecord} after */
  function ownedFieldsChanged(before, after) {
    if (!before) return true;
    return ownership.outboundFields().some((o) => o.object === 'Case' && (before[o.field] ?? null) !== (after[o.field] ?? null));
  }

  /** @param {OutboundItem} item @param {WriteContext} ctx */
  function enqueue(item, ctx) {
    ctx.after.push(() => {
      state.outbound.push(item);
      for (const fn of outboundListeners) notify(fn, item, 'onOutbound');
    });
  }

  /** @param {SRecord} c @param {WriteContext} ctx @param {string} [reason] `change`, `escalate` or `resync` (Seam_Outbox__c.Reason__c) */
  function enqueueCaseMessage(c, ctx, reason = 'change') {
    const version = Number(c.Seam_Local_Version__c);
    const key = `salesforce:${c.Id}:${version}`;
    const contact = typeof c.ContactId === 'string' ? byId(c.ContactId)?.record : undefined;
    /** @type {CaseMessage} */
    const message = {
      messageId: messageIdFor(key), idempotencyKey: key, caseId: String(c.Id), caseNumber: String(c.CaseNumber), version,
      sentAt: new Date(now()).toISOString(), origin: 'salesforce', fields: ownedSnapshot(c),
    };
    if (contact && contact.Name) message.contactName = String(contact.Name);
    // SeamOutbox.enqueueCases: a person's "Escalate to IT" overrides triage in ServiceNow.
    if (reason === 'escalate') Object.assign(message, { escalate: true, escalatedBy: String(ctx.userName).slice(0, 200) });
    // "Escalate to engineering": ServiceNow creates one problem for the case (tier 3).
    if (reason === 'engineering') Object.assign(message, { escalateToEngineering: true, escalatedBy: String(ctx.userName).slice(0, 200) });
    // SeamOutbox.enqueueCases: one Seam_Outbox__c row per case version, upserted on the key.
    const { sentAt, ...payload } = message;
    const row = { Case__c: c.Id, Kind__c: 'case', Status__c: 'Pending', Attempts__c: 0, Idempotency_Key__c: key, Message_Id__c: message.messageId,
      Version__c: version, Payload__c: JSON.stringify(payload), Reason__c: reason, Next_Attempt_At__c: null, Last_Error__c: null };
    const existing = all('Seam_Outbox__c').find((r) => r.Idempotency_Key__c === key);
    const seam = { ...ctx, inbound: true };
    if (existing) update('Seam_Outbox__c', String(existing.Id), row, seam); else create('Seam_Outbox__c', row, seam);
    enqueue({ kind: 'case', message }, ctx);
  }

  /**
   * A new ContentVersion: the platform derives size and extension and, for a first version, creates
   * its ContentDocument. @param {SRecord} rec @param {WriteContext} ctx
   */
  function fileVersionCreated(rec, ctx) {
    const bytes = Buffer.from(String(rec.VersionData ?? ''), 'base64');
    const path = String(rec.PathOnClient ?? '');
    rec.ContentSize = bytes.length;
    rec.FileExtension = path.lastIndexOf('.') > 0 ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : null;
    rec.IsLatest = true;
    if (!rec.ContentDocumentId) {
      const docId = nextId('069');
      const ts = sfDateTime(now());
      putRecord('ContentDocument', docId, { Id: docId, IsDeleted: false, CreatedDate: ts, LastModifiedDate: ts, SystemModstamp: ts, CreatedById: ctx.userId,
        LastModifiedById: ctx.userId, OwnerId: ctx.userId, Title: rec.Title ?? null, FileExtension: rec.FileExtension, ContentSize: rec.ContentSize, LatestPublishedVersionId: rec.Id });
      rec.ContentDocumentId = docId;
    } else {
      for (const v of all('ContentVersion').filter((x) => x.ContentDocumentId === rec.ContentDocumentId && x.IsLatest)) putRecord('ContentVersion', String(v.Id), { ...v, IsLatest: false });
      const doc = table('ContentDocument')[String(rec.ContentDocumentId)];
      if (doc) putRecord('ContentDocument', String(doc.Id), { ...doc, LatestPublishedVersionId: rec.Id, ContentSize: rec.ContentSize, Title: rec.Title ?? doc.Title });
    }
  }

  /** @param {string} docId @param {string} entityId @param {WriteContext} ctx */
  function linkFile(docId, entityId, ctx) {
    if (all('ContentDocumentLink').some((l) => l.ContentDocumentId === docId && l.LinkedEntityId === entityId)) return;
    const id = nextId('06A');
    const ts = sfDateTime(now());
    const link = { Id: id, IsDeleted: false, CreatedDate: ts, LastModifiedDate: ts, SystemModstamp: ts, CreatedById: ctx.userId, LastModifiedById: ctx.userId,
      ContentDocumentId: docId, LinkedEntityId: entityId, ShareType: 'V', Visibility: 'AllUsers' };
    putRecord('ContentDocumentLink', id, link);
    if (!ctx.inbound) fileShared(link, ctx);
  }

  /**
   * The package's SeamContentDocumentLinkTrigger: a file shared with a linked Case is queued for
   * ServiceNow unless its latest version's description carries the ServiceNow origin tag (our own
   * file coming back). @param {SRecord} link @param {WriteContext} ctx
   */
  function fileShared(link, ctx) {
    const caseRec = table('Case')[String(link.LinkedEntityId)];
    if (!caseRec || !caseRec.Seam_Incident_Sys_Id__c) return;
    const version = all('ContentVersion').find((v) => v.ContentDocumentId === link.ContentDocumentId && v.IsLatest)
      ?? table('ContentVersion')[String(table('ContentDocument')[String(link.ContentDocumentId)]?.LatestPublishedVersionId)];
    if (!version || /^[ \t]*\[Seam: from ServiceNow · /.test(String(version.Description ?? ''))) return;
    const bytes = Buffer.from(String(version.VersionData ?? ''), 'base64');
    const key = `salesforce:${version.Id}:file`;
    // SeamOutbox.enqueueFiles: one Seam_Outbox__c row per version and Case, holding a reference to
    // the ContentVersion (never the bytes); the dispatcher reads the bytes when it sends the row.
    const rowKey = `${key}:${caseRec.Id}`;
    if (!all('Seam_Outbox__c').some((r) => r.Idempotency_Key__c === rowKey)) {
      create('Seam_Outbox__c', { Case__c: caseRec.Id, Kind__c: 'attachment', Status__c: 'Pending', Attempts__c: 0, Idempotency_Key__c: rowKey,
        Message_Id__c: messageIdFor(key), Version__c: 1, Payload__c: JSON.stringify({ contentVersionId: String(version.Id), caseId: String(caseRec.Id) }),
        Reason__c: 'attachment', Next_Attempt_At__c: null, Last_Error__c: null }, { ...ctx, inbound: true });
    }
    enqueue({ kind: 'attachment', message: {
      messageId: messageIdFor(key), caseId: String(caseRec.Id), contentVersionId: String(version.Id), fileName: String(version.PathOnClient ?? version.Title),
      contentType: 'application/octet-stream', sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'),
      description: version.Description ?? '', versionData: bytes.toString('base64'), origin: 'salesforce',
    } }, ctx);
  }

  /**
   * The package's SeamCaseCommentTrigger + SeamOutbox.enqueueComments: a public comment that did not
   * come from ServiceNow, on a linked Case, becomes a Seam_Outbox__c row of kind `comment` holding the
   * CommentMessage; the dispatcher sends it to /v1/comments with retry, backoff and dead letter.
   * @param {SRecord} rec @param {WriteContext} ctx
   */
  function commentAdded(rec, ctx) {
    const body = String(rec.CommentBody ?? '');
    if (!rec.IsPublished || body.trim() === '' || body.startsWith('[Seam: from ServiceNow · ')) return;
    const caseRec = table('Case')[String(rec.ParentId)];
    if (!caseRec || !caseRec.Seam_Incident_Sys_Id__c) return; // ServiceNow has no incident to add it to
    const key = `salesforce:${rec.Id}:1:comment`;
    /** @type {CommentMessage} */
    const message = { messageId: messageIdFor(key), idempotencyKey: key, caseId: String(rec.ParentId), commentId: String(rec.Id),
      body, author: String(ctx.userName).slice(0, 200), createdAt: new Date(parseDateTime(String(rec.CreatedDate))).toISOString(), origin: 'salesforce' };
    if (!all('Seam_Outbox__c').some((r) => r.Idempotency_Key__c === key)) {
      create('Seam_Outbox__c', { Case__c: rec.ParentId, Kind__c: 'comment', Status__c: 'Pending', Attempts__c: 0, Idempotency_Key__c: key,
        Message_Id__c: message.messageId, Version__c: 1, Payload__c: JSON.stringify(message), Reason__c: 'comment', Next_Attempt_At__c: null, Last_Error__c: null },
      { ...ctx, inbound: true });
    }
    // For display (the console), like the case items: the outbox row above is what gets sent.
    enqueue({ kind: 'comment', message }, ctx);
  }

  /** Derived and defaulted fields, as the platform and the package's before-triggers set them. @param {ObjectDef} object @param {SRecord | null} before @param {SRecord} rec */
  function beforeWrite(object, before, rec) {
    const ts = sfDateTime(now());
    if (!before) {
      for (const f of object.fields.values()) if (f.defaultValue !== undefined && (rec[f.name] === undefined || rec[f.name] === null)) rec[f.name] = f.defaultValue;
    }
    rec.LastModifiedDate = ts;
    rec.SystemModstamp = ts;
    if (object.name === 'Case') {
      if (!before) rec.CaseNumber = String(state.nextCaseNumber++).padStart(8, '0');
      rec.IsClosed = rec.Status === 'Closed';
      rec.ClosedDate = rec.IsClosed ? (before && before.IsClosed ? before.ClosedDate : ts) : null;
    }
    if (object.name === 'Contact') rec.Name = [rec.FirstName, rec.LastName].filter((x) => x).join(' ');
    if (object.name === 'Knowledge__kav' && !before) {
      // The platform numbers the article and creates its Knowledge__ka; a new version keeps both.
      const n = state.counters[object.keyPrefix] ?? 1;
      rec.ArticleNumber ??= String(n).padStart(9, '0');
      rec.KnowledgeArticleId ??= makeId('kA0', n);
    }
    if (object.name === 'Seam_Audit__c' && !before) rec.Name = `AUD-${String(state.counters[object.keyPrefix]).padStart(6, '0')}`;
    if (object.name === 'Seam_Outbox__c' && !before) rec.Name = `OBX-${String(state.counters[object.keyPrefix]).padStart(6, '0')}`;
  }

  /**
   * Inserts a record; throws the list of problems as an ApiError array.
   * @param {string} type @param {Record<string, unknown>} body @param {WriteContext} ctx
   * @returns {string} the new id
   */
  function create(type, body, ctx) {
    const object = objectOf(type);
    if (object.isEvent) return publish(object, body, ctx);
    if (object.name === 'User') throw new ApiError(400, 'INVALID_TYPE_FOR_OPERATION', 'entity type User does not support insert in the Salesforce twin: its org has one integration user');
    const { values, errors } = validate(object, body, 'create', { bypassAccess: ctx.inbound });
    if (errors.length > 0) throw errors;
    const id = nextId(object.keyPrefix);
    const ts = sfDateTime(now());
    /** @type {SRecord} */
    const rec = { Id: id, IsDeleted: false, CreatedDate: ts, CreatedById: ctx.userId, LastModifiedById: ctx.userId, ...values };
    if (object.fields.has('ownerid') && !rec.OwnerId) rec.OwnerId = ctx.userId;
    beforeWrite(object, null, rec);
    if (object.name === 'Case' && !ctx.inbound) {
      rec.Seam_Local_Version__c = 1;
      rec.Seam_Sync_Status__c = 'Pending';
    }
    if (object.name === 'ContentVersion') fileVersionCreated(rec, ctx);
    putRecord(object.name, id, rec);
    if (object.name === 'ContentVersion' && rec.FirstPublishLocationId) {
      linkFile(String(rec.ContentDocumentId), String(rec.FirstPublishLocationId), ctx);
    }
    if (object.name === 'ContentDocumentLink' && !ctx.inbound) fileShared(rec, ctx);
    if (object.name === 'Case' && !ctx.inbound) enqueueCaseMessage(rec, ctx);
    if (object.name === 'CaseComment' && !ctx.inbound) commentAdded(rec, ctx);
    return id;
  }

  /**
   * @param {string} type @param {string} rawId
   * @returns {{ object: ObjectDef, record: SRecord }}
   */
  function mustGet(type, rawId) {
    const object = objectOf(type);
    const id = normalizeId(rawId);
    const record = id ? state.records[object.name]?.[id] : undefined;
    if (!record) throw new ApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return { object, record };
  }

  /**
   * @param {string} type @param {string} rawId @param {Record<string, unknown>} body @param {WriteContext} ctx
   */
  function update(type, rawId, body, ctx) {
    const { object, record } = mustGet(type, rawId);
    if (object.isEvent) throw new ApiError(400, 'INVALID_OPERATION', `${object.name}: platform event messages can only be published`);
    const { values, errors } = validate(object, body, 'update', { bypassAccess: ctx.inbound });
    if (errors.length > 0) throw errors;
    const before = { ...record };
    /** @type {SRecord} */
    const rec = { ...record, ...values, LastModifiedById: ctx.userId };
    beforeWrite(object, before, rec);
    const outbound = object.name === 'Case' && !ctx.inbound && ownedFieldsChanged(before, rec);
    if (outbound) {
      rec.Seam_Local_Version__c = Number(before.Seam_Local_Version__c ?? 0) + 1;
      rec.Seam_Sync_Status__c = 'Pending';
    }
    putRecord(object.name, String(record.Id), rec);
    if (outbound) enqueueCaseMessage(rec, ctx);
    return { before, after: rec };
  }

  /** @param {string} type @param {string} rawId */
  function remove(type, rawId) {
    const { object, record } = mustGet(type, rawId);
    putRecord(object.name, String(record.Id), undefined);
    // What points at the deleted record: comments and activities go with it, other lookups
    // (Case.AccountId, Seam_Audit__c.Case__c with deleteConstraint SetNull) are cleared.
    for (const child of objects.values()) {
      for (const f of child.fields.values()) {
        if (f.type !== 'reference' || !(f.referenceTo ?? []).includes(object.name) || f.name === 'CreatedById' || f.name === 'LastModifiedById') continue;
        for (const r of all(child.name)) {
          if (r[f.name] !== record.Id) continue;
          if (child.name === 'CaseComment' || child.name === 'Task') putRecord(child.name, String(r.Id), undefined);
          else putRecord(child.name, String(r.Id), { ...r, [f.name]: null });
        }
      }
    }
  }

  /* ---- Platform Events ---------------------------------------------------------------- */

  /**
   * Publishes an event; it is delivered (replay id, subscribers, the package's subscriber) when
   * the enclosing transaction commits, as with "Publish After Commit".
   * @param {ObjectDef} object @param {Record<string, unknown>} body @param {WriteContext} ctx
   */
  function publish(object, body, ctx) {
    const { values, errors } = validate(object, body, 'create');
    if (errors.length > 0) throw errors;
    const id = nextId(object.keyPrefix);
    const uuid = randomUUID();
    ctx.after.push(() => {
      /** @type {PlatformEvent} */
      const event = { replayId: state.nextReplayId++, type: object.name, payload: { ...values, EventUuid: uuid, CreatedDate: sfDateTime(now()), CreatedById: ctx.userId } };
      event.payload.ReplayId = String(event.replayId);
      state.events.push(event);
      // The platform keeps events for a while, not forever; so does the twin (see README).
      if (state.events.length > eventRetention) state.events.splice(0, state.events.length - eventRetention);
      for (const fn of eventListeners) notify(fn, event, 'events.subscribe');
      if (object.name === 'Incident_Update__e') deliverToTrigger(event);
    });
    eventUuids.set(id, uuid);
    return id;
  }

  /* ---- the package's Incident_Update__e subscriber ------------------------------------------ */

  /** How a committed Incident_Update__e reaches the trigger: the event bus (subscriber.js) once set. @type {(event: PlatformEvent) => void} */
  let deliverToTrigger = (event) => { applyIncidentUpdate(event); };

  /**
   * What the package's SeamIncidentUpdateHandler does on a real org, rule for rule: skip a
   * message equal to Case.Seam_Last_Message_Id__c or with an `applied` Seam_Audit__c row of its
   * Message_Id__c (duplicate: ServiceNow republishes an unconfirmed event under the same id) or whose Link_Version__c is not
   * newer than Case.Seam_Link_Version__c (stale); apply only fields Seam_Field_Mapping__mdt says
   * ServiceNow owns, listing the others in the audit detail; reject an event whose Origin__c is not
   * servicenow or that names another incident than the Case's link; report (audit detail and
   * Seam_Last_Error__c) a picklist value outside the org's list instead of writing it; append customer-visible comments
   * (never our own coming back) as public CaseComments tagged with their origin; write one
   * Seam_Audit__c row per event. Its writes are inbound, so the Case trigger does not echo them.
   * @param {PlatformEvent} event
   * @param {{ userId: string, userName: string }} [runAs] the trigger's running user; default the integration
   *   user (the subscriber config of post-install step 4)
   * @returns {{ result: 'applied' | 'duplicate' | 'stale' | 'rejected', skipped: string[] }}
   */
  function applyIncidentUpdate(event, runAs) {
    const p = event.payload;
    /** @type {WriteContext} */
    const ctx = { userId: runAs?.userId ?? INTEGRATION_USER_ID, userName: runAs?.userName ?? INTEGRATION_USER_NAME, inbound: true, after: [] };
    const sentAt = typeof p.Sent_At__c === 'string' ? parseDateTime(p.Sent_At__c) : NaN;
    /**
     * @param {string | null} caseId @param {'applied' | 'duplicate' | 'stale' | 'rejected'} result @param {string | null} detail
     * @param {Record<string, Scalar> | null} [oldValues] @param {Record<string, unknown> | null} [newValues]
     */
    const audit = (caseId, result, detail, oldValues = null, newValues = null) => {
      create('Seam_Audit__c', {
        Case__c: caseId, Direction__c: 'sn_to_sf', Actor__c: 'servicenow', Correlation_Id__c: p.Correlation_Id__c ?? null, Message_Id__c: p.Message_Id__c ?? null,
        Result__c: result, Detail__c: detail === null ? null : detail.slice(0, 255), Latency_Ms__c: Number.isNaN(sentAt) ? null : now() - sentAt,
        Fields__c: newValues ? Object.keys(newValues).join(',') : null,
        Old_Values__c: oldValues ? JSON.stringify(oldValues) : null, New_Values__c: newValues ? JSON.stringify(newValues) : null,
      }, ctx);
      for (const fn of ctx.after.splice(0)) fn();
      return { result, skipped: /** @type {string[]} */ ([]) };
    };

    const caseId = normalizeId(p.Case_Id__c);
    const before = caseId ? state.records.Case?.[caseId] : undefined;
    if (!caseId || !before) {
      return audit(null, 'rejected', `Case_Id__c "${p.Case_Id__c ?? 'null'}" is not a case in this org; check the link in ServiceNow`);
    }
    // Only ServiceNow publishes these; anything else is a forged or misrouted message.
    if (p.Origin__c !== 'servicenow') {
      return audit(caseId, 'rejected', `Origin__c is ${JSON.stringify(p.Origin__c ?? null)}, not "servicenow"; only ServiceNow publishes Incident_Update__e`);
    }
    // A Case stays linked to its incident: an event naming another one is refused, never a relink.
    const linkedTo = typeof before.Seam_Incident_Sys_Id__c === 'string' ? before.Seam_Incident_Sys_Id__c : '';
    const named = typeof p.Incident_Sys_Id__c === 'string' ? p.Incident_Sys_Id__c.trim() : '';
    if (linkedTo && named && named !== linkedTo) {
      return audit(caseId, 'rejected', `Incident_Sys_Id__c ${named} is not the incident this Case is linked to (${linkedTo}); unlink the Case first to move it`);
    }
    const applied = typeof before.Seam_Link_Version__c === 'number' ? before.Seam_Link_Version__c : -1;
    const messageId = p.Message_Id__c;
    if (messageId !== null && messageId !== undefined && (messageId === before.Seam_Last_Message_Id__c ||
      all('Seam_Audit__c').some((a) => a.Message_Id__c === messageId && a.Result__c === 'applied' && a.Direction__c === 'sn_to_sf'))) {
      return audit(caseId, 'duplicate', 'message already applied');
    }
    const version = typeof p.Link_Version__c === 'number' ? p.Link_Version__c : null;
    if (version === null || version <= applied) {
      return audit(caseId, 'stale', `link version ${version ?? 'null'} is not newer than ${applied}`);
    }
    /** @type {Record<string, unknown>} */
    let incoming;
    /** @type {unknown[]} */
    let journal;
    try {
      incoming = p.Fields_Json__c ? JSON.parse(String(p.Fields_Json__c)) : {};
      journal = p.Comments_Json__c ? JSON.parse(String(p.Comments_Json__c)) : [];
      if (typeof incoming !== 'object' || incoming === null || Array.isArray(incoming)) throw new Error('Fields_Json__c is not a JSON object');
      if (!Array.isArray(journal)) throw new Error('Comments_Json__c is not a JSON array');
    } catch (e) {
      return audit(caseId, 'rejected', `Fields_Json__c or Comments_Json__c is not the JSON of docs/contracts.md: ${e instanceof Error ? e.message : String(e)}`);
    }

    const caseObject = objectOf('Case');
    const owned = ownership.ownedFields('Case', 'servicenow');
    /** @type {Record<string, Scalar>} */
    const updates = {};
    /** @type {Record<string, Scalar>} */
    const oldValues = {};
    /** @type {Record<string, unknown>} */
    const newValues = {};
    /** @type {string[]} */
    const skipped = [];
    /** @type {string[]} */
    const picklistProblems = [];
    for (const [name, value] of Object.entries(incoming)) {
      const field = caseObject.fields.get(name.toLowerCase());
      if (!owned.has(name) || !field) { skipped.push(`${name} is not ServiceNow-owned (Seam_Field_Mapping__mdt), skipped`); continue; }
      // A non-restricted picklist would store any text; a value outside the org's list is reported instead.
      if (field.type === 'picklist' && value !== null && value !== '' && typeof value !== 'object' && !(field.picklist ?? []).includes(String(value))) {
        const problem = `${name} value ${JSON.stringify(value)} is not in the org's picklist, skipped; add it to the picklist or fix the mapping`;
        skipped.push(problem);
        picklistProblems.push(problem);
        continue;
      }
      try {
        updates[field.name] = coerceValue(caseObject, field, value);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        skipped.push(`${name} value ${JSON.stringify(value)} does not fit: ${e.message}`);
        continue;
      }
      oldValues[name] = before[field.name] ?? null;
      newValues[name] = value;
    }
    /** @type {string | null} */
    let latest = null;
    /** @type {Array<Record<string, unknown>>} */
    const comments = [];
    for (const item of journal) {
      const entry = /** @type {Record<string, unknown>} */ (item ?? {});
      const body = typeof entry.body === 'string' ? entry.body : '';
      // Our own comments come back in the journal; re-adding them would echo.
      if (body.trim() === '' || entry.origin === 'salesforce' || body.startsWith('[Seam: from Salesforce · ')) continue;
      comments.push({ ParentId: caseId, IsPublished: true, CommentBody: taggedCommentBody({ body, author: typeof entry.author === 'string' ? entry.author : undefined }).slice(0, 4000) });
      latest = body;
    }
    /** @type {Record<string, Scalar>} */
    const bookkeeping = { Seam_Link_Version__c: version, Seam_Last_Message_Id__c: /** @type {Scalar} */ (p.Message_Id__c ?? null), Seam_Last_Sync__c: sfDateTime(now()) };
    if (latest !== null) bookkeeping.Seam_Latest_Update__c = latest.slice(0, 32768);
    if (typeof p.Incident_Sys_Id__c === 'string' && p.Incident_Sys_Id__c.trim()) bookkeeping.Seam_Incident_Sys_Id__c = p.Incident_Sys_Id__c;
    if (typeof p.Correlation_Id__c === 'string' && p.Correlation_Id__c.trim()) bookkeeping.Seam_Correlation_Id__c = p.Correlation_Id__c;
    if (before.Seam_Sync_Status__c === null || before.Seam_Sync_Status__c === undefined || before.Seam_Sync_Status__c === 'Not_Linked') bookkeeping.Seam_Sync_Status__c = 'Synced';
    if (picklistProblems.length > 0) bookkeeping.Seam_Last_Error__c = picklistProblems.join('; ').slice(0, 255);
    update('Case', caseId, { ...updates, ...bookkeeping }, ctx);
    for (const c of comments) create('CaseComment', c, ctx);
    // Sev-1 on a high-value account (ServiceNow decided, Alert_Key__c): one Task for the account
    // owner. Once: a replayed event never gets here (duplicate / stale above).
    const alertKey = typeof p.Alert_Key__c === 'string' ? p.Alert_Key__c.trim() : '';
    if (alertKey) {
      const kase = state.records.Case?.[caseId] ?? before;
      const accountId = typeof kase.AccountId === 'string' ? kase.AccountId : '';
      const account = accountId ? state.records.Account?.[accountId] : undefined;
      if (!account) {
        skipped.push(`Alert_Key__c ${alertKey}: the Case has no Account, so no account Task; set the Account on the case`);
      } else {
        const number = String(kase.Seam_Incident_Number__c ?? '') || String(p.Incident_Sys_Id__c ?? '');
        const value = typeof account.Seam_Contract_Value__c === 'number' ? account.Seam_Contract_Value__c : null;
        create('Task', {
          Subject: `[${number}] Priority 1 incident on ${account.Name ?? 'your account'}`.slice(0, 255),
          Description: `ServiceNow raised ${number} to priority 1 (critical): ${kase.Subject ?? ''}\nCase ${kase.CaseNumber ?? ''}; account contract value ${value === null ? 'unknown' : Math.round(value).toLocaleString('en-US')}.\nSeam alert ${alertKey}. Contact the customer as your playbook says.`,
          WhatId: caseId,
          ...(typeof account.OwnerId === 'string' && account.OwnerId ? { OwnerId: account.OwnerId } : {}),
          Priority: 'High',
          Status: 'Not Started',
        }, ctx);
      }
    }
    audit(caseId, 'applied', skipped.length === 0 ? null : skipped.join('; '), oldValues, newValues);
    return { result: 'applied', skipped };
  }

  /* ---- transactions ------------------------------------------------------------------- */

  /**
   * Runs `fn` as one transaction: on a throw (or `rollback()`), every write is undone and no
   * after-commit effect runs.
   * @template T
   * @param {WriteContext} ctx
   * @param {(rollback: () => never) => T} fn
   * @returns {T}
   */
  function transaction(ctx, fn) {
    frames.push([]);
    const mark = ctx.after.length;
    try {
      const result = fn(() => { throw ROLLBACK; });
      const done = /** @type {Array<() => void>} */ (frames.pop());
      if (frames.length > 0) frames[frames.length - 1].push(...done);
      return result;
    } catch (e) {
      const undo = /** @type {Array<() => void>} */ (frames.pop());
      for (let i = undo.length - 1; i >= 0; i--) undo[i]();
      ctx.after.length = mark;
      throw e;
    }
  }

  return {
    objects,
    ownership,
    get state() { return state; },
    byId,
    recordUrl,
    validate,
    create,
    update,
    remove,
    mustGet,
    transaction,
    all,
    /** @param {WriteContext} ctx */
    commit(ctx) { const fns = ctx.after.splice(0); for (const fn of fns) fn(); },
    /** @param {(e: PlatformEvent) => void} fn */
    onEvent(fn) { eventListeners.add(fn); return () => { eventListeners.delete(fn); }; },
    /** @param {(item: OutboundItem) => void} fn */
    onOutbound(fn) { outboundListeners.add(fn); return () => { outboundListeners.delete(fn); }; },
    applyIncidentUpdate,
    /** @param {(object: string, field: string) => 'edit' | 'read' | 'none'} fn the API user's field access */
    setFieldAccess(fn) { fieldAccess = fn; },
    /** @param {(event: PlatformEvent) => void} fn the event bus's delivery to SeamIncidentUpdateTrigger */
    setEventDelivery(fn) { deliverToTrigger = fn; },
    /**
     * SeamOutbox.enqueueCases for one case: the outbox row and the outbound message of its
     * current version (the panel's escalate / resync after bumping the version).
     * @param {string} caseId @param {string} reason @param {WriteContext} ctx
     */
    enqueueCase(caseId, reason, ctx) { enqueueCaseMessage(mustGet('Case', caseId).record, ctx, reason); },
    /** @param {string} id */
    eventUuid: (id) => { const u = eventUuids.get(id); eventUuids.delete(id); return u; },
    /** @param {string} file */
    save(file) { mkdirSync(dirname(file), { recursive: true }); writeFileSync(file, JSON.stringify(state, null, 1)); },
    /** @param {string} file */
    load(file) {
      const loaded = JSON.parse(readFileSync(file, 'utf8'));
      if (loaded?.format !== 'seam-salesforce-twin/1') throw new Error(`${file}: not a Salesforce twin state file (format ${JSON.stringify(loaded?.format)}); delete it or pass a file written by twin.save()`);
      state = ensureUser({ ...emptyState(), ...loaded });
    },
    /** @param {State} s */
    replace(s) { state = ensureUser(s); },
  };
}

export const ROLLBACK = Object.freeze({ rollback: true });

/** @typedef {ReturnType<typeof createStore>} Store */
