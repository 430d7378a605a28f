// Record sharing of Seam_Outbox__c and Seam_Audit__c on the twin (issue 15, item 5): the twin reads the
// objects' organization-wide default from the package's metadata and the users' object permissions
// from their permission sets, so a user who may read the objects but cannot see a Case's rows does not
// get its payloads from a query. On the package's metadata (Private) the other user sees nothing; on a
// copy with sharingModel ReadWrite (the package before the fix) the same query returns the rows.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_PACKAGE_DIR, type SalesforceTwin } from './index.js';
import { API, client, q, startTwin } from './helpers';

const twins: SalesforceTwin[] = [];
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(twins.map((t) => t.close()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A copy of the package whose two objects have another sharing model (and, for master-detail, Case__c as the master). */
function packageWith(model: 'ReadWrite' | 'ControlledByParent'): string {
  const dir = mkdtempSync(join(tmpdir(), 'seam-sharing-'));
  dirs.push(dir);
  cpSync(DEFAULT_PACKAGE_DIR, dir, { recursive: true });
  for (const object of ['Seam_Outbox__c', 'Seam_Audit__c']) {
    const file = join(dir, 'objects', object, `${object}.object-meta.xml`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/<sharingModel>[^<]*<\/sharingModel>/, `<sharingModel>${model}</sharingModel>`));
    if (model === 'ControlledByParent') {
      const field = join(dir, 'objects', object, 'fields', 'Case__c.field-meta.xml');
      writeFileSync(field, readFileSync(field, 'utf8').replace('<type>Lookup</type>', '<type>MasterDetail</type>').replace(/\s*<deleteConstraint>[^<]*<\/deleteConstraint>/, ''));
    }
  }
  return dir;
}

/** A twin with one sent case (its outbox row and audit written by the integration user), and a query client per named user. */
async function orgWith(options: Parameters<typeof startTwin>[0] = {}) {
  const twin = await startTwin(options);
  twins.push(twin);
  const integration = await client(twin);
  const caseId = (await integration.call('POST', '/sobjects/Case', { Subject: 'Payroll export fails' })).body.id as string;
  await twin.dispatchOutbox(async (req) => ({ status: 200, body: { results: req.messages.map((m) => ({ messageId: m.messageId, status: 'created', incidentSysId: 'e'.repeat(32) })) } }));
  const as = (username: string, permissionSets: string[]) => {
    const { access_token } = twin.sessionFor({ username, permissionSets });
    return async (soql: string) => {
      const r = await fetch(`${twin.url}${API}${q(soql)}`, { headers: { authorization: `Bearer ${access_token}` } });
      return { status: r.status, body: await r.json() };
    };
  };
  return { twin, integration, caseId, as };
}

const OUTBOX = (id: string) => `SELECT Id, Payload__c FROM Seam_Outbox__c WHERE Case__c = '${id}'`;
const AUDIT = (id: string) => `SELECT Id, New_Values__c FROM Seam_Audit__c WHERE Case__c = '${id}'`;

describe('outbox and audit sharing', () => {
  it('Private (the package): a user with Read on the objects sees only the rows they own; the admin set sees all; agents have no access', async () => {
    const org = await orgWith();
    expect((await org.integration.call('GET', q(AUDIT(org.caseId)))).body.totalSize).toBeGreaterThan(0); // the rows exist
    const other = org.as('other.integration@twin.invalid', ['Seam_Integration']);
    expect((await other(OUTBOX(org.caseId))).body.records).toEqual([]);
    expect((await other(AUDIT(org.caseId))).body.records).toEqual([]);
    // Nor through the Case: the child relationship and a lookup from the row both come back empty.
    const viaCase = await other(`SELECT Id, (SELECT New_Values__c FROM Seam_Audit__r) FROM Case WHERE Id = '${org.caseId}'`);
    expect(viaCase.body.records[0].Seam_Audit__r).toBeNull();

    const admin = org.as('seam.admin@twin.invalid', ['Seam_Admin']);
    expect((await admin(OUTBOX(org.caseId))).body.totalSize).toBe(1);
    expect((await admin(AUDIT(org.caseId))).body.totalSize).toBeGreaterThan(0);

    const agent = org.as('agent@twin.invalid', ['Seam_Agent']);
    const refused = await agent(OUTBOX(org.caseId));
    expect(refused.status).toBe(400);
    expect(refused.body[0]).toMatchObject({ errorCode: 'INVALID_TYPE' });
  });

  it('Private: rows a user owns (their own case edit queued them) stay visible to that user', async () => {
    const org = await orgWith();
    const { access_token } = org.twin.sessionFor({ username: 'owner@twin.invalid', permissionSets: ['Seam_Integration'] });
    const own = await fetch(`${org.twin.url}${API}/sobjects/Case`, { method: 'POST', headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Subject: 'Mine' }) });
    const ownCase = (await own.json()).id as string;
    const me = org.as('owner@twin.invalid', ['Seam_Integration']);
    expect((await me(OUTBOX(ownCase))).body.totalSize).toBe(1);
    expect((await me(OUTBOX(org.caseId))).body.totalSize).toBe(0);
  });

  it('ReadWrite (the package before the fix): the same user reads every payload, so the Private test above would fail', async () => {
    const org = await orgWith({ packageDir: packageWith('ReadWrite') });
    const other = org.as('other.integration@twin.invalid', ['Seam_Integration']);
    const rows = (await other(OUTBOX(org.caseId))).body.records;
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].Payload__c).fields.Subject).toBe('Payroll export fails');
    expect((await other(AUDIT(org.caseId))).body.totalSize).toBeGreaterThan(0);
  });

  it('master-detail to Case: a row follows its Case (Case Private: only the Case owner, or View All, sees it)', async () => {
    const org = await orgWith({ packageDir: packageWith('ControlledByParent'), orgSharing: { Case: 'Private' } });
    const other = org.as('other.integration@twin.invalid', ['Seam_Integration']);
    expect((await other(AUDIT(org.caseId))).body.totalSize).toBe(0);
    const admin = org.as('seam.admin@twin.invalid', ['Seam_Admin']);
    expect((await admin(AUDIT(org.caseId))).body.totalSize).toBeGreaterThan(0);
  });

  it('an unknown permission set is a clear error, not an all-seeing user', async () => {
    const org = await orgWith();
    expect(() => org.twin.sessionFor({ username: 'x@twin.invalid', permissionSets: ['Seam_Agnet'] })).toThrow(/no permission set Seam_Agnet/);
  });
});
