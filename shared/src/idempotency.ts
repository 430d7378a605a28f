/**
 * Idempotency keys and message ids: deterministic from the source record and its version, so a
 * replay of the same change carries the same key and the receiver can drop it.
 */
import { sha256Hex } from './hash';
import type { System } from './types';

/** What a message carries; `record` is a field update, the default. */
export type MessageKind = 'record' | 'comment' | 'triage' | 'summarize' | 'resolution-summary' | 'impact' | 'sla-risk' | 'critical-alert' | 'problem' | 'escalation';

const KINDS: readonly MessageKind[] = ['record', 'comment', 'triage', 'summarize', 'resolution-summary', 'impact', 'sla-risk', 'critical-alert', 'problem', 'escalation'];

/**
 * `salesforce:500…:7` or `salesforce:00a…:1:comment`. At most 128 characters (the Platform
 * Event field); throws on a bug in the caller (empty id, negative or fractional version).
 */
export function idempotencyKey(system: System, recordId: string, version: number, kind: MessageKind = 'record'): string {
  if (system !== 'salesforce' && system !== 'servicenow') throw new TypeError(`idempotencyKey: unknown system ${String(system)}`);
  if (typeof recordId !== 'string' || !/^[A-Za-z0-9_.-]{1,64}$/.test(recordId)) {
    throw new TypeError(`idempotencyKey: recordId must be 1-64 letters, digits, "_", "." or "-", got ${JSON.stringify(recordId)}`);
  }
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new TypeError(`idempotencyKey: version must be a non-negative integer, got ${String(version)}`);
  }
  if (KINDS.indexOf(kind) < 0) throw new TypeError(`idempotencyKey: unknown kind ${String(kind)}`);
  const base = `${system}:${recordId}:${version}`;
  return kind === 'record' ? base : `${base}:${kind}`;
}

export interface ParsedIdempotencyKey {
  readonly system: System;
  readonly recordId: string;
  readonly version: number;
  readonly kind: MessageKind;
}

/** The inverse of `idempotencyKey`; `null` for anything it did not produce. */
export function parseIdempotencyKey(key: string): ParsedIdempotencyKey | null {
  const m = /^(salesforce|servicenow):([A-Za-z0-9_.-]{1,64}):(\d{1,16})(?::([a-z-]+))?$/.exec(key);
  if (!m) return null;
  const kind = (m[4] ?? 'record') as MessageKind;
  if (KINDS.indexOf(kind) < 0 || (m[4] !== undefined && kind === 'record')) return null;
  const version = Number(m[3]);
  if (!Number.isSafeInteger(version)) return null;
  return { system: m[1] as System, recordId: m[2], version, kind };
}

/**
 * A message id derived from the idempotency key (and the delivery attempt when a sender must
 * tell attempts apart): 'm-' + 40 hex, fits Text(64). Replays of the same attempt reuse it.
 */
export function messageId(key: string, attempt = 0): string {
  return `m-${sha256Hex(attempt === 0 ? key : `${key}#${attempt}`).slice(0, 40)}`;
}
