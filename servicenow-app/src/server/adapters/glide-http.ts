/**
 * HttpClient over sn_ws.RESTMessageV2, starting from the named REST message function so the
 * message's authentication (the OAuth profile for Salesforce) applies.
 */
import { RESTMessageV2 } from '@servicenow/glide/sn_ws';
import type { HttpClient, HttpRequest, HttpResponse } from '../ports';

interface RestResponseLike {
    getStatusCode(): number;
    getBody(): string;
    haveError(): boolean;
    getErrorMessage(): string;
}
interface RestMessageLike {
    setEndpoint(url: string): void;
    setHttpMethod(method: string): void;
    setRequestHeader(name: string, value: string): void;
    setRequestBody(body: string): void;
    execute(): RestResponseLike;
}
type RestMessageCtor = new (message: string, fn: string) => RestMessageLike;

export const glideHttpClient: HttpClient = {
    send(request: HttpRequest): HttpResponse {
        try {
            const msg = new (RESTMessageV2 as unknown as RestMessageCtor)(request.message, request.fn);
            msg.setEndpoint(request.endpoint);
            msg.setHttpMethod(request.method.toLowerCase());
            const headers = request.headers ?? {};
            for (const name of Object.keys(headers)) msg.setRequestHeader(name, headers[name]);
            if (request.body !== undefined) msg.setRequestBody(request.body);
            const res = msg.execute();
            const status = Number(res.getStatusCode()) || 0;
            const body = String(res.getBody() ?? '');
            return status === 0 || res.haveError() ? { status, body, error: String(res.getErrorMessage() ?? '') } : { status, body };
        } catch (e) {
            return { status: 0, body: '', error: String(e) };
        }
    },
};
