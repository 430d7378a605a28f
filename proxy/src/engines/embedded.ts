/**
 * The embedded engine: fully offline. Triage uses the trained classifier; the three text endpoints
 * use extractive summaries inside fixed templates, so every sentence comes from the input.
 * It receives masked requests only, like the LLM engine.
 */
import {
  type EscalationRequest,
  type EscalationResult,
  labelAiText,
  type ImpactRequest,
  type ImpactResult,
  type ResolutionSummaryRequest,
  type ResolutionSummaryResult,
  type SlaRiskRequest,
  type SlaRiskResult,
  type SummarizeRequest,
  type SummarizeResult,
  type TriageCategory,
  type TriageRequest,
  type TriageResult,
} from '@seam/shared';
import type { Endpoint, RequestByEndpoint } from '../endpoints.js';
import { stripMaskTokens } from '../masking.js';
import { extractSentences, splitSentences } from '../ml/extractive.js';
import { rulePriority } from '../ml/priorityRules.js';
import { normalizeWords } from '../ml/text.js';
import { MAX_CONFIDENCE, predictTriage, type TriageModel } from '../ml/triageModel.js';
import { scanForInjection } from '../injection.js';
import type { SlaPredictor } from '../ml/slaModel.js';

export interface ResultByEndpoint {
  triage: TriageResult;
  summarize: SummarizeResult;
  'resolution-summary': ResolutionSummaryResult;
  impact: ImpactResult;
  'sla-risk': SlaRiskResult;
  escalation: EscalationResult;
}

/** Where a ServiceNow-bound ticket of each category usually goes; admins rename groups in ServiceNow. */
const ASSIGNMENT_GROUPS: Readonly<Record<TriageCategory, string>> = {
  outage: 'Major Incident Management',
  degradation: 'Infrastructure Operations',
  access: 'Identity and Access Management',
  defect: 'Application Support',
  security: 'Security Operations',
  data_request: 'Service Desk',
  how_to: 'Service Desk',
  billing: 'Service Desk',
  account_change: 'Identity and Access Management',
  feature_request: 'Service Desk',
  other: 'Service Desk',
};

/**
 * Customer-facing text (resolution summaries, impact notices) must not carry internal details: a
 * sentence naming an IP address, an e-mail or a host-like identifier (fw-edge-02, srv01.corp.local)
 * is left out. The shared prompt asks the LLM for the same.
 */
const INTERNAL_DETAIL = /\[(IP|EMAIL|PHONE|CARD|IBAN)_\d+\]|\b[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*[-_.][a-z0-9]*\d[a-z0-9]*\b/i;
export const isCustomerSafe = (sentence: string): boolean => !INTERNAL_DETAIL.test(sentence);

const clip = (s: string, max: number): string => (s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`);

/** Labels AI text and keeps the labelled result within the schema's length limit. */
function labelled(text: string, max: number): string {
  const room = max - (labelAiText('').length);
  return labelAiText(clip(text, room));
}

export class EmbeddedEngine {
  /** `sla`: the SLA-breach risk model (`ml/slaModel.ts`); without one, `sla-risk` is a bug to report. */
  constructor(readonly model: TriageModel, readonly sla?: SlaPredictor) {}

  run<E extends Endpoint>(endpoint: E, request: RequestByEndpoint[E]): ResultByEndpoint[E] {
    switch (endpoint) {
      case 'triage': return this.triage(request as TriageRequest) as ResultByEndpoint[E];
      case 'summarize': return this.summarize(request as SummarizeRequest) as ResultByEndpoint[E];
      case 'resolution-summary': return this.resolution(request as ResolutionSummaryRequest) as ResultByEndpoint[E];
      case 'sla-risk': return this.slaRisk(request as SlaRiskRequest) as ResultByEndpoint[E];
      case 'escalation': return escalationHeuristic(request as EscalationRequest) as ResultByEndpoint[E];
      default: return this.impact(request as ImpactRequest) as ResultByEndpoint[E];
    }
  }

  slaRisk(req: SlaRiskRequest): SlaRiskResult {
    if (!this.sla) throw new Error('no SLA risk model loaded: run "npm run build -w proxy" or "npm run train:sla"');
    const [p] = this.sla.predict([req]);
    const m = this.sla.model;
    return { risk: p!.risk, band: p!.band, threshold: m.threshold, model: `logistic regression, ${m.trainingIncidents} incidents of ${m.source}`.slice(0, 300) };
  }

  triage(req: TriageRequest): TriageResult {
    // Orders to the triage inside the ticket are not evidence about the problem (the service flags them).
    const text = scanForInjection(stripMaskTokens(`${req.subject}\n${req.description}`)).text;
    const p = predictTriage(this.model, text);
    const familiarity = p.familiarity;
    const rule = rulePriority(text, req.customerPriority);
    const predicted = (p.route?.label ?? 'salesforce') as 'servicenow' | 'salesforce';
    const confidence = round3(p.route?.confidence ?? 0);
    const threshold = this.model.reviewThreshold;
    // A person decides when (1) the text is unlike anything the model learned from, (2) the
    // calibrated confidence is below the cost table's threshold (a wrong route costs more than a
    // review), or (3) outage/breach language would stay in Salesforce: the case the public
    // training data covers worst.
    const why = familiarity.unfamiliar
      ? `The text is unlike the training data (${Math.round(familiarity.knownShare * 100)} % of its words known, typically ${Math.round(this.model.typicalKnownShare * 100)} %); needs a person. `
      : confidence < threshold
        ? `Confidence ${confidence} is below ${threshold}, where a review costs less than a likely wrong route (costs: wrong route ${this.model.costs.wrongRoute}, review ${this.model.costs.review}); needs a person. `
        : predicted === 'salesforce' && rule.impact === 1
          ? 'Outage or breach language but the classifier says salesforce; needs a person. '
          : '';
    const route: TriageResult['route'] = why ? 'review' : predicted;
    const category = (p.category?.label ?? 'other') as TriageCategory;
    const learned = p.priority ? Number(p.priority.label) : NaN;
    const priority = Number.isInteger(learned) && learned >= 1 && learned <= 5 ? learned : rule.priority;
    const evidence = topTerms(text, 4);
    const rationale = clip(
      why +
        `Embedded classifier: route ${predicted} (p=${confidence}${confidence >= MAX_CONFIDENCE ? ', the cap: never certain' : ''}), category ${category}` +
        (p.category ? ` (p=${round3(p.category.confidence)})` : '') +
        (p.priority ? `, priority ${priority} (p=${round3(p.priority.confidence)})` : `, ${rule.explanation}`) +
        (evidence.length ? `; key terms: ${evidence.join(', ')}` : '') +
        (familiarity.weight < 1 && !familiarity.unfamiliar
          ? `; the classifier knows ${Math.round(familiarity.knownShare * 100)} % of its words, fewer than usual, so confidence leans to "either route".`
          : '.'),
      500,
    );
    return {
      route,
      category,
      priority,
      suggestedAssignmentGroup: route === 'servicenow' ? ASSIGNMENT_GROUPS[category] : '',
      confidence,
      rationale,
    };
  }

  summarize(req: SummarizeRequest): SummarizeResult {
    const entries = [...req.entries].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const last = entries[entries.length - 1];
    const all = entries.map((e) => e.body).join('\n');
    const picked = extractSentences(all, { maxSentences: 3, maxChars: 1200 });
    const head = `"${clip(req.subject, 120)}": ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}` +
      (last ? `, latest from ${clip(last.author || 'unknown', 80)} at ${last.createdAt}` : '') + '.';
    // One key point per attached file (its most central sentence), so an error in a log is not lost.
    const fileKeyPoints = (req.attachments ?? []).flatMap((a) => {
      const top = extractSentences(a.text, { maxSentences: 1, maxChars: 240 })[0];
      return top ? [clip(`Attachment ${a.name}: ${top}`, 300)] : [];
    });
    const keyPoints = [...extractSentences(all, { maxSentences: 5 }).map((s) => clip(s, 300)), ...fileKeyPoints].slice(0, 10);
    // Questions in the last three entries are the ones most likely still open.
    const openQuestions = entries
      .slice(-3)
      .flatMap((e) => splitSentences(e.body))
      .filter((s) => s.endsWith('?'))
      .slice(-5)
      .map((s) => clip(s, 300));
    return { summary: labelled(`${head} ${picked.join(' ')}`.trim(), 2000), keyPoints, openQuestions };
  }

  resolution(req: ResolutionSummaryRequest): ResolutionSummaryResult {
    const safeNotes = splitSentences(req.resolutionNotes).filter(isCustomerSafe).join('\n');
    const picked = extractSentences(safeNotes, { maxSentences: 2, maxChars: 900 });
    const code = req.resolutionCode ? ` (${clip(req.resolutionCode, 60)})` : '';
    const summary = `Your request "${clip(req.subject, 150)}" has been resolved${code}. ${picked.join(' ')}`.trim();
    const advice = splitSentences(safeNotes)
      .filter((s) => /\b(please|if|should|restart|reboot|clear|update|try|contact|reply|log (in|out)|sign (in|out))\b/i.test(s))
      .slice(0, 3)
      .map((s) => clip(s, 300));
    return {
      summary: labelled(summary, 1500),
      nextSteps: advice.length > 0 ? advice : ['If the problem comes back, reply to this case and we will reopen it.'],
    };
  }

  impact(req: ImpactRequest): ImpactResult {
    const text = `${req.shortDescription} ${req.affectedService ?? ''}`.toLowerCase();
    const severity: ImpactResult['severity'] = /\b(outage|down|unavailable|not available|all users|cannot (access|log ?in)|offline)\b/.test(text)
      ? 'critical'
      : /\b(slow|degraded|intermittent|delay(ed|s)?|errors?|partial)\b/.test(text) ? 'major' : 'minor';
    const statusLine: Record<ImpactRequest['status'], string> = {
      investigating: 'We are investigating',
      identified: 'We have identified the cause of',
      monitoring: 'A fix is in place and we are monitoring',
      resolved: 'We have resolved',
    };
    const what = req.affectedService ? `an issue affecting ${req.affectedService}` : 'a service issue';
    const since = req.startedAt ? ` since ${req.startedAt.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC')}` : '';
    const detail = extractSentences(splitSentences(req.shortDescription).filter(isCustomerSafe).join('\n'), { maxSentences: 2, maxChars: 600 }).join(' ');
    const body =
      `${statusLine[req.status]} ${what}${since} (${req.incidentNumber}). ${detail}` +
      (req.status === 'resolved' ? ' Service is back to normal.' : ' We will post an update here as soon as we know more.');
    const subject = req.affectedService || splitSentences(req.shortDescription).find(isCustomerSafe) || 'service disruption';
    const headline = clip(`${req.status[0]?.toUpperCase()}${req.status.slice(1)}: ${subject}`, 120);
    const customerAction = req.workaround
      ? clip(`Workaround: ${req.workaround}`, 500)
      : req.status === 'resolved' ? 'No action is needed.' : 'No action is needed; we will keep you updated.';
    return { headline, body: labelled(body.replace(/\s+/g, ' ').trim(), 1500), severity, customerAction };
  }
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The most frequent content words, as a human-readable hint of what the classifier saw. */
function topTerms(text: string, n: number): string[] {
  const counts = new Map<string, number>();
  for (const w of normalizeWords(text)) if (w.length > 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n).map(([w]) => w);
}

// ---- tier-3 escalation: an offline heuristic over the conversation and the logs ---------------

const ERROR_CODE = /\b(?:0x[0-9A-Fa-f]{4,8}|HTTP [45]\d\d|[A-Z][A-Z0-9]{1,9}[-_]\d{2,6}|E\d{3,6}|ORA-\d{5})\b/g;
const TRIED = /\b(tried|restarted|rebooted|reinstalled|re-installed|cleared|reset|rolled back|upgraded|downgraded|workaround (?:did not|didn't) help|still (?:failing|broken|happening|fails))\b/gi;
const TRIED_ONE = new RegExp(TRIED.source, 'i');
const DEFECT = /\b(bug|defect|regression|reproducible|reproduce[sd]?|stack ?trace|exception|crash(?:es|ed)?|segfault|null ?pointer|data corruption|since (?:the|last) (?:release|update|upgrade|deploy))\b/gi;
const RECURRING = /\b(again|every (?:time|day|export|run|request)|recurring|keeps? (?:failing|happening)|all (?:users|customers)|intermittent(?:ly)?)\b/gi;
const LOG_ERROR = /\b(ERROR|FATAL|CRITICAL|Exception|Traceback|panic)\b/;

const squash = (t: string): string => t.toLowerCase().replace(/(?:…|\.\.\.)\s*$/, '').replace(/\s+/g, ' ').trim();

/** Is the subject (cut or whole) already part of the description or an entry? */
function repeats(subject: string, body: readonly string[]): boolean {
  const s = squash(subject);
  return s.length > 0 && body.some((b) => squash(b).includes(s));
}

/**
 * Does the conversation show a problem for engineering? Evidence, each capped: error codes,
 * defect language, recurrence, steps already tried, error lines in attached logs. A logistic-style
 * squash turns the score into a confidence; no evidence stays below the review threshold.
 */
export function escalationHeuristic(req: EscalationRequest): EscalationResult {
  const body = [req.description ?? '', ...req.entries.map((e) => e.body)].map(stripMaskTokens);
  const subject = stripMaskTokens(req.subject);
  // A subject made from the first words of the text (Email-to-Case, web forms) is not new evidence:
  // counted twice it moved customer questions over the review threshold (npm run eval:escalation).
  const texts = repeats(subject, body) ? body : [subject, ...body];
  const all = texts.join('\n');
  const logs = (req.attachments ?? []).map((a) => a.text);
  const codes = Array.from(new Set([...all.matchAll(ERROR_CODE), ...logs.flatMap((l) => [...l.matchAll(ERROR_CODE)])].map((m) => m[0]))).slice(0, 20);
  const tried = Array.from(new Set(texts.flatMap((t) => t.split(/[.!?]\s+|\n+/)).filter((s) => TRIED_ONE.test(s)).map((s) => clip(s.trim(), 300)))).filter(Boolean).slice(0, 10);
  const defect = (all.match(DEFECT) ?? []).length;
  const recurring = (all.match(RECURRING) ?? []).length;
  const logLines = logs.flatMap((l) => l.split(/\r?\n/)).filter((l) => LOG_ERROR.test(l)).length;
  const score = Math.min(codes.length, 3) * 0.7 + Math.min(defect, 3) * 0.6 + Math.min(recurring, 2) * 0.4 + Math.min(tried.length, 3) * 0.6 + Math.min(logLines, 3) * 0.5;
  const confidence = round3(1 / (1 + Math.exp(-(score - 1.2) * 1.5)));
  const escalate = confidence >= 0.5;
  const category: EscalationResult['category'] = /\b(outage|down|unavailable|all users)\b/i.test(all) ? 'outage' : /\b(slow|latency|timeout|timed out)\b/i.test(all) ? 'degradation' : 'defect';
  const evidence = [
    codes.length ? `${codes.length} error code(s)` : '',
    defect ? `${defect} defect signal(s)` : '',
    recurring ? `${recurring} recurrence signal(s)` : '',
    tried.length ? `${tried.length} step(s) already tried` : '',
    logLines ? `${logLines} error line(s) in the logs` : '',
  ].filter(Boolean);
  return {
    escalate,
    confidence,
    category,
    rationale: clip(`Embedded heuristic: ${evidence.length ? evidence.join(', ') : 'no engineering evidence'}; ${escalate ? 'looks beyond L1/L2' : 'support can still work it'}.`, 500),
    errorCodes: codes.map((c) => clip(c, 80)),
    affectedCis: req.configurationItem ? [clip(req.configurationItem, 120)] : [],
    stepsTried: tried,
    summary: labelled(`${clip(req.subject, 200)}. ${evidence.length ? `Evidence: ${evidence.join('; ')}.` : 'No technical evidence in the conversation.'}${codes.length ? ` Error codes: ${codes.slice(0, 5).join(', ')}.` : ''}`, 2000),
  };
}
