/**
 * POST /v1/cases: a batch of 1..200 CaseMessages. The whole batch is validated first (schema,
 * then a dry run of the shared inbound decision for field ownership and values); any problem
 * answers 400 naming each field and its fix, and nothing is written. Triage (a model call per new
 * case) is bounded by x_seam_bridge.inbound.triage_budget_ms; the cases left are `triage_queued`.
 */
import { CASE_MESSAGE_BATCH_SCHEMA, parseAndValidate, type CaseMessage, type FieldProblem } from '../generated/seam-core';
import type { Settings } from '../config';
import type { Ports } from '../ports';
import { applyCaseMessage, dryRunProblems, type CaseResult } from '../sync/inbound';
import { badRequest, unavailable, type ApiRequest, type ApiResponse } from './http';

type CasesSettings = Parameters<typeof applyCaseMessage>[1] & Pick<Settings, 'inboundEnabled' | 'triageBudgetMs'>;

export function validateCaseBatch(bodyText: string): { ok: true; messages: CaseMessage[] } | { ok: false; response: ApiResponse } {
    const parsed = parseAndValidate<{ messages: CaseMessage[] }>(CASE_MESSAGE_BATCH_SCHEMA, bodyText);
    if (!parsed.ok) {
        return { ok: false, response: badRequest('The request body breaks the CaseMessage batch schema', 'nothing was written; fix every problem and resend the whole batch', parsed.error) };
    }
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    parsed.value.messages.forEach((m, i) => {
        if (seen.has(m.messageId)) {
            problems.push({ field: `messages[${i}].messageId`, problem: `repeats ${m.messageId} from an earlier message of this batch`, fix: 'send each message once per batch', value: m.messageId });
        }
        seen.add(m.messageId);
        for (const p of dryRunProblems(m)) problems.push({ ...p, field: `messages[${i}].fields.${p.field}` });
    });
    if (problems.length) {
        return { ok: false, response: badRequest('Some fields cannot be applied', 'nothing was written; fix every problem and resend the whole batch', problems) };
    }
    return { ok: true, messages: parsed.value.messages };
}

export function postCases(ports: Ports, settings: CasesSettings, request: ApiRequest): ApiResponse {
    if (!settings.inboundEnabled) return unavailable();
    const checked = validateCaseBatch(request.bodyText);
    if (!checked.ok) return checked.response;
    // Triage calls stop once the budget is spent; the cases left are accepted and triaged async.
    const started = ports.clock.nowMs();
    const results: CaseResult[] = checked.messages.map((m) => {
        try {
            return applyCaseMessage(ports, settings, m, { deferTriage: ports.clock.nowMs() - started >= settings.triageBudgetMs });
        } catch (e) {
            // One broken message must not lose the others' results; it is retried by Salesforce.
            ports.log.error(`Seam: case message ${m.messageId} failed: ${String(e)}`);
            return { messageId: m.messageId, status: 'error', problems: [{ field: 'message', problem: `failed while applying: ${String(e)}`, fix: 'resend it; if it fails again an admin checks the system log' }] };
        }
    });
    return { status: 200, body: { results } };
}
