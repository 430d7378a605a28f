import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  formatCorrelationId,
  isSalesforceId,
  isSysId,
  matchCompanyByAccountId,
  parseCorrelationId,
  sameSalesforceId,
  salesforceIdSuffix,
  toSalesforceId18,
  validateIncidentNumber,
  validateSysId,
} from './identity';

const CASE15 = '500Aa00000AbCdE';
const CASE18 = '500Aa00000AbCdEIAV';

describe('Salesforce ids', () => {
  it('computes the case-safety suffix (known ids)', () => {
    expect(salesforceIdSuffix('001000000000000')).toBe('AAA');
    expect(salesforceIdSuffix('001A0000006Vm9r')).toBe('IAC');
    expect(salesforceIdSuffix(CASE15)).toBe('IAV');
  });

  it('converts 15 → 18 and validates the 18-character checksum', () => {
    expect(toSalesforceId18(CASE15)).toEqual({ ok: true, value: CASE18 });
    expect(toSalesforceId18(CASE18)).toEqual({ ok: true, value: CASE18 });
    const bad = toSalesforceId18('500Aa00000AbCdEIAA', 'caseId');
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.field).toBe('caseId');
      expect(bad.error.problem).toContain('"IAV"');
    }
    expect(toSalesforceId18(CASE18.toLowerCase()).ok).toBe(false);
    expect(toSalesforceId18('short').ok).toBe(false);
    expect(toSalesforceId18(42).ok).toBe(false);
    expect(isSalesforceId(CASE18)).toBe(true);
  });

  it('checks the key prefix when asked', () => {
    const r = toSalesforceId18(CASE18, 'accountId', '001');
    expect(!r.ok && r.error.problem).toContain('"500"');
  });

  it('every 15-character id has exactly one valid 18-character form that differs in case only', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-zA-Z0-9]{15}$/), (id15) => {
        const r = toSalesforceId18(id15);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.slice(0, 15)).toBe(id15);
        expect(sameSalesforceId(id15, r.value)).toBe(true);
        // Flipping the case of one letter is another record: the checksum must catch it.
        const i = id15.search(/[a-zA-Z]/);
        if (i >= 0) {
          const c = id15[i];
          const flipped = id15.slice(0, i) + (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()) + id15.slice(i + 1);
          expect(toSalesforceId18(flipped + r.value.slice(15)).ok).toBe(false);
        }
      }),
    );
  });
});

describe('sys_id and incident numbers', () => {
  it('validates', () => {
    expect(isSysId('0123456789abcdef0123456789abcdef')).toBe(true);
    expect(isSysId('0123456789ABCDEF0123456789abcdef')).toBe(false);
    expect(validateSysId('x', 'incident.sys_id')).toMatchObject({ ok: false, error: { field: 'incident.sys_id' } });
    expect(validateIncidentNumber('INC0012345').ok).toBe(true);
    expect(validateIncidentNumber('CHG0012345').ok).toBe(false);
  });
});

describe('correlation id', () => {
  it('formats with the 18-character Case id and parses back', () => {
    const id = formatCorrelationId({ incidentNumber: 'INC0012345', caseId: CASE15 });
    expect(id).toEqual({ ok: true, value: `SNOW-INC0012345|SFDC-${CASE18}` });
    expect(parseCorrelationId(`SNOW-INC0012345|SFDC-${CASE18}`)).toEqual({ ok: true, value: { incidentNumber: 'INC0012345', caseId: CASE18 } });
  });

  it('reports what is wrong', () => {
    expect(formatCorrelationId({ incidentNumber: 'INC1', caseId: CASE18 }).ok).toBe(false);
    expect(formatCorrelationId({ incidentNumber: 'INC0012345', caseId: '001Aa00000AbCdEIAV' }).ok).toBe(false);
    expect(parseCorrelationId('INC0012345/500').ok).toBe(false);
    expect(parseCorrelationId(`SNOW-INC0012345|SFDC-${CASE15}`)).toMatchObject({ ok: false, error: { problem: 'carries a 15-character Case id' } });
    expect(parseCorrelationId(`SNOW-INC0012345|SFDC-500Aa00000AbCdEIAA`).ok).toBe(false);
    expect(parseCorrelationId('SNOW-X|SFDC-y').ok).toBe(false);
  });
});

describe('company matching on the external key', () => {
  const ACC18 = '001Aa00000AbCdEIAV';
  const companies = [
    { sys_id: 'c1', name: 'Acme', x_seam_bridge_sf_account_id: '001Aa00000XyZwVIAV' },
    { sys_id: 'c2', name: 'Acme', x_seam_bridge_sf_account_id: ACC18.slice(0, 15) },
    { sys_id: 'c3', name: 'Globex', x_seam_bridge_sf_account_id: null },
  ];

  it('matches on the Account id (15 or 18 characters), never on the name', () => {
    const r = matchCompanyByAccountId(ACC18, companies);
    expect(r.ok && r.value.sys_id).toBe('c2');
  });

  it('reports no match and ambiguous matches', () => {
    const none = matchCompanyByAccountId('001Aa00000QQQQQIA5', companies);
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.error.fix).toContain('x_seam_bridge_sf_account_id');
    const twice = matchCompanyByAccountId(ACC18, [...companies, { sys_id: 'c4', x_seam_bridge_sf_account_id: ACC18 }]);
    expect(!twice.ok && twice.error.problem).toContain('2 companies');
    expect(matchCompanyByAccountId('Acme', companies).ok).toBe(false);
  });
});
