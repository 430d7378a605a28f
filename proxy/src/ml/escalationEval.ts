/**
 * Held-out sets for the tier-3 escalation heuristic, labelled without it (no escalation labels
 * exist in public data, so each set says how its label was made):
 *
 * - `ticket types`: the multi-queue support tickets' `test` split (proxy/data), labelled by their
 *   author with an ITIL type. Positive: `Problem`; negative: `Request`. `Incident` rows are scored
 *   apart: a fault report that is not (yet) a problem, the population the model trigger runs on.
 * - `by construction`: the public IT helpdesk tickets (shared/data), positive when the text reports
 *   a fault and carries technical evidence (FAULT and EVIDENCE below, written apart from the
 *   heuristic's own patterns), negative when it is a request with no fault word; everything else is
 *   left out. Every BANKING77 question is a negative too: customer matters, never engineering work.
 *
 * The heuristic reads a case's subject and description; the sets are scored twice: with a neutral
 * subject, and with the subject repeated from the first words of the text, as Email-to-Case and
 * web forms often make it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvRecords } from './csv.js';

export interface EscalationExample {
  readonly subject: string;
  readonly text: string;
  readonly label: 0 | 1;
}

export interface EscalationSet {
  readonly name: string;
  readonly examples: readonly EscalationExample[];
  /** Rows scored apart (not in the precision/recall), e.g. incidents that are not problems. */
  readonly apart?: { readonly name: string; readonly examples: readonly EscalationExample[] };
  readonly note: string;
}

/** A fault word: something is broken (not "please set up"). */
export const FAULT = /\b(error|errors|failed|failing|failure|fails|crash\w*|exception|not working|broken)\b/i;
/** Technical evidence beside the fault: logs, codes, numbers, steps already taken, recurrence. */
export const EVIDENCE = /\b(logs?|trace|code|tried|restarted|rebooted|reinstalled|cleared|attempted|again|still)\b|\b\d{3,}\b|\b[a-z]+\d+[a-z0-9]*\b/i;
/** A plain request. */
export const REQUEST = /\b(please|request|requesting|access|setup|set up|create|new|order|approve|approval|install)\b/i;

/** The label the construction gives a helpdesk ticket, or null when it is left out. */
export function constructedLabel(text: string): 0 | 1 | null {
  if (FAULT.test(text) && EVIDENCE.test(text)) return 1;
  if (!FAULT.test(text) && REQUEST.test(text)) return 0;
  return null;
}

export function ticketTypeSet(file: string): EscalationSet {
  const rows = csvRecords(readFileSync(file, 'utf8')).records.filter((r) => r['split'] === 'test');
  const ex = (r: Record<string, string>, label: 0 | 1): EscalationExample => ({ subject: r['subject'] || '(no subject)', text: r['body'] ?? '', label });
  return {
    name: 'ticket types (proxy/data support tickets, test split)',
    examples: [...rows.filter((r) => r['type'] === 'Problem').map((r) => ex(r, 1)), ...rows.filter((r) => r['type'] === 'Request').map((r) => ex(r, 0))],
    apart: { name: 'Incident rows', examples: rows.filter((r) => r['type'] === 'Incident').map((r) => ex(r, 0)) },
    note: 'positive = type Problem, negative = type Request (the data set author\'s labels; synthetic e-mails, CC BY-NC 4.0)',
  };
}

export function constructedSet(dataDir: string): EscalationSet {
  const it = csvRecords(readFileSync(join(dataDir, 'it-helpdesk-tickets.csv'), 'utf8')).records;
  const bank = csvRecords(readFileSync(join(dataDir, 'banking77-train.csv'), 'utf8')).records;
  const examples: EscalationExample[] = [];
  for (const r of it) {
    const text = r['body'] ?? '';
    const label = constructedLabel(`${r['title'] ?? ''} ${text}`);
    if (label !== null) examples.push({ subject: r['title'] || '(no subject)', text, label });
  }
  for (const r of bank) examples.push({ subject: 'Customer question', text: r['text'] ?? '', label: 0 });
  return {
    name: 'by construction (shared/data IT helpdesk + BANKING77)',
    examples,
    note: 'positive = helpdesk ticket with a fault word and technical evidence; negative = helpdesk request without a fault word, and every banking question',
  };
}

/** The subject as Email-to-Case often makes it: the first words of the text. */
export function repeatedSubject(e: EscalationExample): EscalationExample {
  return { ...e, subject: e.text.slice(0, 80) || e.subject };
}
