// Shared pieces of the bad-input suite: the sandbox, clients, record counts, and the tally the
// suite prints at the end (cases tried and passed).
import { afterAll, beforeAll, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../sandbox/sandbox.js';
import { salesforceClient, serviceNowClient, SN_API } from '../faults/lib/clients.mjs';

export { SN_API };

export interface Problem { field: string; problem: string; fix: string }

/** Starts one sandbox for a test file; `ctx()` gives it and clients once `beforeAll` ran. */
export function useSandbox(properties: Record<string, string> = {}) {
  let sb: Sandbox;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'seam-bad-input-'));
    sb = await createSandbox({ stateDir: dir, reset: true, properties, pumpMs: 200 });
  });
  afterAll(async () => {
    await sb?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const u = sb.credentials.servicenow;
    return {
      sb,
      sf: salesforceClient({ url: sb.urls.salesforce, clientId: sb.salesforce.clientId, clientSecret: sb.salesforce.clientSecret }),
      admin: serviceNowClient(sb.urls.servicenow, u.admin),
      integration: serviceNowClient(sb.urls.servicenow, u.integration),
      agent: serviceNowClient(sb.urls.servicenow, u.agent),
      noRoles: serviceNowClient(sb.urls.servicenow, { user: 'no.roles', password: 'noroles' }),
    };
  };
}

/**
 * Table-driven cases with a tally: every case counts as tried when it starts and as passed when
 * its assertions held; the file prints the two numbers when it ends.
 */
export function tallied(suite: string) {
  const t = { tried: 0, passed: 0 };
  afterAll(() => {
    console.log(`bad-input ${suite}: ${t.passed} of ${t.tried} cases passed`);
  });
  return <C extends { name: string }>(cases: readonly C[], run: (c: C) => Promise<void>) => {
    for (const c of cases) {
      it(c.name, async () => {
        t.tried++;
        await run(c);
        t.passed++;
      });
    }
  };
}

/** The problems of a Seam error body `{ error: { problems } }` (empty when there are none). */
export function problemsOf(body: unknown): Problem[] {
  const p = (body as { error?: { problems?: Problem[] } } | null)?.error?.problems;
  return Array.isArray(p) ? p : [];
}
