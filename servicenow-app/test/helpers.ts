/** Shared fixtures: realistic Salesforce messages and proxy answers. */
import type { CaseMessage } from '../src/server/generated/seam-core';
import type { HttpRequest, HttpResponse } from '../src/server/ports';
import { json } from './fakes';

export const CASE_A = '500000000000001AAA';
export const CASE_B = '500000000000002AAA';
export const ACCOUNT_1 = '001000000000001AAA';
export const ACCOUNT_2 = '001000000000002AAA';

export const PROPS = {
    'x_seam_bridge.proxy.url': 'https://proxy.example.test',
    'x_seam_bridge.proxy.api_key': 'sn-secret-from-property',
    'x_seam_bridge.salesforce.instance_url': 'https://acme.my.salesforce.com',
};

export function caseMessage(overrides: Partial<CaseMessage> = {}, fields: CaseMessage['fields'] = {}): CaseMessage {
    const caseId = overrides.caseId ?? CASE_A;
    const version = overrides.version ?? 1;
    return {
        messageId: `m-${caseId}-${version}`,
        idempotencyKey: `salesforce:${caseId}:${version}`,
        caseId,
        caseNumber: '00001001',
        version,
        sentAt: '2026-11-23T11:00:00Z',
        origin: 'salesforce',
        fields: { Subject: 'VPN down for the whole office', Description: 'Nobody can connect since 9:00', Priority: 'Medium', AccountId: ACCOUNT_1, ...fields },
        ...overrides,
    };
}

export const body = (messages: unknown[]): string => JSON.stringify({ messages });

export interface TriageAnswer {
    route: 'servicenow' | 'salesforce' | 'review';
    priority: number;
    confidence: number;
    /** The triage category; `outage` unless a test says otherwise. */
    category?: string;
}

/** A proxy that answers triage with `answer`, plus Salesforce composite calls that all succeed. */
export function proxyAndSalesforce(answer: TriageAnswer | 'down'): (req: HttpRequest) => HttpResponse {
    return (req) => {
        if (req.endpoint.endsWith('/v1/triage')) {
            if (answer === 'down') return { status: 0, body: '', error: 'connect timed out' };
            return json(200, {
                route: answer.route,
                category: answer.category ?? 'outage',
                priority: answer.priority,
                suggestedAssignmentGroup: 'Network',
                confidence: answer.confidence,
                rationale: 'Many users affected; network outage pattern.',
                engine: 'llm',
            });
        }
        if (req.endpoint.endsWith('/composite/sobjects')) {
            const records = (JSON.parse(req.body ?? '{}') as { records: unknown[] }).records;
            return json(200, records.map((_, i) => ({ id: `a0X00000000000${i}`, success: true, errors: [] })));
        }
        return { status: 404, body: 'not routed in test' };
    };
}
