// Egress through a MID Server (issue 14, "on-premises reach"): the property routes each REST
// message through RESTMessageV2.setMIDServer; a MID Server that never answers is a transport
// failure whose error names the property and the fix.
import { describe, expect, it } from 'vitest';
import { midRouted } from '../src/server/clients/mid';
import { DEFAULTS, loadSettings } from '../src/server/config';
import { FakeHttp } from './fakes';

describe('midRouted', () => {
    it('routes each REST message through its own MID Server property, and calls directly when empty', () => {
        const http = new FakeHttp(() => ({ status: 200, body: '{}' }));
        const client = midRouted(http, { ...DEFAULTS, salesforceMidServer: 'mid-dmz', proxyMidServer: '' });
        client.send({ message: 'Seam Salesforce', fn: 'query', method: 'GET', endpoint: 'https://acme.my.salesforce.com/services/data/v62.0/limits' });
        client.send({ message: 'Seam Proxy', fn: 'triage', method: 'POST', endpoint: 'https://proxy.example.test/v1/triage', body: '{}' });
        expect(http.requests.map((r) => r.midServer)).toEqual(['mid-dmz', undefined]);
    });

    it('a MID Server that never answers: the error keeps the platform text and names the property and the fix', () => {
        const ecc = 'No response for ECC message request with sysid=0123456789abcdef0123456789abcdef after waiting for 30 seconds in ECC Queue';
        const client = midRouted(new FakeHttp(() => ({ status: 0, body: '', error: ecc })), { ...DEFAULTS, salesforceMidServer: 'mid-dmz' });
        const res = client.send({ message: 'Seam Salesforce', fn: 'query', method: 'GET', endpoint: 'https://acme.my.salesforce.com/x' });
        expect(res.status).toBe(0);
        expect(res.error).toContain(ecc);
        expect(res.error).toContain('x_seam_bridge.salesforce.mid_server');
        expect(res.error).toMatch(/fix: check that the MID Server is Up/);
    });

    it('reads the MID Server names from properties', () => {
        const { settings } = loadSettings({ get: (n) => ({ 'x_seam_bridge.salesforce.mid_server': ' mid-dmz ' } as Record<string, string>)[n] });
        expect(settings).toMatchObject({ salesforceMidServer: 'mid-dmz', proxyMidServer: '' });
    });
});
