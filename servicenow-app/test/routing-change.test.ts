// RBAC on the routing logic: only x_seam_bridge.routing_admin changes a routing property, only with
// a reason, only to a value the app's own parser accepts; every change is audited (who/old/new/why).
import { describe, expect, it } from 'vitest';
import { loadSettings, PROPERTY } from '../src/server/config';
import { applyRoutingChange, checkRoutingChange, ROUTING_ADMIN_ROLE } from '../src/server/governance/routing-change';
import { TABLE } from '../src/server/tables';
import { fakePorts } from './fakes';

const REASON = 'Too many confident billing cases waited in review last week';

function setup(properties: Record<string, string> = { [PROPERTY.triageReviewBelow]: '0.5', [PROPERTY.triageAutoCreateAbove]: '0.8' }) {
    const ports = fakePorts({ properties });
    const writer = { set: (name: string, value: string) => { ports.properties.values[name] = value; } };
    const roles: string[] = [ROUTING_ADMIN_ROLE];
    const hasRole = (r: string) => roles.indexOf(r) >= 0;
    const audits = () => [...(ports.records.tables.get(TABLE.audit)?.values() ?? [])];
    return { ports, writer, roles, hasRole, audits };
}

describe('applyRoutingChange', () => {
    it('applies a valid threshold, audits who, old, new and why, and the next settings load uses it', () => {
        const { ports, writer, hasRole, audits } = setup();
        const outcome = applyRoutingChange(ports, writer, hasRole, { property: PROPERTY.triageReviewBelow, newValue: ' 0.35 ', reason: REASON });
        expect(outcome).toEqual({ status: 'applied', property: PROPERTY.triageReviewBelow, oldValue: '0.5', newValue: '0.35', actor: 'jane.agent' });
        expect(ports.properties.values[PROPERTY.triageReviewBelow]).toBe('0.35');
        const rows = audits();
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({
            direction: 'config', operation: 'routing:change', target_table: 'sys_properties', target_id: '', fields: PROPERTY.triageReviewBelow,
            actor: 'jane.agent', detail: REASON, result: 'success',
        });
        expect(JSON.parse(rows[0].old_values)).toEqual({ [PROPERTY.triageReviewBelow]: '0.5' });
        expect(JSON.parse(rows[0].new_values)).toEqual({ [PROPERTY.triageReviewBelow]: '0.35' });
        expect(loadSettings(ports.properties).settings.triagePolicy.reviewBelow).toBe(0.35);
    });

    it('refuses a user without the role and changes nothing', () => {
        const { ports, writer, roles, hasRole, audits } = setup();
        roles.length = 0;
        const outcome = applyRoutingChange(ports, writer, hasRole, { property: PROPERTY.triageReviewBelow, newValue: '0.3', reason: REASON });
        expect(outcome.status).toBe('refused');
        if (outcome.status === 'refused') {
            expect(outcome.problems[0].field).toBe('role');
            expect(outcome.message).toContain(ROUTING_ADMIN_ROLE);
        }
        expect(ports.properties.values[PROPERTY.triageReviewBelow]).toBe('0.5');
        expect(audits()).toEqual([]);
    });

    it.each([
        ['a number out of range', PROPERTY.triageReviewBelow, '1.5', REASON, 'new_value'],
        ['not a number', PROPERTY.triageAutoCreateAbove, 'high', REASON, 'new_value'],
        ['a review threshold above the auto-create one', PROPERTY.triageReviewBelow, '0.9', REASON, 'new_value'],
        ['an auto-create threshold below the review one', PROPERTY.triageAutoCreateAbove, '0.3', REASON, `new_value (with ${PROPERTY.triageReviewBelow})`],
        ['an unknown priority', PROPERTY.triageApprovalPriorities, '1,9', REASON, 'new_value'],
        ['a non-boolean switch', PROPERTY.triageEnabled, 'yes', REASON, 'new_value'],
        ['no reason', PROPERTY.triageReviewBelow, '0.4', '  ', 'reason'],
        ['a token reason', PROPERTY.triageReviewBelow, '0.4', 'fix', 'reason'],
        ['a property that is not routing', PROPERTY.proxyUrl, 'https://evil.example.com', REASON, 'property'],
    ])('refuses %s, naming the field and the fix, and changes nothing', (_label, property, newValue, reason, field) => {
        const { ports, writer, hasRole, audits } = setup();
        const before = { ...ports.properties.values };
        const outcome = applyRoutingChange(ports, writer, hasRole, { property, newValue, reason });
        expect(outcome.status).toBe('refused');
        if (outcome.status !== 'refused') return;
        expect(outcome.problems.map((p) => p.field)).toContain(field);
        for (const p of outcome.problems) expect(p.fix.length).toBeGreaterThan(5);
        expect(outcome.message).toContain('nothing changed');
        expect(ports.properties.values).toEqual(before);
        expect(audits()).toEqual([]);
    });

    it('checks the cross-field rule against the current value of the other threshold', () => {
        const { ports } = setup({ [PROPERTY.triageAutoCreateAbove]: '0.95' });
        expect(checkRoutingChange(ports.properties, { property: PROPERTY.triageReviewBelow, newValue: '0.9', reason: REASON }).ok).toBe(true);
        const lower = setup({ [PROPERTY.triageAutoCreateAbove]: '0.6' });
        expect(checkRoutingChange(lower.ports.properties, { property: PROPERTY.triageReviewBelow, newValue: '0.9', reason: REASON }).ok).toBe(false);
    });

    it('accepts an empty approval group (back to reviewers) and priorities as a list', () => {
        const { ports, writer, hasRole } = setup();
        expect(applyRoutingChange(ports, writer, hasRole, { property: PROPERTY.approvalGroup, newValue: '', reason: REASON }).status).toBe('applied');
        expect(applyRoutingChange(ports, writer, hasRole, { property: PROPERTY.triageApprovalPriorities, newValue: '1', reason: REASON }).status).toBe('applied');
        expect(loadSettings(ports.properties).settings.triagePolicy.approvalPriorities).toEqual([1]);
    });
});
