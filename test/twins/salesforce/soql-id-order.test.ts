// Keyset paging (`WHERE Id > :last ORDER BY Id`) must visit every record once: ids order as they
// compare, case-sensitively (18-character ids end in mixed-case checksum letters).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SalesforceTwin } from './index.js';
import { client, q, startTwin, type Client } from './helpers';

let twin: SalesforceTwin;
let c: Client;
beforeAll(async () => {
  twin = await startTwin();
  c = await client(twin);
  for (let i = 0; i < 120; i++) await c.call('POST', '/sobjects/Account', { Name: `A${i}` });
});
afterAll(() => twin.close());

describe('ORDER BY Id', () => {
  it('pages with Id > last through every record exactly once', async () => {
    const all = (await c.call('GET', q('SELECT Id FROM Account ORDER BY Id'))).body.records.map((r: { Id: string }) => r.Id);
    expect(all.length).toBe(120);
    const seen: string[] = [];
    let last = '';
    for (;;) {
      const page = (await c.call('GET', q(`SELECT Id FROM Account${last ? ` WHERE Id > '${last}'` : ''} ORDER BY Id LIMIT 7`))).body.records;
      if (page.length === 0) break;
      seen.push(...page.map((r: { Id: string }) => r.Id));
      last = page[page.length - 1].Id;
    }
    expect(seen).toEqual(all);
  });
});
