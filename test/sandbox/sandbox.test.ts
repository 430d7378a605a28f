// The sandbox itself: state survives a restart unless reset, and `npm start -- --smoke` works.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'seam-sandbox-')); dirs.push(d); return d; };
afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function createCase(sb: Awaited<ReturnType<typeof createSandbox>>, subject: string): Promise<string> {
  const { access_token } = sb.salesforce.issueToken();
  const res = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ Subject: subject, Description: 'Nobody can log in: SSO answers "authentication failed" after the password step.', Priority: 'Medium' }),
  });
  return (await res.json()).id;
}

const incidentsFor = async (sb: Awaited<ReturnType<typeof createSandbox>>, caseId: string) =>
  (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result as Array<{ number: string }>;

describe('createSandbox', () => {
  it('forwards a Case file to the linked incident (the package\'s file Queueable, played by the sandbox)', async () => {
    const sb = await createSandbox({ stateDir: tempDir(), reset: true });
    try {
      const caseId = await createCase(sb, 'Login error after the SSO change');
      await sb.settle();
      const [incident] = (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result as Array<{ sys_id: string }>;
      const { access_token } = sb.salesforce.issueToken();
      const res = await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/ContentVersion`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ Title: 'sso-trace', PathOnClient: 'sso-trace.txt', VersionData: Buffer.from('SAML response: invalid audience').toString('base64'), FirstPublishLocationId: caseId }),
      });
      expect(res.status).toBe(201);
      await sb.settle();
      const files = (await sb.serviceNowApi(`/api/now/attachment?sysparm_query=table_sys_id=${incident.sys_id}`)).body.result as Array<{ file_name: string }>;
      expect(files.map((f) => f.file_name)).toEqual(['sso-trace.txt']);
    } finally {
      await sb.close();
    }
  });

  it('keeps both twins\' state across a restart, and forgets it with reset', async () => {
    const stateDir = tempDir();
    let sb = await createSandbox({ stateDir, reset: true });
    let caseId: string;
    let number: string;
    try {
      caseId = await createCase(sb, 'Login error after the SSO change');
      await sb.settle();
      [{ number }] = await incidentsFor(sb, caseId);
      expect(number).toMatch(/^INC\d+/);
    } finally {
      await sb.close();
    }

    sb = await createSandbox({ stateDir });
    try {
      expect(sb.salesforce.store.byId(caseId)?.record.Seam_Incident_Number__c).toBe(number);
      expect((await incidentsFor(sb, caseId)).map((i) => i.number)).toEqual([number]);
      // The link survived too: an update of the case updates the same incident.
      const { access_token } = sb.salesforce.issueToken();
      await fetch(`${sb.urls.salesforce}/services/data/v62.0/sobjects/Case/${caseId}`, {
        method: 'PATCH', headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' }, body: JSON.stringify({ Subject: 'Login error after the SSO change (all EU users)' }),
      });
      await sb.settle();
      const after = (await sb.serviceNowApi(`/api/now/table/incident?sysparm_query=x_seam_bridge_sf_case_id=${caseId}`)).body.result;
      expect(after.map((i: { number: string; short_description: string }) => [i.number, i.short_description])).toEqual([[number, 'Login error after the SSO change (all EU users)']]);
    } finally {
      await sb.close();
    }

    sb = await createSandbox({ stateDir, reset: true });
    try {
      expect(sb.salesforce.store.byId(caseId)).toBeNull();
      expect(await incidentsFor(sb, caseId)).toEqual([]);
    } finally {
      await sb.close();
    }
  });

  it('settle() reports quiet when nothing is left to move', async () => {
    const sb = await createSandbox({ stateDir: tempDir(), reset: true });
    try {
      await createCase(sb, 'Login error on the VPN');
      const busy = await sb.settle();
      expect(busy).toMatchObject({ quiet: true });
      expect(busy.dispatched + busy.asyncRules).toBeGreaterThan(0);
      expect(await sb.settle()).toMatchObject({ quiet: true, dispatched: 0, comments: 0, asyncRules: 0 });
    } finally {
      await sb.close();
    }
  });
});

describe('scripts/start.mjs --smoke', () => {
  it('creates a case, sees its incident, prints one line and exits 0', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(REPO, 'scripts/start.mjs'), '--smoke', '--no-build', '--state-dir', tempDir()], { cwd: REPO, timeout: 60_000 });
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toMatch(/^smoke: OK case 500\w+ → incident INC\d+ in \d+ ms/);
  });
});
