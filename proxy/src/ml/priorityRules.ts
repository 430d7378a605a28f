/**
 * Priority when the model has no learned priority head. The public data carries no usable
 * priority (the IT set's urgency and impact are one constant), so the shipped model falls back to
 * these rules; a model retrained on a customer's export with a `priority` column learns it instead.
 * Priorities follow ServiceNow: 1 critical … 5 planning.
 */
const RULES: ReadonlyArray<readonly [priority: number, pattern: RegExp]> = [
  [1, /\b(outage|all users|everyone|whole (company|office|site)|production (is )?down|data breach|security breach|ransomware|hacked)\b/],
  [2, /\b(fraud|urgent|asap|immediately|critical|cannot work|can't work|unable to work|blocked|stolen|compromised|deadline)\b/],
  [3, /\b(error|fail(ed|s|ing|ure)?|not working|broken|crash(es|ed)?|declined|cannot|can't|unable|down)\b/],
  [5, /\b(how (do|can|to)|question|wondering|information|request for|new (user|starter)|would like)\b/],
];

export function rulePriority(text: string): { priority: number; rule: string } {
  const t = text.toLowerCase();
  for (const [priority, pattern] of RULES) {
    const m = pattern.exec(t);
    if (m) return { priority, rule: m[0] };
  }
  return { priority: 4, rule: 'default' };
}
