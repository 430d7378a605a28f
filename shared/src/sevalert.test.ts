import { describe, expect, it } from 'vitest';
import { decideSev1Alert, sev1AccountTask, sev1ChatPayload, webhookOutcome, type Sev1Input } from './sevalert';

const INPUT: Sev1Input = {
  incidentSysId: 'a'.repeat(32), incidentNumber: 'INC0010001', version: 7, priority: '1', previousPriority: '3',
  shortDescription: 'Checkout down for <!channel> & everyone', caseId: '500000000000001AAA', caseNumber: '00001001',
  accountId: '001000000000001AAA', accountName: 'Acme Retail', accountOwnerId: '005000000000001AAA', contractValue: '250000',
};

describe('decideSev1Alert', () => {
  it('alerts on a change to P1 of a high-value account, keyed on the incident version', () => {
    expect(decideSev1Alert(INPUT, 100000)).toEqual({ alert: true, idempotencyKey: `servicenow:${'a'.repeat(32)}:7:critical-alert`, contractValue: 250000 });
    // A replay of the same change: the same key (the outbox refuses it); a later change: a new key.
    expect(decideSev1Alert(INPUT, 100000)).toEqual(decideSev1Alert(INPUT, 100000));
    expect(decideSev1Alert({ ...INPUT, version: 9 }, 100000)).toMatchObject({ idempotencyKey: expect.stringContaining(':9:critical-alert') });
  });

  it('stays quiet below the threshold, off P1 and when P1 did not change', () => {
    expect(decideSev1Alert(INPUT, 300000)).toEqual({ alert: false, reason: 'below_threshold' });
    expect(decideSev1Alert({ ...INPUT, priority: 2 }, 1)).toEqual({ alert: false, reason: 'not_p1' });
    expect(decideSev1Alert({ ...INPUT, previousPriority: 1 }, 1)).toEqual({ alert: false, reason: 'not_a_change' });
  });

  it('a case without an account or a value is a clear problem with the fix, not an alert', () => {
    expect(decideSev1Alert({ ...INPUT, accountId: '' }, 1)).toMatchObject({ alert: false, reason: 'no_account', problem: expect.stringContaining('Case 00001001 has no AccountId'), fix: expect.stringContaining('Account') });
    expect(decideSev1Alert({ ...INPUT, contractValue: 'lots' }, 1)).toMatchObject({ reason: 'no_contract_value', problem: expect.stringContaining('Seam_Contract_Value__c') });
    expect(decideSev1Alert({ ...INPUT, contractValue: '1,250,000' }, 1)).toMatchObject({ alert: true, contractValue: 1250000 });
  });
});

describe('what is sent', () => {
  it('a Task for the account owner, on the case', () => {
    expect(sev1AccountTask(INPUT, 250000)).toMatchObject({ WhatId: INPUT.caseId, OwnerId: INPUT.accountOwnerId, Priority: 'High', Status: 'Not Started', Subject: '[INC0010001] Priority 1 incident on Acme Retail' });
    expect(sev1AccountTask(INPUT, 250000).Description).toContain('250,000');
  });

  it('Slack: text fallback and blocks, ticket text escaped so it cannot ping the channel', () => {
    const slack = sev1ChatPayload('slack', INPUT, 250000) as { text: string; blocks: { type: string; fields?: { text: string }[] }[] };
    expect(slack.text).toBe('P1 incident INC0010001 on Acme Retail: Checkout down for &lt;!channel&gt; &amp; everyone');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section']);
    expect(slack.blocks[2]?.fields?.map((f) => f.text)).toContain('*Contract value*\n250,000');
    expect(JSON.stringify(slack)).not.toContain('<!channel>');
  });

  it('Teams: an Adaptive Card in a message attachment', () => {
    const teams = sev1ChatPayload('teams', INPUT, 250000) as { type: string; attachments: { contentType: string; content: { type: string; body: { type: string }[] } }[] };
    expect(teams.type).toBe('message');
    expect(teams.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(teams.attachments[0]?.content.body.map((b) => b.type)).toEqual(['TextBlock', 'TextBlock', 'FactSet']);
  });

  it('webhook answers: 2xx sent, 408/429/5xx/no answer retried, other 4xx dead-lettered', () => {
    expect([200, 204, 0, 408, 429, 500, 503, 400, 403, 404].map(webhookOutcome)).toEqual(['sent', 'sent', 'retry', 'retry', 'retry', 'retry', 'retry', 'dead_letter', 'dead_letter', 'dead_letter']);
  });
});

describe('the alert key', () => {
  it('parses back like every other idempotency key', async () => {
    const { parseIdempotencyKey } = await import('./idempotency');
    const d = decideSev1Alert(INPUT, 1);
    expect(d.alert && parseIdempotencyKey(d.idempotencyKey)).toMatchObject({ system: 'servicenow', version: 7, kind: 'critical-alert' });
  });
});
