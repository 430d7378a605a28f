/**
 * Property tests of the inbound path: whatever order and however often Salesforce delivers a
 * case's versions, there is one incident, it shows the newest version's values, and replays
 * write nothing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postCases } from '../src/server/api/cases';
import { DEFAULTS, type Settings } from '../src/server/config';
import { onIncidentChanged } from '../src/server/sync/outbound';
import { fakePorts } from './fakes';
import { body, caseMessage, proxyAndSalesforce } from './helpers';

const settings: Settings = { ...DEFAULTS, triageEnabled: false };

describe('inbound invariants', () => {
    it('any delivery order with replays converges on the newest version, with one incident', () => {
        fc.assert(
            fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 15 }), (versions) => {
                const ports = fakePorts({ route: proxyAndSalesforce('down') });
                for (const v of versions) {
                    postCases(ports, settings, { bodyText: body([caseMessage({ version: v }, { Subject: `subject v${v}` })]), pathParams: {} });
                }
                const incidents = ports.records.rows('incident');
                expect(incidents).toHaveLength(1);
                // The first delivery creates; afterwards only strictly newer versions apply.
                let applied = versions[0];
                for (const v of versions.slice(1)) if (v > applied) applied = v;
                expect(incidents[0].short_description).toBe(`subject v${applied}`);
                expect(ports.records.rows('x_seam_bridge_link')[0].link_version).toBe(String(applied));
            }),
            { numRuns: 60 },
        );
    });

    it('no inbound write is ever echoed back to Salesforce', () => {
        fc.assert(
            fc.property(fc.array(fc.constantFrom('High', 'Medium', 'Low'), { minLength: 1, maxLength: 6 }), (priorities) => {
                const ports = fakePorts();
                ports.records.seed('sys_user_has_role', { user: 'u', 'user.user_name': 'sf.integration', 'role.name': 'x_seam_bridge.integration' });
                priorities.forEach((p, i) => {
                    postCases(ports, settings, { bodyText: body([caseMessage({ version: i + 1 }, { Priority: p, Subject: `s${i}` })]), pathParams: {} });
                    const incident = ports.records.rows('incident')[0];
                    ports.records.update('incident', incident.sys_id, { sys_updated_by: 'sf.integration', sys_mod_count: String(i + 1) });
                    onIncidentChanged(ports, settings, ports.records.get('incident', incident.sys_id) as Record<string, string>);
                });
                // Only the first sync (ServiceNow's own fields, never sent before) is queued.
                const queued = ports.records.rows('x_seam_bridge_outbox');
                expect(queued).toHaveLength(1);
                const fields = JSON.parse(JSON.parse(queued[0].payload).Fields_Json__c);
                for (const sfOwned of ['Subject', 'Priority', 'Description', 'AccountId']) expect(fields).not.toHaveProperty(sfOwned);
            }),
            { numRuns: 40 },
        );
    });
});
