/** The embedded engine's answers satisfy the shared result schemas, checked by a second, standard validator (ajv). */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isAiLabelled, SCHEMAS } from '@seam/shared';
import { smallModel } from '../../test/helpers/fixtures.js';
import { EmbeddedEngine } from './embedded.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const engine = new EmbeddedEngine(smallModel());

describe('embedded engine', () => {
  it('triage answers match the shared schema and name route, category and priority', () => {
    const check = ajv.compile(SCHEMAS.triageResult);
    // A lenient cost table (threshold 0.5) so the small test model routes instead of asking for review.
    const lenient = new EmbeddedEngine({ ...smallModel(), reviewThreshold: 0.5 });
    const r = lenient.triage({ idempotencyKey: 'k', correlationId: 'c', caseId: '500000000000001AAA', subject: 'Server outage for all users', description: 'The production database server is down, disk full, and the laptop clients cannot connect.' });
    expect(check(r), JSON.stringify(check.errors)).toBe(true);
    expect(r.route).toBe('servicenow');
    expect(r.priority).toBe(1);
    expect(r.suggestedAssignmentGroup).not.toBe('');
    expect(r.rationale).toContain('Embedded classifier');
  });

  it('asks for a review below the cost table\'s threshold and for text unlike its training data, saying why', () => {
    const base = { idempotencyKey: 'k', correlationId: 'c', caseId: '500000000000001AAA', subject: 'Server outage for all users', description: 'The production database server is down, disk full, and the laptop clients cannot connect.' };
    const lenient = new EmbeddedEngine({ ...smallModel(), reviewThreshold: 0.5 }).triage(base);
    const strict = new EmbeddedEngine({ ...smallModel(), reviewThreshold: 0.999 }).triage(base);
    expect(lenient.route).toBe('servicenow');
    expect(strict.route).toBe('review');
    expect(strict.confidence).toBe(lenient.confidence);
    expect(strict.rationale).toMatch(/^Confidence 0\.\d+ is below 0\.999, where a review costs less than a likely wrong route \(costs: wrong route 5, review 1\)/);
    const gibberish = engine.triage({ ...base, subject: 'qwzx vbnmk', description: 'plokij uytrew zzkqa frobb' });
    expect(gibberish.route).toBe('review');
    expect(gibberish.confidence).toBe(0.5);
    expect(gibberish.rationale).toMatch(/^The text is unlike the training data \(0 % of its words known/);
  });

  it('sends outage language that the classifier would keep in Salesforce to review', () => {
    const base = { idempotencyKey: 'k', correlationId: 'c', caseId: '500000000000001AAA', subject: 'Card payments' };
    const calm = engine.triage({ ...base, description: 'My card payment was declined and my top up failed.' });
    expect(calm.route).toBe('salesforce');
    const outage = engine.triage({ ...base, description: 'Outage: my card payment was declined and my top up failed.' });
    expect(outage.route).toBe('review');
    expect(outage.priority).toBe(1);
    expect(outage.rationale).toMatch(/^Outage or breach language/);
  });

  it('computes priority from urgency × impact, taking urgency from the customer when given', () => {
    const base = { idempotencyKey: 'k', correlationId: 'c', caseId: '500000000000001AAA', subject: 'Question' };
    expect(engine.triage({ ...base, description: 'How do I export my report to PDF?' }).priority).toBe(5);
    expect(engine.triage({ ...base, description: 'The export fails with an error.' }).priority).toBe(4);
    expect(engine.triage({ ...base, description: 'The export fails with an error for the whole team.' }).priority).toBe(3);
    const high = engine.triage({ ...base, description: 'How do I export my report to PDF?', customerPriority: 'High' });
    expect(high.priority).toBe(3);
    expect(high.rationale).toContain('urgency 1 (customer priority High) × impact 3');
  });

  it('summaries are extractive, AI-labelled and pick up open questions', () => {
    const check = ajv.compile(SCHEMAS.summarizeResult);
    const r = engine.summarize({
      idempotencyKey: 'k', correlationId: 'c', audience: 'servicenow', subject: 'Printer',
      entries: [
        { author: 'A', body: 'The printer on floor 3 jams on every job. It started after the firmware update.', createdAt: '2026-01-01T10:00:00Z' },
        { author: 'B', body: 'We rolled back the firmware on one printer. Can you test again?', createdAt: '2026-01-02T10:00:00Z' },
      ],
    });
    expect(check(r), JSON.stringify(check.errors)).toBe(true);
    expect(isAiLabelled(r.summary)).toBe(true);
    expect(r.openQuestions).toEqual(['Can you test again?']);
    for (const point of r.keyPoints) expect('The printer on floor 3 jams on every job. It started after the firmware update. We rolled back the firmware on one printer. Can you test again?').toContain(point);
  });

  it('summaries add one key point per attached file, taken from the file', () => {
    const r = engine.summarize({
      idempotencyKey: 'k', correlationId: 'c', audience: 'servicenow', subject: 'Printer',
      entries: [{ author: 'A', body: 'The printer on floor 3 jams on every job.', createdAt: '2026-01-01T10:00:00Z' }],
      attachments: [{ name: 'printer.log', text: 'ERROR paper path sensor 4 reports a jam at tray 2.' }],
    });
    expect(ajv.compile(SCHEMAS.summarizeResult)(r)).toBe(true);
    expect(r.keyPoints).toContain('Attachment printer.log: ERROR paper path sensor 4 reports a jam at tray 2.');
  });

  it('keeps hostnames, IP addresses and e-mails out of customer-facing text', () => {
    const res = engine.resolution({
      idempotencyKey: 'k', correlationId: 'c', subject: 'VPN error 809',
      resolutionNotes: 'A firewall rule was blocking the VPN protocol. Rule updated on fw-edge-02 at [IP_1]. Escalated by [EMAIL_1]. Please restart the VPN client if the error persists.',
    });
    expect(res.summary).toContain('A firewall rule was blocking the VPN protocol.');
    expect(res.summary).not.toMatch(/fw-edge-02|\[IP_1\]|\[EMAIL_1\]/);
    expect(res.nextSteps).toEqual(['Please restart the VPN client if the error persists.']);
    const imp = engine.impact({ idempotencyKey: 'k', correlationId: 'c', incidentNumber: 'INC0012345', status: 'investigating', shortDescription: 'Email is down. Node mx-01.corp.local is not responding.' });
    expect(imp.body).toContain('Email is down.');
    expect(imp.body).not.toContain('mx-01');
  });

  it('resolution summaries and impact notices match their schemas even for very long input', () => {
    const long = 'The database failover completed and replication is healthy again. '.repeat(200);
    const res = engine.resolution({ idempotencyKey: 'k', correlationId: 'c', subject: 'Slow portal', resolutionNotes: long.slice(0, 8000) });
    expect(ajv.compile(SCHEMAS.resolutionSummaryResult)(res)).toBe(true);
    const imp = engine.impact({ idempotencyKey: 'k', correlationId: 'c', incidentNumber: 'INC0012345', shortDescription: 'Portal is slow and some pages time out with errors', status: 'identified', workaround: 'Use the mobile app.' });
    expect(ajv.compile(SCHEMAS.impactResult)(imp)).toBe(true);
    expect(imp.severity).toBe('major');
    expect(imp.customerAction).toBe('Workaround: Use the mobile app.');
    expect(isAiLabelled(imp.body)).toBe(true);
  });
});
