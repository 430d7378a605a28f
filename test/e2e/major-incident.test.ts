// Scenario 4: a P1 on a customer-facing service finds the accounts with open cases on that service
// and leaves one Task per account in Salesforce, holding an AI-drafted notice for a person to send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCase, getCase, incidentTriage, startE2E, type E2E } from './helpers.js';

const AI_LABEL = '[AI-generated — review before relying on it]';
const PORTAL = 'a1b2c3d4e5f60718293a4b5c6d7e8f90'; // the customer-facing service (a CI sys_id)
const INTRANET = '0f9e8d7c6b5a49382716f5e4d3c2b1a0'; // an internal one

let e: E2E;
beforeAll(async () => { e = await startE2E({ 'x_seam_bridge.major_incident.customer_facing_services': PORTAL }); });
afterAll(async () => { await e?.close(); });

async function account(name: string): Promise<string> {
  const res: any = await e.sf.sobject('Account').create({ Name: name });
  return res.id;
}

async function tasksFor(accountId: string) {
  return (await e.sf.query(`SELECT Subject, Description, Status, Priority FROM Task WHERE WhatId = '${accountId}'`)).records as any[];
}

describe('scenario 4: P1 on a customer-facing service', () => {
  it('drafts one notice task per impacted account, none for others, and never twice', async () => {
    const acme = await account('Acme Retail');
    const globex = await account('Globex Bank');
    const initech = await account('Initech (internal service only)');
    const cases = {
      acme: await createCase(e.sf, { ...incidentTriage, AccountId: acme }),
      globex: await createCase(e.sf, { ...incidentTriage, Subject: 'Login error on the customer portal', AccountId: globex }),
      initech: await createCase(e.sf, { ...incidentTriage, Subject: 'Login error on the intranet', AccountId: initech }),
    };
    await e.sandbox.settle();
    const incidents = Object.fromEntries(await Promise.all(Object.entries(cases).map(async ([k, id]) => [k, (await e.sn.incidentForCase(id))!])));
    expect(Object.values(incidents).every(Boolean)).toBe(true);

    // The service desk records the affected CI on each incident; Salesforce learns it (Seam_CI__c).
    await e.sn.patch('incident', incidents.acme.sys_id, { cmdb_ci: PORTAL }, 'agent');
    await e.sn.patch('incident', incidents.globex.sys_id, { cmdb_ci: PORTAL }, 'agent');
    await e.sn.patch('incident', incidents.initech.sys_id, { cmdb_ci: INTRANET }, 'agent');
    await e.sandbox.settle();
    expect((await getCase(e.sf, cases.globex, ['Seam_CI__c'])).Seam_CI__c).toBe(PORTAL);

    // The acme incident becomes a P1.
    await e.sn.patch('incident', incidents.acme.sys_id, { priority: '1' }, 'agent');
    await e.sandbox.settle();
    for (const id of [acme, globex]) {
      const tasks = await tasksFor(id);
      expect(tasks).toHaveLength(1);
      expect(tasks[0].Subject).toContain(`[${incidents.acme.number}]`);
      expect(tasks[0].Description).toContain(AI_LABEL);
      expect(tasks[0].Description).toContain('review and send it yourself');
      expect(tasks[0]).toMatchObject({ Status: 'Not Started', Priority: 'High' });
    }
    expect(await tasksFor(initech)).toEqual([]);

    // Down to P2 and back to P1: the accounts are not notified twice.
    await e.sn.patch('incident', incidents.acme.sys_id, { priority: '2' }, 'agent');
    await e.sandbox.settle();
    await e.sn.patch('incident', incidents.acme.sys_id, { priority: '1' }, 'agent');
    await e.sandbox.settle();
    expect(await tasksFor(acme)).toHaveLength(1);
    expect(await tasksFor(globex)).toHaveLength(1);
  });
});
