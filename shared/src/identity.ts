/**
 * Identity and correlation: stable keys only (record ids, external ids), never display names.
 */
import { err, ok } from './types';
import type { FieldProblem, Result } from './types';

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 3-character case-safety suffix Salesforce appends to a 15-character id. */
export function salesforceIdSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const c = id15.charCodeAt(chunk * 5 + i);
      if (c >= 65 && c <= 90) bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

const ID15 = /^[a-zA-Z0-9]{15}$/;
const ID18 = /^[a-zA-Z0-9]{15}[A-Z0-5]{3}$/;

/**
 * Validates a 15- or 18-character Salesforce id (18: checksum suffix included) and returns the
 * 18-character form. `keyPrefix` (e.g. "500" for Case) is checked when given.
 */
export function toSalesforceId18(value: unknown, field = 'salesforceId', keyPrefix?: string): Result<string> {
  const bad = (problem: string, fix: string): Result<never> => err({ field, problem, fix, value });
  if (typeof value !== 'string') return bad('is not text', `send ${field} as a 15- or 18-character Salesforce id`);
  let id18: string;
  if (ID15.test(value)) id18 = value + salesforceIdSuffix(value);
  else if (ID18.test(value)) {
    const expected = salesforceIdSuffix(value.slice(0, 15));
    if (value.slice(15) !== expected) {
      return bad(
        `has the checksum suffix "${value.slice(15)}" but its first 15 characters need "${expected}"`,
        'copy the id again from Salesforce; it was altered (often lower- or upper-cased) on the way',
      );
    }
    id18 = value;
  } else return bad(`is not a Salesforce id: ${JSON.stringify(value)}`, `send ${field} as a 15- or 18-character Salesforce id`);
  if (keyPrefix !== undefined && id18.slice(0, 3) !== keyPrefix) {
    return bad(`starts with "${id18.slice(0, 3)}", not "${keyPrefix}"`, `send the id of the right object (key prefix ${keyPrefix})`);
  }
  return ok(id18);
}

export const isSalesforceId = (value: unknown): boolean => toSalesforceId18(value).ok;

/** Key prefix of Case ids. */
export const CASE_KEY_PREFIX = '500';
export const ACCOUNT_KEY_PREFIX = '001';

/** Two Salesforce ids name the same record (15 vs 18 chars). False if either is not an id. */
export function sameSalesforceId(a: unknown, b: unknown): boolean {
  const x = toSalesforceId18(a);
  const y = toSalesforceId18(b);
  return x.ok && y.ok && x.value === y.value;
}

/** A ServiceNow sys_id: 32 lowercase hex characters. */
export function validateSysId(value: unknown, field = 'sys_id'): Result<string> {
  if (typeof value === 'string' && /^[0-9a-f]{32}$/.test(value)) return ok(value);
  return err({ field, problem: `is not a sys_id: ${JSON.stringify(value)}`, fix: `send ${field} as 32 lowercase hex characters`, value });
}
export const isSysId = (value: unknown): boolean => validateSysId(value).ok;

const INCIDENT_NUMBER = /^INC\d{7,12}$/;

export function validateIncidentNumber(value: unknown, field = 'incidentNumber'): Result<string> {
  if (typeof value === 'string' && INCIDENT_NUMBER.test(value)) return ok(value);
  return err({ field, problem: `is not an incident number: ${JSON.stringify(value)}`, fix: `send ${field} like "INC0012345"`, value });
}

// ---- correlation id --------------------------------------------------------------------------

export interface Correlation {
  readonly incidentNumber: string;
  /** Always the 18-character Case id. */
  readonly caseId: string;
}

/** `SNOW-INC0012345|SFDC-500…` (the Case id in its 18-character form). */
export function formatCorrelationId(c: { incidentNumber: string; caseId: string }): Result<string> {
  const n = validateIncidentNumber(c.incidentNumber);
  if (!n.ok) return n;
  const id = toSalesforceId18(c.caseId, 'caseId', CASE_KEY_PREFIX);
  if (!id.ok) return id;
  return ok(`SNOW-${n.value}|SFDC-${id.value}`);
}

export function parseCorrelationId(value: unknown, field = 'correlationId'): Result<Correlation> {
  const m = typeof value === 'string' ? /^SNOW-([^|]*)\|SFDC-(.*)$/.exec(value) : null;
  if (!m) {
    return err({ field, problem: `is not a correlation id: ${JSON.stringify(value)}`, fix: 'use the form "SNOW-INC0012345|SFDC-<18-character Case id>"', value });
  }
  const n = validateIncidentNumber(m[1], `${field} (incident number)`);
  if (!n.ok) return n;
  const id = toSalesforceId18(m[2], `${field} (Case id)`, CASE_KEY_PREFIX);
  if (!id.ok) return id;
  if (id.value !== m[2]) {
    return err({ field, problem: 'carries a 15-character Case id', fix: 'use the 18-character Case id in correlation ids', value });
  }
  return ok({ incidentNumber: n.value, caseId: id.value });
}

// ---- external keys: Account ↔ company ------------------------------------------------------

/** The core_company field holding the Salesforce Account id: the only key companies match on. */
export const COMPANY_ACCOUNT_KEY_FIELD = 'x_seam_bridge_sf_account_id';

export interface CompanyRecord {
  readonly sys_id: string;
  readonly name?: string;
  readonly [COMPANY_ACCOUNT_KEY_FIELD]?: string | null;
}

/**
 * Finds the company whose `x_seam_bridge_sf_account_id` names `accountId` (15 or 18 chars on
 * either side). Names are never compared: two companies may share a name, an id never.
 */
export function matchCompanyByAccountId<C extends CompanyRecord>(accountId: unknown, companies: readonly C[]): Result<C, FieldProblem> {
  const id = toSalesforceId18(accountId, 'Case.AccountId', ACCOUNT_KEY_PREFIX);
  if (!id.ok) return id;
  const matches = companies.filter((c) => sameSalesforceId(c[COMPANY_ACCOUNT_KEY_FIELD], id.value));
  if (matches.length === 1) return ok(matches[0]);
  if (matches.length === 0) {
    return err({
      field: `core_company.${COMPANY_ACCOUNT_KEY_FIELD}`,
      problem: `no company carries the Account id ${id.value}`,
      fix: `set ${COMPANY_ACCOUNT_KEY_FIELD} = ${id.value} on the matching core_company record (names are not matched)`,
      value: id.value,
    });
  }
  return err({
    field: `core_company.${COMPANY_ACCOUNT_KEY_FIELD}`,
    problem: `${matches.length} companies carry the Account id ${id.value}: ${matches.map((c) => c.sys_id).join(', ')}`,
    fix: `keep ${COMPANY_ACCOUNT_KEY_FIELD} on exactly one company`,
    value: id.value,
  });
}
