/**
 * The scripted REST request/response seen by our route handlers, and the two conversions every
 * route needs. One place, so every route reads bodies and writes JSON the same way.
 */
import type { ApiRequest, ApiResponse } from '../api/http';

export interface RestRequestLike {
    body?: { dataString?: string } | null;
    pathParams?: Record<string, string> | null;
    /** Scripted REST: each query parameter's values, as an array. */
    queryParams?: Record<string, readonly string[] | string> | null;
}
export interface RestResponseLike {
    setStatus(status: number): void;
    setContentType(type: string): void;
    getStreamWriter(): { writeString(text: string): void };
}

export function toApiRequest(request: RestRequestLike): ApiRequest {
    let bodyText = '';
    try {
        bodyText = request.body && typeof request.body.dataString === 'string' ? request.body.dataString : '';
    } catch {
        bodyText = ''; // GET requests have no body object to read
    }
    return { bodyText, pathParams: request.pathParams ?? {} };
}

/**
 * Writes the JSON body as is. `setBody` would wrap it in `{ "result": … }`; the contract
 * (docs/contracts.md) and the Apex dispatcher read `results` / `error` at the top level.
 */
export function respond(response: RestResponseLike, result: ApiResponse): void {
    response.setStatus(result.status);
    response.setContentType('application/json');
    response.getStreamWriter().writeString(JSON.stringify(result.body));
}

/** The first value of a query parameter, or undefined when absent. */
export function queryParam(request: RestRequestLike, name: string): string | undefined {
    const v = request.queryParams ? request.queryParams[name] : undefined;
    if (v === undefined || v === null) return undefined;
    return typeof v === 'string' ? v : v.length > 0 ? String(v[0]) : undefined;
}
