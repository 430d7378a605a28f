/** Plain request/response shapes of the scripted REST API, free of RESTAPIRequest/Response. */
import type { FieldProblem } from '../generated/seam-core';

export interface ApiRequest {
    /** The raw body text (parsed by the handler, so invalid JSON becomes a 400 with a fix). */
    readonly bodyText: string;
    readonly pathParams: Readonly<Record<string, string>>;
}

export interface ApiResponse {
    readonly status: number;
    readonly body: unknown;
}

export function badRequest(message: string, detail: string, problems: readonly FieldProblem[]): ApiResponse {
    return { status: 400, body: { error: { message, detail, problems } } };
}

export function unavailable(): ApiResponse {
    return {
        status: 503,
        body: { error: { message: 'Seam inbound sync is switched off', detail: 'x_seam_bridge.inbound.enabled is false; nothing was written', problems: [] } },
    };
}
