/** Scripted REST route handlers (src/fluent/rest-api): RESTAPIRequest/Response <-> ApiRequest/ApiResponse. */
import { postCases } from '../api/cases';
import { postComments } from '../api/comments';
import { postKnowledgeAnswer } from '../api/knowledge';
import { getChanges } from '../api/changes';
import { getLink } from '../api/links';
import { context } from './context';
import { queryParam, respond, toApiRequest, type RestRequestLike, type RestResponseLike } from './rest-io';

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

export function knowledgeAnswerRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, postKnowledgeAnswer(ports, settings, toApiRequest(request)));
}

/** GET /v1/changes: the polling fallback's feed (api/changes.ts). */
export function changesRoute(request: RestRequestLike, response: RestResponseLike): void {
    const { ports, settings } = context();
    respond(response, getChanges(ports, settings, { cursor: queryParam(request, 'cursor'), limit: queryParam(request, 'limit') }));
}
