/**
 * The keyword baseline the field's own blueprints describe ("VPN error / login failure → IT").
 * Used only by `eval:triage`, to show what the trained model adds over a rule list.
 */
import type { Route } from './dataset.js';

const IT_KEYWORDS = [
  'vpn', 'login', 'log in', 'password', 'error', 'outage', 'server', 'network', 'email', 'outlook',
  'laptop', 'printer', 'install', 'software', 'access', 'account locked', 'crash', 'database', 'wifi',
  'system', 'application', 'licence', 'license', 'upgrade', 'not working', 'down',
];

export function keywordRoute(text: string): { route: Route; confidence: number } {
  const t = text.toLowerCase();
  const hits = IT_KEYWORDS.filter((k) => t.includes(k)).length;
  // A rule list has no real confidence; report the conventional 1.0 so ECE shows what that costs.
  return { route: hits > 0 ? 'servicenow' : 'salesforce', confidence: 1 };
}
