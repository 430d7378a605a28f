// The governance dashboard in a real browser (Debian's Chromium through playwright-core): after a
// few cases went through the sandbox, every chart has marks drawn from the records; screenshot in
// $TMPDIR/seam-dashboard.png.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { createSandbox } from '../sandbox/sandbox.js';
import { createConsole } from '../console/index.js';
import { launchChromium, requireChromium, type Browser } from './chromium.js';

const SCREENSHOT = join(tmpdir(), 'seam-dashboard.png');

const CASES = [
  ['VPN error 809 on my laptop', 'Since this morning the VPN client fails with error 809 and I cannot reach the file server.'],
  ['Outlook keeps crashing', 'Outlook crashes whenever I open the shared mailbox of the finance team; reinstalling did not help.'],
  ['My card payment was charged twice', 'I see two identical payments on my card statement for one purchase, please refund one.'],
  ['Printer on floor 3 is offline', 'The network printer on the third floor shows offline for everyone since the switch was replaced.'],
];

describe('governance dashboard in Chromium', () => {
  let sandbox: Awaited<ReturnType<typeof createSandbox>> | undefined;
  let web: Awaited<ReturnType<typeof createConsole>> | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const dirs: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    requireChromium();
    const stateDir = mkdtempSync(join(tmpdir(), 'seam-dash-state-'));
    dirs.push(stateDir);
    sandbox = await createSandbox({ stateDir, reset: true });
    web = await createConsole({ sandbox, port: 0 });
    // Cases a second or more apart, so the charts have more than one point in time.
    for (const [subject, description] of CASES) {
      const res = await fetch(`${web.url}/api/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ subject, description, priority: 'Low' }) });
      expect(res.status).toBe(201);
      await sandbox.settle();
      await new Promise((r) => setTimeout(r, 1100));
    }
    browser = await launchChromium({ profilePrefix: 'seam-dash-profile-', viewport: { width: 1440, height: 1100 } });
    ({ page, pageErrors } = browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
    await sandbox?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('draws every chart with marks from the records and lists the queries', async () => {
    await page.goto(`${web!.url}/dashboard.html?buckets=8`);
    await page.locator('body[data-loaded="true"]').waitFor({ timeout: 15_000 }).catch(async (e) => {
      await page.screenshot({ path: SCREENSHOT, fullPage: true });
      throw new Error(`${(e as Error).message}; errors: ${await page.locator('#errors').textContent()}; the page is in ${SCREENSHOT}`);
    });
    const marks = async (id: string) => Number(await page.getByTestId(`chart-${id}`).getAttribute('data-marks'));
    // Three IT cases became incidents; the banking one stayed in Salesforce: bars add up to what ServiceNow audited.
    const routed = await page.getByTestId('chart-routed').locator('rect').evaluateAll((els) => els.reduce((a, el) => a + Number(el.getAttribute('data-value')), 0));
    const audited = await sandbox!.serviceNowApi('/api/now/table/x_seam_bridge_audit?sysparm_query=operation%3Dcase%3Acreate_incident%5Eresult%3Dsuccess&sysparm_fields=sys_id');
    expect(routed).toBeGreaterThan(0);
    // 'routed' bars = routed + triaged series; the routed series alone equals the audit count.
    const routedOnly = await page.getByTestId('chart-routed').locator('rect[fill="#0176d3"]').evaluateAll((els) => els.reduce((a, el) => a + Number(el.getAttribute('data-value')), 0));
    expect(routedOnly).toBe(audited.body.result.length);
    for (const id of ['routed', 'time-to-route', 'rates', 'confidence', 'api']) expect(await marks(id), `chart ${id}`).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-confidence').locator('circle').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('queries').textContent()).toContain('x_seam_bridge_audit');
    // Cross-platform insights: four, each stating its numbers and the queries behind them.
    expect(await page.locator('[data-testid="insights"] li').count()).toBe(4);
    // Phrased through the proxy's /v1/insights/phrase: the sandbox has no LLM, so every sentence is the computed one, with no AI label.
    expect(await page.locator('[data-testid="insights"] li[data-phrased-by="template"]').count()).toBe(4);
    expect(await page.locator('[data-testid="insights"] [data-id="ai-label"]').count()).toBe(0);
    expect(await page.locator('[data-insight="routing_split"]').textContent()).toMatch(/Of \d+ triaged cases, \d+% went to ServiceNow/);
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
