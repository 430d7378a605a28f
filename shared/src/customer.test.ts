import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { customerContextSoql, customerTarget, formatCustomerContext, isContextFresh, parseCustomerContext, OPEN_CASES_LIMIT } from './customer';

const ACCOUNT = '001000000000001AAA';

const answer = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  attributes: { type: 'Account' },
  Id: ACCOUNT,
  Name: 'Acme Retail',
  Seam_Contract_Value__c: 250000,
  Entitlements: {
    totalSize: 2, done: true,
    records: [
      { Id: '550000000000002AAA', Name: 'Premier Support', Status: 'Active', StartDate: '2026-01-01', EndDate: '2027-06-30', SlaProcess: { Name: 'Premier 4h response' } },
      { Id: '550000000000001AAA', Name: 'Standard 2025', Status: 'Expired', StartDate: '2025-01-01', EndDate: '2025-12-31', SlaProcess: null },
    ],
  },
  Cases: {
    totalSize: 3, done: true,
    records: [
      { CaseNumber: '00001003', Subject: 'Checkout times out', Status: 'Escalated', CreatedDate: '2026-12-02T10:00:00.000+0000' },
      { CaseNumber: '00001002', Subject: 'Invoices missing', Status: 'New', CreatedDate: '2026-12-01T10:00:00.000+0000' },
      { CaseNumber: '00001001', Subject: '', Status: 'Working', CreatedDate: '2026-11-30T10:00:00.000+0000' },
    ],
  },
  ...over,
});

describe('customerTarget', () => {
  it('names the account of a linked case, in its 18-character form', () => {
    expect(customerTarget({ caseId: '500000000000001AAA', caseNumber: '00001001', accountId: '001000000000001' })).toEqual({ ok: true, value: ACCOUNT });
  });

  it('an unlinked incident and a case without an account are clear problems with the fix', () => {
    expect(customerTarget({ caseId: '', caseNumber: '', accountId: '' })).toMatchObject({ ok: false, error: { reason: 'no_case', field: 'x_seam_bridge_sf_case_id' } });
    const r = customerTarget({ caseId: '500000000000001AAA', caseNumber: '00001001', accountId: '' });
    expect(r).toMatchObject({ ok: false, error: { reason: 'no_account', field: 'Case.AccountId', problem: 'Case 00001001 has no account in Salesforce', fix: expect.stringContaining('set the Account on the Case') } });
  });

  it('refuses a value that is not an account id, so nothing odd reaches the query', () => {
    expect(customerTarget({ caseId: 'x', caseNumber: '1', accountId: "001' OR Name != '" })).toMatchObject({ ok: false, error: { reason: 'no_account', field: 'x_seam_bridge_sf_account_id' } });
    expect(customerTarget({ caseId: 'x', caseNumber: '1', accountId: '500000000000001AAA' })).toMatchObject({ ok: false, error: { problem: expect.stringContaining('not "001"') } });
  });
});

describe('customerContextSoql', () => {
  it('is one query on the account with the entitlement and open-case subqueries', () => {
    const q = customerContextSoql(ACCOUNT);
    expect(q).toMatch(/^SELECT Id, Name, Seam_Contract_Value__c, \(SELECT .*SlaProcess\.Name FROM Entitlements .*\), \(SELECT CaseNumber, Subject, Status, CreatedDate FROM Cases WHERE IsClosed = false ORDER BY CreatedDate DESC LIMIT 200\) FROM Account WHERE Id = '001000000000001AAA' LIMIT 1$/);
  });
});

describe('parseCustomerContext', () => {
  it('reads the account, its entitlements with their SLA process, and its open cases', () => {
    const r = parseCustomerContext(ACCOUNT, [answer()]);
    expect(r).toEqual({
      ok: true,
      value: {
        accountId: ACCOUNT, accountName: 'Acme Retail', contractValue: 250000,
        entitlements: [
          { id: '550000000000002AAA', name: 'Premier Support', status: 'Active', startDate: '2026-01-01', endDate: '2027-06-30', slaProcess: 'Premier 4h response' },
          { id: '550000000000001AAA', name: 'Standard 2025', status: 'Expired', startDate: '2025-01-01', endDate: '2025-12-31', slaProcess: null },
        ],
        contractEnd: '2027-06-30', openCases: 3, openCasesCapped: false,
        latestCases: [
          { caseNumber: '00001003', subject: 'Checkout times out', status: 'Escalated', createdDate: '2026-12-02T10:00:00.000+0000' },
          { caseNumber: '00001002', subject: 'Invoices missing', status: 'New', createdDate: '2026-12-01T10:00:00.000+0000' },
          { caseNumber: '00001001', subject: '', status: 'Working', createdDate: '2026-11-30T10:00:00.000+0000' },
        ],
      },
    });
  });

  it('an expired entitlement is no contract end; empty subqueries (null on the wire) are none', () => {
    const r = parseCustomerContext(ACCOUNT, [answer({ Entitlements: { records: [{ Id: 'e', Name: 'Old', Status: 'Expired', EndDate: '2025-12-31' }] }, Cases: null, Seam_Contract_Value__c: null })]);
    expect(r).toMatchObject({ ok: true, value: { contractEnd: null, openCases: 0, latestCases: [], contractValue: null } });
  });

  it('counts open cases up to the limit and says when there may be more', () => {
    const many = Array.from({ length: OPEN_CASES_LIMIT }, (_, i) => ({ CaseNumber: String(i), Subject: `s${i}`, Status: 'New', CreatedDate: '' }));
    const r = parseCustomerContext(ACCOUNT, [answer({ Cases: { records: many } })]);
    expect(r).toMatchObject({ ok: true, value: { openCases: OPEN_CASES_LIMIT, openCasesCapped: true } });
    if (r.ok) expect(r.value.latestCases).toHaveLength(5);
  });

  it('no row is an account Salesforce does not show, named with the fix', () => {
    expect(parseCustomerContext(ACCOUNT, [])).toMatchObject({ ok: false, error: { field: 'Account', problem: expect.stringContaining('not found'), fix: expect.stringContaining('integration user') } });
  });
});

describe('isContextFresh', () => {
  it('is fresh only within the ttl, never for a future fetch time or ttl 0', () => {
    expect(isContextFresh(1000, 1000 + 299_999, 300_000)).toBe(true);
    expect(isContextFresh(1000, 1000 + 300_000, 300_000)).toBe(false);
    expect(isContextFresh(5000, 1000, 300_000)).toBe(false);
    expect(isContextFresh(1000, 1000, 0)).toBe(false);
    expect(isContextFresh(Number.NaN, 1000, 300_000)).toBe(false);
  });

  it('property: fresh iff 0 <= age < ttl', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: -1e6, max: 1e7 }), fc.integer({ min: -10, max: 1e7 }), (fetched, age, ttl) => {
        expect(isContextFresh(fetched, fetched + age, ttl)).toBe(ttl > 0 && age >= 0 && age < ttl);
      }),
    );
  });
});

describe('formatCustomerContext', () => {
  it('shows every part, labelled read-only and Salesforce-owned, with the tier by the high-value threshold', () => {
    const r = parseCustomerContext(ACCOUNT, [answer()]);
    if (!r.ok) throw new Error('fixture');
    const text = formatCustomerContext(r.value, '2026-12-02 15:00:00 UTC', 100000);
    expect(text.split('\n')).toEqual([
      'Salesforce customer context (read-only, owned by Salesforce; as of 2026-12-02 15:00:00 UTC)',
      'Account: Acme Retail (001000000000001AAA)',
      'Contract value: 250,000; tier: high value',
      'Entitlement: Premier Support — Active, 2026-01-01 to 2027-06-30; SLA: Premier 4h response',
      'Entitlement: Standard 2025 — Expired, 2025-01-01 to 2025-12-31; SLA: no entitlement process',
      'Contract end (latest active entitlement end): 2027-06-30',
      'Open cases: 3',
      '  00001003 [Escalated] Checkout times out',
      '  00001002 [New] Invoices missing',
      '  00001001 [Working] (no subject)',
    ]);
    expect(formatCustomerContext(r.value, 'now', 300000)).toContain('tier: standard');
    expect(formatCustomerContext(r.value, 'now')).toContain('tier: not set');
    expect(formatCustomerContext({ ...r.value, entitlements: [], contractValue: null, openCasesCapped: true }, 'now')).toMatch(/tier: no contract value[\s\S]*Entitlements: none[\s\S]*Open cases: at least 3/);
  });
});
