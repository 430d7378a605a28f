// @ts-check
/**
 * The platform's data lookup engine, reduced to the one lookup an instance ships for incidents:
 * priority from urgency and impact (dl_u_priority). ServiceNow runs its "before engines", the data
 * lookup engine among them, between the before business rules of order < 1000 and those of order
 * >= 1000 (docs: "Precedence between data lookup, assignment, and business rules"), on insert and
 * on update, so a priority a script or the Table API writes directly is replaced whenever urgency
 * or impact change.
 */

/** The out-of-box dl_u_priority rows: PRIORITY_LOOKUP[urgency][impact] (same table as the shared core's). */
const PRIORITY_LOOKUP = /** @type {Record<string, Record<string, string>>} */ ({
  1: { 1: '1', 2: '2', 3: '3' },
  2: { 1: '2', 2: '3', 3: '4' },
  3: { 1: '3', 2: '4', 3: '5' },
});

/** Tables whose priority the lookup sets (incident is the one the twin models). */
const PRIORITY_TABLES = new Set(['incident']);

/**
 * Sets current.priority from urgency and impact when either is set (insert) or changed (update).
 * A combination with no lookup row leaves priority as it is, as the platform does when no rule matches.
 * @param {string} table @param {Record<string, string>} row the record about to be written (mutated)
 * @param {Record<string, string> | null} prev the stored record on update, null on insert
 * @returns {boolean} whether priority was set
 */
export function runDataLookups(table, row, prev) {
  if (!PRIORITY_TABLES.has(table)) return false;
  const urgency = row.urgency ?? '';
  const impact = row.impact ?? '';
  const changed = prev
    ? urgency !== (prev.urgency ?? '') || impact !== (prev.impact ?? '')
    : urgency !== '' || impact !== '';
  if (!changed) return false;
  const priority = PRIORITY_LOOKUP[urgency || '3']?.[impact || '3'];
  if (!priority) return false;
  row.priority = priority;
  return true;
}
