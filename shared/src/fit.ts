/**
 * Fitting text into a ServiceNow column of a known length (the dictionary's max_length, read at
 * run time): cut on a code point, end with a marker, so the cut is visible and recognisable
 * (the drift sweep must not "repair" a copy that was cut on purpose). Lengths are code points,
 * as the database counts characters.
 */

/** What ends every cut value; the note after it (optional) says where the full text is. */
export const CUT_MARK = '…';

export interface Fitted {
  readonly value: string;
  /** True when the value was cut (the caller keeps the full text elsewhere, e.g. an attachment). */
  readonly cut: boolean;
}

/**
 * `value` when it fits in `maxLength` code points; otherwise its head, CUT_MARK and `note`
 * (dropped if even the note does not fit). `maxLength` ≤ 0 means unknown: nothing is cut.
 */
export function fitText(value: string, maxLength: number, note = ''): Fitted {
  const points = Array.from(value);
  if (!(maxLength > 0) || points.length <= maxLength) return { value, cut: false };
  const tail = Array.from(CUT_MARK + note).length <= Math.floor(maxLength / 2) ? CUT_MARK + note : CUT_MARK;
  const keep = Math.max(0, maxLength - Array.from(tail).length);
  return { value: points.slice(0, keep).join('') + tail, cut: true };
}

/**
 * True when `copy` is `full` itself or a cut of it made by fitText (or text255): a proper prefix
 * of `full` followed by CUT_MARK and any note.
 */
export function isFittedCopy(full: string, copy: string): boolean {
  if (full === copy) return true;
  for (let i = copy.indexOf(CUT_MARK); i >= 0; i = copy.indexOf(CUT_MARK, i + 1)) {
    const head = copy.slice(0, i);
    if (head.length < full.length && full.startsWith(head)) return true;
  }
  return false;
}
