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
    setBody(body: unknown): void;
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

function respond(response: RestResponseLike, result: ApiResponse): void {
    response.setStatus(result.status);
    response.setBody(result.body);
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
