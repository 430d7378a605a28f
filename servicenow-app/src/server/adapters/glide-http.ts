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
    getHeader?(name: string): string | null;
}

/** The response headers logic reads (the platform's getHeader ignores case). */
const READ_HEADERS = ['Sforce-Limit-Info'];
interface RestMessageLike {
    setEndpoint(url: string): void;
    setHttpMethod(method: string): void;
    setRequestHeader(name: string, value: string): void;
    setRequestBody(body: string): void;
    setHttpTimeout(ms: number): void;
    setMIDServer(name: string): void;
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
            if (request.timeoutMs !== undefined) msg.setHttpTimeout(request.timeoutMs);
            if (request.midServer) msg.setMIDServer(request.midServer);
            const res = msg.execute();
            const status = Number(res.getStatusCode()) || 0;
            const body = String(res.getBody() ?? '');
            const read: Record<string, string> = {};
            for (const name of READ_HEADERS) {
                const v = status === 0 || typeof res.getHeader !== 'function' ? null : res.getHeader(name);
                if (v !== null && v !== undefined && v !== '') read[name.toLowerCase()] = String(v);
            }
            const withHeaders = Object.keys(read).length ? { headers: read } : {};
            return status === 0 || res.haveError() ? { status, body, ...withHeaders, error: String(res.getErrorMessage() ?? '') } : { status, body, ...withHeaders };
        } catch (e) {
            return { status: 0, body: '', error: String(e) };
        }
    },
};
