// The sandbox console in a real browser: Debian's Chromium driven by playwright-core (never a
// downloaded browser). Creates a case through the console's form and waits for the package's
// linkedIncidentPanel LWC, rendered by the LWC runtime, to show the incident ServiceNow opened;
// then asks both knowledge bases (seeded with public articles) and sees the cited answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createSandbox } from '../sandbox/sandbox.js';
import { createConsole } from '../console/index.js';
import { launchChromium, requireChromium, type Browser } from './chromium.js';
import { ServiceNowClient } from '../e2e/helpers.js';

export const SCREENSHOT = join(tmpdir(), 'seam-console.png');

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Console = Awaited<ReturnType<typeof createConsole>>;

describe('sandbox console in Chromium', () => {
  let sandbox: Sandbox | undefined;
  let web: Console | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const dirs: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    const stateDir = mkdtempSync(join(tmpdir(), 'seam-browser-state-'));
    dirs.push(stateDir);
    sandbox = await createSandbox({ stateDir, reset: true, knowledge: true });
    web = await createConsole({ sandbox, port: 0 });
    browser = await launchChromium({ profilePrefix: 'seam-browser-profile-', viewport: { width: 1440, height: 1000 } });
    ({ page, pageErrors } = browser);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await sandbox?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('creates a case through the form and shows the linked incident in the rendered LWC panel', async () => {
    await page.goto(web!.url);
    await expect(page.getByTestId('live-status')).toContainText('Live', { timeout: 10_000 }).catch(async () => {
      throw new Error(`the console's event stream did not connect: ${await page.getByTestId('live-status').textContent()}`);
    });

    await page.fill('#case-subject', 'Customer reports a login error: SSO says "authentication failed"');
    await page.fill('#case-description', 'Since this morning none of our users can log in. The single sign-on page shows "authentication failed" after the password step, and the VPN client rejects the same credentials. Password reset did not help.');
    await page.selectOption('#case-priority', 'Medium');
    await page.fill('#case-contact', 'Ada Lovelace');
    await page.click('#case-form button[type=submit]');

    // The case shows up selected, and the panel (the real component) is mounted for it.
    const row = page.locator('tr.seam-case-row[aria-selected="true"]');
    await row.waitFor({ timeout: 10_000 });
    expect(await row.locator('th').textContent()).toMatch(/^\d{8}$/);
    const panel = page.locator('c-linked-incident-panel');
    await panel.locator('article.slds-card').waitFor({ timeout: 10_000 });

    // ServiceNow's scheduled outbox drain publishes Incident_Update__e; the panel's empApi
    // subscription (over the console's SSE) makes it refresh its Apex wire.
    await sandbox!.settle();
    const number = panel.locator('[data-id="incident-number"]');
    await expect(number).toContainText('INC', { timeout: 20_000 }).catch(async (e) => {
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      throw new Error(`${e.message}; the page is in ${SCREENSHOT}`);
    });
    const incidentNumber = (await number.textContent())!.trim();
    expect(incidentNumber).toMatch(/^INC\d{7}$/);

    // The same incident, read from ServiceNow's Table API, on the right-hand side.
    await expect(page.getByTestId('incident-number')).toHaveText(incidentNumber, { timeout: 10_000 });
    // The incident shows Seam's correlation id (not the platform's own correlation_id field).
    await expect(page.getByTestId('incident-correlation-id')).toContainText(`SNOW-${incidentNumber}|SFDC-500`, { timeout: 10_000 });
    // SLDS reached inside the component (synthetic shadow): the card has SLDS's border radius.
    const radius = await panel.locator('article.slds-card').evaluate((el) => getComputedStyle(el).borderRadius);
    expect(radius).not.toBe('0px');

    expect(pageErrors).toEqual([]);
  });

  // Continues on the case the first test created.
  it('a comment posted with the incident form reaches the case comments and the panel\'s latest update', async () => {
    const text = 'We are rotating the SSO signing certificate; please retry in 10 minutes.';
    await page.fill('#journal-text', text);
    await page.click('#journal-form button[value=comments]');
    await expect(page.getByTestId('journal')).toContainText(text, { timeout: 10_000 });
    await sandbox!.settle();
    await expect(page.getByTestId('case-comments')).toContainText(text, { timeout: 15_000 });
    await expect(page.locator('c-linked-incident-panel [data-id="latest-update"]')).toContainText(text, { timeout: 15_000 });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });

  // Continues on the same case: a change ServiceNow's SLA model reads makes a prediction, which
  // the panel shows as a badge that says it is a prediction.
  it('an incident change shows the predicted SLA-breach risk badge in the panel', async () => {
    const sn = new ServiceNowClient(sandbox!.urls.servicenow);
    const incidentNumber = (await page.getByTestId('incident-number').textContent())!.trim();
    const [incident] = await sn.query('incident', `number=${incidentNumber}`);
    await sn.patch('incident', incident!.sys_id, { state: '2' }, 'agent');
    await sandbox!.settle();
    await expect(page.locator('c-linked-incident-panel [data-id="sla-risk-badge"]')).toContainText('Predicted breach risk', { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
  });

  // Continues on the same case: the app's "Customer context (Salesforce)" button, pressed from the
  // console. The console's case has no account: a clear error naming the fix. Once an agent sets
  // the Account on the Case (the sync brings it to the incident), the button shows the context.
  it('shows the customer context of the incident on demand, and a clear error for a case with no account', async () => {
    await page.click('#customer-context-button');
    const out = page.getByTestId('customer-context');
    await expect(out).toContainText('has no account in Salesforce. Fix: set the Account on the Case in Salesforce', { timeout: 10_000 });

    const store = (sandbox as any).salesforce.store;
    // Seeded as the org's own data (the integration user may only read the contract value), then
    // an agent's edit of the Case, which the package queues for ServiceNow.
    const owner = store.all('User')[0].Id;
    const seed = { userId: owner, userName: 'org data', inbound: true, after: [] as Array<() => void> };
    const accountId = store.create('Account', { Name: 'Globex Browser Co', Seam_Contract_Value__c: 120000 }, seed);
    store.create('Entitlement', { Name: 'Gold Support', AccountId: accountId, Status: 'Active', StartDate: '2026-01-01', EndDate: '2027-03-31' }, seed);
    const [c] = store.all('Case').filter((x: any) => x.Subject === 'Customer reports a login error: SSO says "authentication failed"');
    const edit = { userId: owner, userName: 'agent', inbound: false, after: [] as Array<() => void> };
    store.update('Case', c.Id, { AccountId: accountId }, edit);
    store.commit(edit);
    await sandbox!.settle();
    await page.click('#customer-context-button');
    await expect(out).toContainText('Account: Globex Browser Co', { timeout: 10_000 });
    await expect(out).toContainText('Entitlement: Gold Support — Active, 2026-01-01 to 2027-03-31');
    await expect(out).toContainText('Open cases: 1');
    expect(pageErrors).toEqual([]);
  });

  // Continues on the same case: the panel's "Escalate to engineering" (tier 3) creates one
  // ServiceNow problem; the console's case view and the panel show the problem link.
  it('escalates the case to engineering from the panel and shows the problem link on the case view', async () => {
    await page.locator('c-linked-incident-panel [data-id="escalate-engineering"] button').click();
    await sandbox!.settle();
    await expect(page.getByTestId('case-problem-number')).toContainText('PRB', { timeout: 15_000 });
    await expect(page.getByTestId('case-escalation-status')).toContainText('Problem created', { timeout: 15_000 });
    await expect(page.locator('c-linked-incident-panel [data-id="problem-number"]')).toContainText('PRB', { timeout: 15_000 });
    const number = (await page.getByTestId('case-problem-number').textContent())!.trim();
    const sn = new ServiceNowClient(sandbox!.urls.servicenow);
    expect(await sn.query('problem', `number=${number}`)).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  });

  it('asks both knowledge bases and shows the cited answer with a link to the article', async () => {
    await page.fill('#knowledge-question', 'How can I delete my facebook account?');
    await page.click('[data-testid="knowledge-ask"]');
    const citations = page.getByTestId('knowledge-citations');
    await expect(citations).toContainText('[c1]', { timeout: 10_000 });
    const first = citations.locator('li').first();
    expect(await first.textContent()).toMatch(/^\[c1\] (ServiceNow|Salesforce) \S+: .*facebook/i);
    expect(await first.locator('a').getAttribute('href')).toMatch(/kb_view\.do|Knowledge__kav/);
    await expect(page.getByTestId('knowledge-text')).toContainText('[c1]');

    await page.fill('#knowledge-question', 'What torque should the wheel nuts of a 1967 tractor have?');
    await page.click('[data-testid="knowledge-ask"]');
    await expect(page.getByTestId('knowledge-none')).toContainText('No confident answer', { timeout: 10_000 });
    expect(pageErrors).toEqual([]);
  });
});

// vitest's expect has no locator matchers; a minimal polling version for the two used above.
declare module 'vitest' {
  interface Assertion {
    toContainText(text: string, opts?: { timeout?: number }): Promise<void>;
    toHaveText(text: string, opts?: { timeout?: number }): Promise<void>;
  }
}
expect.extend({
  async toContainText(locator: { textContent(): Promise<string | null> }, text: string, opts?: { timeout?: number }) {
    return poll(locator, (t) => t.includes(text), `to contain "${text}"`, opts?.timeout);
  },
  async toHaveText(locator: { textContent(): Promise<string | null> }, text: string, opts?: { timeout?: number }) {
    return poll(locator, (t) => t.trim() === text, `to be "${text}"`, opts?.timeout);
  },
});

async function poll(locator: { textContent(): Promise<string | null> }, ok: (text: string) => boolean, what: string, timeout = 5000) {
  const until = Date.now() + timeout;
  let last = '';
  for (;;) {
    last = (await locator.textContent().catch(() => null)) ?? '';
    if (ok(last)) return { pass: true, message: () => `expected text not ${what}` };
    if (Date.now() > until) return { pass: false, message: () => `expected text ${what}, got "${last}"` };
    await new Promise((r) => setTimeout(r, 100));
  }
}
