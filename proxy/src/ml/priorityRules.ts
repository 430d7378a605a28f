/**
 * Priority the way ServiceNow computes it: urgency × impact through the shared priority matrix.
 * Urgency is the customer's (their Case priority, via the shared transform) when given, else read
 * from the text; impact is always an IT assessment, read from the text. Used when the model has no
 * learned priority head: the public data has no usable priority (the IT set's urgency and impact
 * are one constant), while a customer export with a `priority` column trains one.
 */
import { casePriorityToUrgency, priorityFromUrgencyImpact } from '@seam/shared';

type Level = 1 | 2 | 3;

const IMPACT_RULES: ReadonlyArray<readonly [Level, RegExp]> = [
  [1, /\b(outage|all users|everyone|everybody|whole (company|office|site)|production (is )?down|data breach|security breach|ransomware|hacked)\b/],
  [2, /\b(team|department|several users|multiple users|many users|customers|all (our|my) (customers|clients)|site|branch|degraded|slow)\b/],
];

const URGENCY_RULES: ReadonlyArray<readonly [Level, RegExp]> = [
  [1, /\b(outage|down|urgent|asap|immediately|critical|cannot work|can't work|unable to work|blocked|stolen|compromised|fraud|hacked|breach|deadline)\b/],
  [2, /\b(error|fail(ed|s|ing|ure)?|not working|broken|crash(es|ed)?|declined|cannot|can't|unable|slow)\b/],
];

function level(text: string, rules: ReadonlyArray<readonly [Level, RegExp]>): { level: Level; rule: string } {
  for (const [l, pattern] of rules) {
    const m = pattern.exec(text);
    if (m) return { level: l, rule: m[0] };
  }
  return { level: 3, rule: 'default' };
}

export interface PriorityEstimate {
  readonly priority: number;
  readonly urgency: Level;
  readonly impact: Level;
  /** One line for the rationale: where urgency and impact came from. */
  readonly explanation: string;
}

export function rulePriority(text: string, customerPriority?: string): PriorityEstimate {
  const t = text.toLowerCase();
  const fromCustomer = customerPriority ? casePriorityToUrgency(customerPriority) : undefined;
  const textUrgency = level(t, URGENCY_RULES);
  const urgency = (fromCustomer?.ok ? fromCustomer.value : textUrgency.level) as Level;
  const impact = level(t, IMPACT_RULES);
  const p = priorityFromUrgencyImpact(urgency, impact.level);
  const priority = p.ok ? p.value : 4;
  const u = fromCustomer?.ok ? `customer priority ${customerPriority}` : `"${textUrgency.rule}"`;
  return { priority, urgency, impact: impact.level, explanation: `priority ${priority} = urgency ${urgency} (${u}) × impact ${impact.level} ("${impact.rule}")` };
}
