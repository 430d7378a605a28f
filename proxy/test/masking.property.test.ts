/**
 * Property: whatever e-mail, card number or contact name a ticket holds, the model (stub) never
 * receives it, and an answer quoting the masked text comes back with the original values.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProxyServer, MemoryAuditLog, type ProxyServer } from '../src/index.js';
import { startOpenAiStub, type OpenAiStub } from './helpers/openaiStub.js';
import { llmEnv, post, smallModel, testConfig, triageBody, VALID_TRIAGE_ANSWER } from './helpers/fixtures.js';

let stub: OpenAiStub;
let proxy: ProxyServer;
let url: string;
const audit = new MemoryAuditLog();

beforeAll(async () => {
  stub = await startOpenAiStub();
  proxy = createProxyServer(testConfig(llmEnv(stub.baseURL, { SEAM_PROXY_RATE_LIMIT_BURST: '1000' })), { triageModel: smallModel(), audit });
  ({ url } = await proxy.listen(0, '127.0.0.1'));
});
afterAll(async () => {
  await proxy.close();
  await stub.close();
});

/** Luhn-valid 16-digit card numbers. */
const card = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }).map((d) => {
  const digits = [4, ...d.slice(1)];
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    let x = digits[14 - i] as number;
    if (i % 2 === 0) { x *= 2; if (x > 9) x -= 9; }
    sum += x;
  }
  return [...digits, (10 - (sum % 10)) % 10].join('').replace(/(\d{4})(?=\d)/g, '$1 ');
});
const word = fc.stringMatching(/^[A-Z][a-z]{3,9}$/);
const email = fc.tuple(fc.stringMatching(/^[a-z]{3,10}$/), fc.stringMatching(/^[a-z]{3,10}$/)).map(([u, d]) => `${u}.x@${d}.example`);

it('never sends PII to the model and restores it in the answer', async () => {
  await fc.assert(
    fc.asyncProperty(email, card, word, word, async (mail, cardNo, first, last) => {
      const name = `${first} ${last}`;
      stub.requests.length = 0;
      // The stub quotes the masked ticket back in its rationale, as a model might.
      stub.script({ content: JSON.stringify({ ...VALID_TRIAGE_ANSWER, rationale: 'Customer [NAME_1] wrote from [EMAIL_1] about card [CARD_1].' }) });
      const res = await post(url, '/v1/triage', triageBody({
        subject: `Payment problem for ${name}`,
        description: `Card ${cardNo} was charged twice, reach me at ${mail}. Regards, ${first}`,
        contactName: name,
      }));
      const sent = JSON.stringify(stub.requests);
      expect(sent).not.toContain(mail);
      expect(sent).not.toContain(cardNo);
      expect(sent).not.toContain(cardNo.replace(/ /g, ''));
      expect(sent).not.toContain(first);
      expect(sent).not.toContain(last);
      expect(res.json.rationale).toBe(`Customer ${name} wrote from ${mail} about card ${cardNo}.`);
    }),
    { numRuns: 40 },
  );
  const logged = JSON.stringify(audit.records);
  expect(logged).not.toMatch(/\.x@/);
});
