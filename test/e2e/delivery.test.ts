// Scenario 5: at-least-once transports deliver the same message more than once. Three deliveries
// of the same case, comment and incident update give one incident and one comment on each side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseComments, createCase, eventsForCase, incidentTriage, startE2E, type E2E } from './helpers.js';

let e: E2E;
beforeAll(async () => { e = await startE2E(); });
afterAll(async () => { await e?.close(); });

/** Delivers a message again, as the Salesforce side's callout would after a lost answer. */
async function redeliver(path: '/cases' | '/comments', message: unknown) {
  const res = await e.sn.call('POST', `/api/x_seam_bridge/seam/v1${path}`, { messages: [message] }, 'integration');
  expect(res.status).toBe(200);
  return res.body.results?.[0];
}

describe('scenario 5: the same message delivered three times', () => {
  let caseId: string;

  it('one case message three times → one incident', async () => {
    caseId = await createCase(e.sf, incidentTriage);
    await e.sandbox.settle();
    const first = e.sandbox.delivered.find((d) => d.path === '/cases' && (d.messages[0] as { caseId: string }).caseId === caseId);
    expect(first?.status).toBe(200);
    const message = first!.messages[0];
    const again = [await redeliver('/cases', message), await redeliver('/cases', message)];
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    await e.sandbox.settle();
    expect(await e.sn.query('incident', `x_seam_bridge_sf_case_id=${caseId}`)).toHaveLength(1);
    expect(await e.sn.query('x_seam_bridge_link', `sf_case_id=${caseId}`)).toHaveLength(1);
  });

  it('one comment message three times → one incident comment', async () => {
    const body = 'Customer: the error code on screen is AUTH-401.';
    await e.sf.sobject('CaseComment').create({ ParentId: caseId, CommentBody: body, IsPublished: true });
    await e.sandbox.settle();
    const first = e.sandbox.delivered.find((d) => d.path === '/comments' && (d.messages[0] as { body: string }).body === body);
    expect(first?.status).toBe(200);
    await redeliver('/comments', first!.messages[0]);
    await redeliver('/comments', first!.messages[0]);
    await e.sandbox.settle();
    const incident = (await e.sn.incidentForCase(caseId))!;
    expect((await e.sn.journal(incident.sys_id, 'comments')).filter((j) => j.value.includes(body))).toHaveLength(1);
  });

  it('one Incident_Update__e published three times → one case comment', async () => {
    const incident = (await e.sn.incidentForCase(caseId))!;
    const body = 'Agent: please clear your browser cookies and retry.';
    await e.sn.patch('incident', incident.sys_id, { comments: body }, 'agent');
    await e.sandbox.settle();
    const event = eventsForCase(e.sandbox, caseId).find((p) => String(p.Comments_Json__c ?? '').includes('clear your browser cookies'));
    expect(event).toBeDefined();
    // The event's own fields, as ServiceNow published them (system fields are the platform's).
    const payload = Object.fromEntries(Object.entries(event!).filter(([k]) => k.endsWith('__c')));
    for (let i = 0; i < 2; i++) {
      const res: any = await e.sf.sobject('Incident_Update__e').create(payload);
      expect(res.success).toBe(true);
    }
    expect((await caseComments(e.sf, caseId)).filter((c) => c.CommentBody.includes(body))).toHaveLength(1);
    const audit = await e.sf.query(`SELECT Result__c FROM Seam_Audit__c WHERE Case__c = '${caseId}' AND Result__c = 'duplicate'`);
    expect(audit.totalSize).toBeGreaterThanOrEqual(2);
  });
});
