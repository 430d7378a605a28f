/**
 * Egress through a MID Server: instances that may not call the internet route the REST messages
 * through the MID Server named in a property (RESTMessageV2.setMIDServer). A call the MID Server
 * never answers (it is Down, or cannot reach the endpoint) fails like a transport error, so the
 * outbox retries it with backoff; the error names the property and the fix.
 */
import type { Settings } from '../config';
import { PROPERTY } from '../config';
import type { HttpClient, HttpRequest, HttpResponse } from '../ports';

// The chat webhook is called directly (no MID Server property of its own).
const PROPERTY_OF: Readonly<Partial<Record<HttpRequest['message'], string>>> = {
    'Seam Salesforce': PROPERTY.salesforceMidServer,
    'Seam Proxy': PROPERTY.proxyMidServer,
};

export function midRouted(http: HttpClient, settings: Pick<Settings, 'salesforceMidServer' | 'proxyMidServer'>): HttpClient {
    const nameFor = (message: HttpRequest['message']): string => (message === 'Seam Salesforce' ? settings.salesforceMidServer : message === 'Seam Proxy' ? settings.proxyMidServer : '');
    return {
        send(request: HttpRequest): HttpResponse {
            const mid = nameFor(request.message);
            if (!mid) return http.send(request);
            const res = http.send({ ...request, midServer: mid });
            if (res.status !== 0) return res;
            const fix =
                `the call went through MID Server "${mid}" (${PROPERTY_OF[request.message]}) and got no answer; ` +
                'fix: check that the MID Server is Up (MID Server > Servers) and can reach the endpoint, or clear the property to call directly';
            return { ...res, error: `${res.error ?? 'no answer'}; ${fix}` };
        },
    };
}
