/**
 * Plain data types shared by every package. No platform types leak in here:
 * adapters translate GlideRecord / SObject / HTTP bodies into these shapes.
 */

/** The two systems on either side of the seam. */
export type System = 'salesforce' | 'servicenow';

/** Where a field's value may travel. `internal` never leaves its owner (e.g. work notes). */
export type Direction = 'sf_to_sn' | 'sn_to_sf' | 'both' | 'internal';

/** What happens when both sides hold different values for one field. */
export type ConflictRule = 'owner_wins' | 'append';

/** Why a field is synced, which drives who owns it. */
export type FieldKind = 'identity' | 'relationship' | 'work' | 'journal';

/** A field value as it crosses the seam: JSON scalars only, `null` for empty. */
export type FieldValue = string | number | boolean | null;

/** A record reduced to plain field values, keyed by the platform's field API name. */
export type RecordValues = Readonly<Record<string, FieldValue>>;

/** A problem with one field, written for the person who has to fix it. */
export interface FieldProblem {
  /** The field, as the caller named it (API name or JSON path such as `case.priority`). */
  readonly field: string;
  /** What is wrong with the value. */
  readonly problem: string;
  /** What to do about it. */
  readonly fix: string;
  /** The offending value, already safe to log (never a secret). */
  readonly value?: unknown;
}

/** Errors are values where callers must handle them. */
export type Result<T, E = FieldProblem> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E>(error: E): Result<never, E> => ({ ok: false, error });
