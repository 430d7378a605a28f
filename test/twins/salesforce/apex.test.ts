// The panel's Apex controller on the twin, as the console's LWC calls it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
beforeAll(async () => {
  twin = await startTwin({ serviceNowUrl: 'https://acme.service-now.com/' });
  c = await client(twin);
});
afterAll(() => twin.close());

const apex = async (method: string, caseId: string) => {
  const r = await fetch(`${twin.url}/seam-twin/apex/SeamPanelController/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ caseId }) });
  return { status: r.status, body: await r.json() };
};

describe('SeamPanelController', () => {
  it('shows an unlinked case, then the linked incident after ServiceNow reports it', async () => {
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'Login error' })).body.id;
    const before = await apex('getLink', id);
    expect(before.body).toMatchObject({ accessDenied: false, linked: false, caseId: id, incidentNumber: null, syncStatus: 'Pending', pending: 1 });

    await c.call('POST', '/sobjects/Incident_Update__e', {
      Message_Id__c: 'panel-1', Case_Id__c: id, Origin__c: 'servicenow', Link_Version__c: 1, Incident_Sys_Id__c: 'abc123', Correlation_Id__c: `SNOW-INC0010009|SFDC-${id}`,
      Fields_Json__c: JSON.stringify({ Seam_Incident_Number__c: 'INC0010009', Seam_Assignee__c: 'Beth', Seam_SLA_Due__c: '2026-11-24T10:00:00Z', Seam_Incident_State__c: 'In Progress' }),
    });
    const view = twin.apex.SeamPanelController.getLink(id.slice(0, 15));
    expect(view).toMatchObject({
      linked: true, caseId: id, incidentNumber: 'INC0010009', assignee: 'Beth', incidentState: 'In Progress', slaDue: '2026-11-24T10:00:00.000Z',
      incidentUrl: 'https://acme.service-now.com/nav_to.do?uri=incident.do%3Fsys_id%3Dabc123', correlationId: `SNOW-INC0010009|SFDC-${id}`,
    });
    expect(view.lastSync).toMatch(/Z$/);
  });

  it('escalate and resync queue a new version with their reason and an audit row', async () => {
    const id = (await c.call('POST', '/sobjects/Case', { Subject: 'Escalate me' })).body.id;
    twin.drainOutbound();
    const r = await apex('escalate', id);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ syncStatus: 'Pending', pending: 2 });
    expect(r.body.escalatedAt).toMatch(/Z$/);
    twin.apex.SeamPanelController.resync(id);
    expect(twin.outbound.map((i) => [i.kind, (i.message as any).version])).toEqual([['case', 2], ['case', 3]]);
    const rows = (await c.call('GET', q(`SELECT Reason__c, Version__c FROM Seam_Outbox__c WHERE Case__c = '${id}' ORDER BY Version__c`))).body.records;
    expect(rows.map((x: any) => x.Reason__c)).toEqual(['change', 'escalate', 'resync']);
    const audits = (await c.call('GET', q(`SELECT Result__c FROM Seam_Audit__c WHERE Case__c = '${id}' ORDER BY Name`))).body.records;
    expect(audits.map((x: any) => x.Result__c)).toEqual(['escalate', 'resync']);
  });

  it('denies what it cannot show or edit', async () => {
    expect((await apex('getLink', '500Tw00000000zz')).body).toMatchObject({ accessDenied: true, linked: false });
    const r = await apex('escalate', '500Tw00000000zz');
    expect(r.status).toBe(400);
    expect(r.body.error).toContain('You need edit access to this case to escalate it');
  });
});
