// One way to start the browser for the browser tests: Debian's Chromium through playwright-core
// (never a downloaded browser), headless in a throw-away profile, page errors collected.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.SEAM_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Uncaught errors of the page's scripts, in order. */
  readonly pageErrors: string[];
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Throws the install hint when Chromium is missing; call it first in `beforeAll`. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; install Debian's package with "apt-get update && apt-get install -y chromium" (CI's .ci/run does this when test/browser exists), or set SEAM_CHROMIUM to its path`);
  }
}

export async function launchChromium(opts: { profilePrefix: string; viewport: { width: number; height: number } }): Promise<Browser> {
  requireChromium();
  const profile = mkdtempSync(join(tmpdir(), opts.profilePrefix));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS, viewport: opts.viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
