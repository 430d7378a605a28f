// RBAC on the routing logic, end to end on the twins: only x_seam_bridge.routing_admin changes a
// triage threshold (through a Seam Routing Change with a reason), a bad value changes nothing, the
// audit names who/old/new/why, and the very next triage routes by the new threshold.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

const TABLE = 'x_seam_bridge_routing_change';
const PROPERTY = 'x_seam_bridge.triage.auto_create_above';
const REASON = 'Every transfer needs a person this week: new SSO rollout';

describe('routing changes: role, reason, audit, effect', () => {
  let e: E2E;
  beforeAll(async () => { e = await startE2E(); });
  afterAll(async () => { await e?.close(); });

  const routingAudit = () => e.sn.query('x_seam_bridge_audit', 'direction=config^operation=routing:change');

  it('with the shipped threshold a confident login case becomes an incident', async () => {
    const caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toHaveLength(1);
  });

  it('refuses people without the routing role (the Seam admin included) and changes nothing', async () => {
    for (const as of ['seamAdmin', 'agent', 'integration'] as const) {
      const res = await e.sn.call('POST', `/api/now/table/${TABLE}`, { property: PROPERTY, new_value: '1', reason: REASON }, as);
      expect(res.status, as).toBe(403);
    }
    expect(await e.sn.query(TABLE, '')).toEqual([]);
    expect(await routingAudit()).toEqual([]);
  });

  it('refuses a bad value or a missing reason from the routing admin, with nothing written', async () => {
    for (const body of [
      { property: PROPERTY, new_value: '1.5', reason: REASON },
      { property: PROPERTY, new_value: '0.3', reason: REASON }, // below review_below (0.5)
      { property: PROPERTY, new_value: '0.9', reason: '' },
      { property: 'x_seam_bridge.proxy.url', new_value: 'https://elsewhere.example.com', reason: REASON },
    ]) {
      const res = await e.sn.call('POST', `/api/now/table/${TABLE}`, body, 'routingAdmin');
      expect(res.status, JSON.stringify(body)).toBe(403);
    }
    expect(await e.sn.query(TABLE, '')).toEqual([]);
    expect(await routingAudit()).toEqual([]);
    const logs = await e.sn.call('GET', '/twin/logs');
    // Each refusal is logged once (gs.error) and shown once (gs.addErrorMessage), naming field and fix.
    const refusals = (logs.body.logs as { level: string; message: string }[])
      .filter((l) => l.level === 'error' && l.message.startsWith('Seam Routing change refused, nothing changed: '))
      .map((l) => l.message.replace('Seam Routing change refused, nothing changed: ', ''));
    expect(refusals).toEqual([
      `new_value ${PROPERTY} is 1.5, not a number from 0 to 1; fix: set autoCreateAbove to a confidence between 0 and 1, e.g. 0.8`,
      'new_value (with x_seam_bridge.triage.review_below) x_seam_bridge.triage.review_below (0.5) is above autoCreateAbove (0.3); fix: set reviewBelow ≤ autoCreateAbove',
      'reason is empty; fix: say why the routing changes, in at least 10 characters (it is kept in the audit)',
      expect.stringMatching(/^property is "x_seam_bridge\.proxy\.url", not a routing property; fix: choose one of x_seam_bridge\.triage\.enabled, /),
    ]);
  });

  it('the routing admin changes the threshold; the row and the audit say who, old, new and why', async () => {
    const row = await e.sn.insert(TABLE, { property: PROPERTY, new_value: '1', reason: REASON }, 'routingAdmin');
    expect(row).toMatchObject({ property: PROPERTY, new_value: '1', old_value: '0.8', changed_by: 'routing.admin', reason: REASON });
    const audit = await routingAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'routing.admin', target_table: 'sys_properties', fields: PROPERTY, detail: REASON, result: 'success' });
    expect(JSON.parse(audit[0].old_values)).toEqual({ [PROPERTY]: '0.8' });
    expect(JSON.parse(audit[0].new_values)).toEqual({ [PROPERTY]: '1' });
    // History is not editable by the routing admin.
    const edit = await e.sn.call('PATCH', `/api/now/table/${TABLE}/${row.sys_id}`, { reason: 'rewritten' }, 'routingAdmin');
    expect(edit.status).toBe(403);
  });

  it('the next triage uses the new threshold: the same kind of case waits for a person', async () => {
    const caseId = await createCase(e.sf, { ...incidentTriage, Subject: 'Login error after the SSO change' });
    await e.sandbox.settle();
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toEqual([]);
    const reviews = await e.sn.query('x_seam_bridge_triage_review', `sf_case_id=${caseId}`);
    expect(reviews).toHaveLength(1);
    expect((await getCase(e.sf, caseId, ['Seam_Triage_Route__c'])).Seam_Triage_Route__c).toBe('review');
  });
});
