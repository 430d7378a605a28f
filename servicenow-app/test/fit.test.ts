// Issue 14 item 4: Salesforce text longer than the incident's columns is cut to the dictionary
// length read at run time, with a marker, and its full text attached (nothing lost).
import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { fakePorts, type FakePorts } from './fakes';
import { PROPS, body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, proxyUrl: PROPS['x_seam_bridge.proxy.url'], proxyApiKey: PROPS['x_seam_bridge.proxy.api_key'], salesforceUrl: PROPS['x_seam_bridge.salesforce.instance_url'] };

function setup(files = true): FakePorts & { written: { fileName: string; text: string }[] } {
    const written: { fileName: string; text: string }[] = [];
    const base = fakePorts({ route: proxyAndSalesforce({ route: 'servicenow', priority: 3, confidence: 0.95 }) });
    base.records.lengths['incident.short_description'] = 160;
    base.records.lengths['incident.description'] = 4000;
    const ports = Object.assign(base, {
        written,
        files: files ? { write: (_t: string, _id: string, fileName: string, _ct: string, b64: string) => { written.push({ fileName, text: Buffer.from(b64, 'base64').toString('utf8') }); return `att${written.length}`; } } : undefined,
    });
    return ports;
}

describe('fitting Salesforce text into the incident columns', () => {
    it('cuts short_description and description to their dictionary lengths with a marker, attaches each full text once, tagged as Salesforce\'s', () => {
        const ports = setup();
        const subject = 'VPN down '.repeat(25).trim();
        const description = 'Log line 😀 '.repeat(800);
        postCases(ports, settings, { bodyText: body([caseMessage({}, { Subject: subject, Description: description })]), pathParams: {} });
        const [incident] = ports.records.rows('incident');
        expect(Array.from(incident.short_description)).toHaveLength(160);
        expect(Array.from(incident.description)).toHaveLength(4000);
        expect(incident.description).toContain('the full text is attached as "Case 00001001 description (full text).txt"');
        expect(ports.written.map((w) => w.fileName).sort()).toEqual(['Case 00001001 description (full text).txt', 'Case 00001001 short_description (full text).txt']);
        expect(ports.written.find((w) => w.fileName === 'Case 00001001 description (full text).txt')?.text).toBe(description);
        const rows = ports.records.rows('x_seam_bridge_attachment');
        expect(rows.every((r) => r.origin === 'salesforce' && r.direction === 'inbound' && r.incident === incident.sys_id)).toBe(true);

        // An update with the same long text attaches nothing new; a changed one attaches its full text.
        postCases(ports, settings, { bodyText: body([caseMessage({ version: 2 }, { Subject: subject, Description: description })]), pathParams: {} });
        expect(ports.written).toHaveLength(2);
        postCases(ports, settings, { bodyText: body([caseMessage({ version: 3 }, { Subject: subject, Description: description + ' more' })]), pathParams: {} });
        expect(ports.written).toHaveLength(3);
    });

    it('keeps text that fits, and cuts nothing when the column length is unknown', () => {
        const ports = setup();
        delete ports.records.lengths['incident.description'];
        const description = 'x'.repeat(9000);
        postCases(ports, settings, { bodyText: body([caseMessage({}, { Description: description })]), pathParams: {} });
        expect(ports.records.rows('incident')[0].description).toBe(description);
        expect(ports.written).toEqual([]);
    });

    it('logs the fix when the full text cannot be attached', () => {
        const ports = setup(false);
        postCases(ports, settings, { bodyText: body([caseMessage({}, { Description: 'y'.repeat(5000) })]), pathParams: {} });
        expect(ports.logs.some((l) => l.startsWith('error') && l.includes('could not be attached') && l.includes('fix:'))).toBe(true);
    });
});
