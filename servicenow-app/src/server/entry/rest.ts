/** Scripted REST route handlers (src/fluent/rest-api): RESTAPIRequest/Response <-> ApiRequest/ApiResponse. */
import { postCases } from '../api/cases';
import { postComments } from '../api/comments';
import type { ApiRequest, ApiResponse } from '../api/http';
import { getLink } from '../api/links';
import { context } from './context';

interface RestRequestLike {
    body?: { dataString?: string } | null;
    pathParams?: Record<string, string> | null;
}
interface RestResponseLike {
    setStatus(status: number): void;
    setContentType(type: string): void;
    getStreamWriter(): { writeString(text: string): void };
}

function toApiRequest(request: RestRequestLike): ApiRequest {
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
function respond(response: RestResponseLike, result: ApiResponse): void {
    response.setStatus(result.status);
    response.setContentType('application/json');
    response.getStreamWriter().writeString(JSON.stringify(result.body));
}

export function casesRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postCases(ports, settings, toApiRequest(request)));
}

export function commentsRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postComments(ports, settings, toApiRequest(request)));
}

export function linkRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports } = context();
    respond(response, getLink(ports, toApiRequest(request)));
}
