import { describe, expect, it } from 'vitest';
import { postBackfillLinks } from '../src/server/backfill/links';
import { fakePorts } from './fakes';
import { CASE_A, CASE_B, PROPS } from './helpers';

const settings = { inboundEnabled: true };
const post = (ports: ReturnType<typeof fakePorts>, pairs: unknown) =>
    postBackfillLinks(ports, settings, { bodyText: JSON.stringify({ pairs }), pathParams: {} }) as { status: number; body: any };

function setup() {
    const ports = fakePorts({ properties: PROPS });
    const inc = ports.records.seed('incident', { number: 'INC0010001', sys_id: 'a'.repeat(32) });
    return { ports, inc };
}
const link = { sf_case_id: CASE_A, incident: 'a'.repeat(32), correlation_id: `SNOW-INC0010001|SFDC-${CASE_A}`, state: '{}', sync_state: 'in_sync' };

describe('POST /v1/backfill/links', () => {
    it('creates the link and copies the Salesforce-owned fields, once however often it is called', () => {
        const { ports, inc } = setup();
        const pair = { caseId: CASE_A, incidentSysId: inc, link, incident: { x_seam_bridge_sf_case_id: CASE_A, x_seam_bridge_correlation_id: link.correlation_id, urgency: 1 } };
        const first = post(ports, [pair]);
        expect(first.status).toBe(200);
        expect(first.body.results[0]).toMatchObject({ status: 'ok', linkCreated: true, incidentUpdated: true });
        expect(ports.records.rows('incident')[0]).toMatchObject({ x_seam_bridge_sf_case_id: CASE_A, urgency: '1' });
        const again = post(ports, [pair]);
        expect(again.body.results[0]).toMatchObject({ status: 'ok', linkCreated: false });
        expect(ports.records.rows('x_seam_bridge_link')).toHaveLength(1);
    });

    it('refuses fields the backfill may not write, and names them; nothing is written', () => {
        const { ports, inc } = setup();
        const out = post(ports, [{ caseId: CASE_A, incidentSysId: inc, link, incident: { state: 7, short_description: 'x' } }]);
        expect(out.status).toBe(400);
        expect(out.body.error.problems.map((p: { field: string }) => p.field)).toEqual(['pairs[0].incident.state']);
        expect(ports.records.writes).toHaveLength(0);
        expect(post(ports, []).status).toBe(400);
        expect(post(ports, [{ caseId: CASE_A, incidentSysId: 'nope' }]).status).toBe(400);
    });

    it('will not link a Case already linked to another incident', () => {
        const { ports, inc } = setup();
        ports.records.seed('x_seam_bridge_link', { sf_case_id: CASE_B, incident: 'b'.repeat(32) });
        const out = post(ports, [{ caseId: CASE_B, incidentSysId: inc, link: { ...link, sf_case_id: CASE_B } }]);
        expect(out.body.results[0]).toMatchObject({ status: 'error' });
        expect(ports.records.rows('x_seam_bridge_link')).toHaveLength(1);
    });
});
