/**
 * Triage policy: what to do with a model's triage result. Thresholds are configuration
 * (ServiceNow properties / Salesforce custom metadata), parsed and validated once at the edge.
 */
import { err, ok } from './types';
import type { FieldProblem, Result } from './types';
import { TRIAGE_CATEGORIES } from './schemas';
import type { TriageCategory, TriageResult } from './schemas';

export interface TriagePolicy {
  /** Route `servicenow` with confidence strictly above this creates the incident automatically. */
  readonly autoCreateAbove: number;
  /** Confidence strictly below this always goes to the human review queue. */
  readonly reviewBelow: number;
  /** Incident priorities (1-5) whose transfer always needs a person's approval. */
  readonly approvalPriorities: readonly number[];
}

export const DEFAULT_TRIAGE_POLICY: TriagePolicy = { autoCreateAbove: 0.8, reviewBelow: 0.5, approvalPriorities: [1, 2] };

export type TriageAction = 'create_incident' | 'keep_in_salesforce' | 'review' | 'approval_required';

export interface TriageDecision {
  readonly action: TriageAction;
  /** One sentence for the audit row and the review queue. */
  readonly reason: string;
}

/** Validates a policy from configuration; every problem names the field and the fix. */
export function parseTriagePolicy(input: unknown): Result<TriagePolicy, FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return err([{ field: 'triagePolicy', problem: 'is not an object', fix: 'set { autoCreateAbove, reviewBelow, approvalPriorities }', value: input }]);
  }
  const o = input as Record<string, unknown>;
  const ratio = (name: 'autoCreateAbove' | 'reviewBelow'): number => {
    const v = o[name];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push({ field: `triagePolicy.${name}`, problem: `is ${JSON.stringify(v)}, not a number from 0 to 1`, fix: `set ${name} to a confidence between 0 and 1, e.g. ${DEFAULT_TRIAGE_POLICY[name]}`, value: v });
      return NaN;
    }
    return v;
  };
  const autoCreateAbove = ratio('autoCreateAbove');
  const reviewBelow = ratio('reviewBelow');
  if (reviewBelow > autoCreateAbove) {
    problems.push({ field: 'triagePolicy.reviewBelow', problem: `(${reviewBelow}) is above autoCreateAbove (${autoCreateAbove})`, fix: 'set reviewBelow ≤ autoCreateAbove', value: reviewBelow });
  }
  const ap = o.approvalPriorities;
  const priorities: number[] = [];
  if (!Array.isArray(ap)) {
    problems.push({ field: 'triagePolicy.approvalPriorities', problem: 'is not a list', fix: 'set a list of priorities 1-5, e.g. [1, 2]', value: ap });
  } else {
    ap.forEach((p, i) => {
      if (typeof p === 'number' && Number.isInteger(p) && p >= 1 && p <= 5) priorities.push(p);
      else problems.push({ field: `triagePolicy.approvalPriorities[${i}]`, problem: `is ${JSON.stringify(p)}, not a priority 1-5`, fix: 'use integers from 1 (critical) to 5 (planning)', value: p });
    });
  }
  for (const k of Object.keys(o)) {
    if (k !== 'autoCreateAbove' && k !== 'reviewBelow' && k !== 'approvalPriorities') {
      problems.push({ field: `triagePolicy.${k}`, problem: 'is not a policy setting', fix: 'remove it (settings: autoCreateAbove, reviewBelow, approvalPriorities)' });
    }
  }
  return problems.length > 0 ? err(problems) : ok({ autoCreateAbove, reviewBelow, approvalPriorities: priorities });
}

/**
 * The order matters: the model's own doubt and low confidence go to a person first; a transfer
 * of a high-priority case is never automatic; only a confident transfer creates an incident.
 */
export function decideTriage(result: Pick<TriageResult, 'route' | 'priority' | 'confidence'>, policy: TriagePolicy): TriageDecision {
  const c = result.confidence;
  if (result.route === 'review') return { action: 'review', reason: 'the model asked for a human review' };
  if (!(c >= policy.reviewBelow)) {
    return { action: 'review', reason: `confidence ${c} is below the review threshold ${policy.reviewBelow}` };
  }
  if (result.route === 'salesforce') {
    return { action: 'keep_in_salesforce', reason: `the model keeps it in Salesforce with confidence ${c}` };
  }
  if (policy.approvalPriorities.indexOf(result.priority) >= 0) {
    return { action: 'approval_required', reason: `priority ${result.priority} transfers always need approval` };
  }
  if (c > policy.autoCreateAbove) {
    return { action: 'create_incident', reason: `route servicenow with confidence ${c} above ${policy.autoCreateAbove}` };
  }
  return { action: 'review', reason: `confidence ${c} is not above the auto-create threshold ${policy.autoCreateAbove}` };
}

// ---- incident category --------------------------------------------------------------------

/** ServiceNow's out-of-box incident categories (incident.category choices on a new instance). */
export const INCIDENT_CATEGORIES = ['inquiry', 'software', 'hardware', 'network', 'database'] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

/**
 * Triage category → the out-of-box incident category. Cases come from customers of a software
 * service, so failures of the service (outage, degradation, defect) are `software`; requests about
 * data go to `database`; everything asked of a person rather than broken (access, how-to, billing,
 * account changes, feature requests, security reports, other) is `inquiry` ("Inquiry / Help").
 * Only OOB values are used, so the mapping holds on any instance without custom choices.
 */
const TRIAGE_TO_INCIDENT_CATEGORY: Readonly<Record<TriageCategory, IncidentCategory>> = {
  outage: 'software',
  degradation: 'software',
  access: 'inquiry',
  defect: 'software',
  security: 'inquiry',
  data_request: 'database',
  how_to: 'inquiry',
  billing: 'inquiry',
  account_change: 'inquiry',
  feature_request: 'inquiry',
  other: 'inquiry',
};

export interface IncidentCategoryMapping {
  readonly category: IncidentCategory;
  /** Set when the triage category was not one Seam knows; the category is then the default `inquiry`. */
  readonly problem?: FieldProblem;
}

/** Maps a triage category to an incident category; an unknown one maps to `inquiry` and says so. */
export function triageCategoryToIncidentCategory(category: unknown, field = 'triage.category'): IncidentCategoryMapping {
  if (typeof category === 'string' && (TRIAGE_CATEGORIES as readonly string[]).indexOf(category) >= 0) {
    return { category: TRIAGE_TO_INCIDENT_CATEGORY[category as TriageCategory] };
  }
  return {
    category: 'inquiry',
    problem: {
      field,
      problem: `is ${JSON.stringify(category)}, not a triage category, so the incident category defaulted to "inquiry"`,
      fix: `return one of ${TRIAGE_CATEGORIES.join(', ')} from triage (or add the category to TRIAGE_CATEGORIES and its incident category to the Seam triage mapping)`,
      value: category,
    },
  };
}
