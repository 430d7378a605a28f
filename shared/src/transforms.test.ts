import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OWNERSHIP } from './ownership';
import type { FieldMapping } from './ownership';
import {
  CASE_PRIORITY_DOMAIN,
  CASE_STATUS_DOMAIN,
  HOLD_REASON_DOMAIN,
  IMPACT_DOMAIN,
  INCIDENT_PRIORITY_DOMAIN,
  INCIDENT_STATE_DOMAIN,
  URGENCY_DOMAIN,
  casePriorityToUrgency,
  casePriorityToUrgencyImpact,
  caseStatusToIncidentState,
  formatIso,
  incidentPriorityToCasePriority,
  incidentStateLabel,
  incidentStateToCaseStatus,
  ownerFields,
  parseChoice,
  parseDateTime,
  peerField,
  priorityFromUrgencyImpact,
  salesforcePath,
  text255,
  toIsoDateTime,
  toServiceNowDateTime,
  transformForPeer,
} from './transforms';
import type { Result } from './types';

const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value;
};
const mapping = (key: string): FieldMapping => {
  const m = OWNERSHIP.find((x) => x.key === key);
  if (!m) throw new Error(key);
  return m;
};

describe('priority lookup', () => {
  it('is ServiceNow standard 3x3 matrix', () => {
    const expected: Record<string, number> = {
      '1,1': 1, '1,2': 2, '1,3': 3,
      '2,1': 2, '2,2': 3, '2,3': 4,
      '3,1': 3, '3,2': 4, '3,3': 5,
    };
    for (const u of URGENCY_DOMAIN) for (const i of IMPACT_DOMAIN) expect(value(priorityFromUrgencyImpact(u, i))).toBe(expected[`${u},${i}`]);
  });

  it('accepts Glide string choices', () => {
    expect(value(priorityFromUrgencyImpact('2', '3'))).toBe(4);
  });

  it('names the field when urgency or impact is outside 1-3', () => {
    const u = priorityFromUrgencyImpact(4, 1);
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.error).toMatchObject({ field: 'incident.urgency', fix: expect.stringContaining('1, 2, 3') });
    const i = priorityFromUrgencyImpact(1, null);
    expect(!i.ok && i.error.field).toBe('incident.impact');
    expect(!i.ok && i.error.problem).toBe('is empty');
  });

  it('maps Case priority to urgency/impact and back (identity round trip)', () => {
    expect(value(casePriorityToUrgencyImpact('High'))).toEqual({ urgency: 1, impact: 2 });
    expect(value(casePriorityToUrgencyImpact('Medium'))).toEqual({ urgency: 2, impact: 2 });
    expect(value(casePriorityToUrgencyImpact('Low'))).toEqual({ urgency: 3, impact: 3 });
    for (const p of CASE_PRIORITY_DOMAIN) {
      const ui = value(casePriorityToUrgencyImpact(p));
      expect(value(incidentPriorityToCasePriority(value(priorityFromUrgencyImpact(ui.urgency, ui.impact))))).toBe(p);
      expect(value(casePriorityToUrgency(p))).toBe(ui.urgency);
    }
  });

  it('labels incident priorities 1,2 High, 3 Medium, 4,5 Low', () => {
    expect(INCIDENT_PRIORITY_DOMAIN.map((p) => value(incidentPriorityToCasePriority(p)))).toEqual(['High', 'High', 'Medium', 'Low', 'Low']);
  });

  it('reports an unknown Case priority instead of defaulting', () => {
    const r = casePriorityToUrgency('Critical');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('Case.Priority');
      expect(r.error.problem).toContain('"Critical"');
      expect(r.error.fix).toContain('"High"');
    }
  });
});

describe('state ↔ status', () => {
  it('maps every incident state (with hold reasons) to a Case Status', () => {
    expect(value(incidentStateToCaseStatus(1))).toBe('New');
    expect(value(incidentStateToCaseStatus('2'))).toBe('Working');
    expect(value(incidentStateToCaseStatus(3, 1))).toBe('Waiting on Customer');
    expect(value(incidentStateToCaseStatus(3, 3))).toBe('Escalated');
    expect(value(incidentStateToCaseStatus(3, '4'))).toBe('On Hold');
    expect(value(incidentStateToCaseStatus(3, 5))).toBe('On Hold');
    expect(value(incidentStateToCaseStatus(6))).toBe('Resolved');
    expect(value(incidentStateToCaseStatus(7))).toBe('Closed');
    expect(value(incidentStateToCaseStatus(8))).toBe('Canceled');
  });

  it('ignores hold_reason unless On Hold', () => {
    expect(value(incidentStateToCaseStatus(2, 1))).toBe('Working');
  });

  it('requires a hold reason while On Hold', () => {
    const r = incidentStateToCaseStatus(3, '');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe('incident.hold_reason');
      expect(r.error.problem).toContain('On Hold');
    }
    expect(incidentStateToCaseStatus(3, 2).ok).toBe(false);
  });

  it('reports unknown states', () => {
    const r = incidentStateToCaseStatus(4);
    expect(!r.ok && r.error.field).toBe('incident.state');
    expect(incidentStateToCaseStatus('abc').ok).toBe(false);
    expect(incidentStateToCaseStatus(2.5).ok).toBe(false);
  });

  it('maps Case Status to state and hold reason; status → state → status is the identity', () => {
    expect(value(caseStatusToIncidentState('Waiting on Customer'))).toEqual({ state: 3, holdReason: 1 });
    expect(value(caseStatusToIncidentState('Working'))).toEqual({ state: 2, holdReason: null });
    for (const s of CASE_STATUS_DOMAIN) {
      const st = value(caseStatusToIncidentState(s));
      expect(value(incidentStateToCaseStatus(st.state, st.holdReason))).toBe(s);
    }
    const bad = caseStatusToIncidentState('Pending');
    expect(!bad.ok && bad.error.field).toBe('Case.Status');
  });

  it('labels states with their hold reason', () => {
    expect(value(incidentStateLabel(2))).toBe('In Progress');
    expect(value(incidentStateLabel(3, 4))).toBe('On Hold (Awaiting Vendor)');
    expect(incidentStateLabel(5).ok).toBe(false);
  });
});

describe('date-time', () => {
  it('converts ServiceNow UTC to ISO and back', () => {
    expect(value(toIsoDateTime('2026-02-28 23:59:07'))).toBe('2026-02-28T23:59:07Z');
    expect(value(toServiceNowDateTime('2026-02-28T23:59:07Z'))).toBe('2026-02-28 23:59:07');
  });

  it('normalises offsets and fractions to UTC', () => {
    expect(value(toIsoDateTime('2026-03-01T01:30:00+02:00'))).toBe('2026-02-28T23:30:00Z');
    expect(value(toIsoDateTime('2026-03-01T00:00:00.999-00:30'))).toBe('2026-03-01T00:30:00Z');
    expect(value(parseDateTime('1970-01-01T00:00:00.5Z'))).toBe(500);
  });

  it('keeps empty values empty', () => {
    expect(value(toIsoDateTime(''))).toBeNull();
    expect(value(toServiceNowDateTime(null))).toBeNull();
  });

  it('rejects impossible dates and other shapes', () => {
    for (const bad of ['2026-02-29 00:00:00', '2026-13-01 00:00:00', '2026-01-01 24:00:00', '2026-01-01T00:00:00', '2026-01-01T00:00:00+25:00', 'yesterday', 42]) {
      const r = toIsoDateTime(bad, 'incident.sla_due');
      expect(r.ok, String(bad)).toBe(false);
      if (!r.ok) expect(r.error.field).toBe('incident.sla_due');
    }
    expect(value(toIsoDateTime('2024-02-29 12:00:00'))).toBe('2024-02-29T12:00:00Z');
  });

  it('round-trips every instant with second precision', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 253402300799 }), (sec) => {
        const iso = formatIso(sec * 1000);
        const sn = value(toServiceNowDateTime(iso)) as string;
        expect(value(toIsoDateTime(sn))).toBe(iso);
        expect(value(parseDateTime(sn))).toBe(sec * 1000);
      }),
    );
  });
});

describe('text255', () => {
  it('keeps short text and cuts long text to 255 with an ellipsis', () => {
    expect(value(text255('short'))).toBe('short');
    const long = 'x'.repeat(300);
    const cut = value(text255(long)) as string;
    expect(cut.length).toBe(255);
    expect(cut.endsWith('…')).toBe(true);
    expect(value(text255('y'.repeat(255)))).toBe('y'.repeat(255));
  });

  it('never splits a surrogate pair', () => {
    const s = `${'a'.repeat(253)}😀${'b'.repeat(10)}`;
    const cut = value(text255(s)) as string;
    expect(cut).toBe(`${'a'.repeat(253)}…`);
  });

  it('rejects non-text', () => {
    expect(text255(12).ok).toBe(false);
    expect(value(text255(null))).toBeNull();
  });
});

describe('mapping helpers and transformForPeer', () => {
  it('names owner and peer fields', () => {
    expect(ownerFields(mapping('state'))).toEqual(['state', 'hold_reason']);
    expect(peerField(mapping('state'))).toBe('Status');
    expect(ownerFields(mapping('urgency'))).toEqual(['Priority']);
    expect(peerField(mapping('urgency'))).toBe('urgency');
    expect(salesforcePath(mapping('contractValue'))).toBe('Account.Seam_Contract_Value__c');
    expect(salesforcePath(mapping('workNotes'))).toBeNull();
  });

  it('reads state and hold_reason together', () => {
    expect(value(transformForPeer(mapping('state'), { state: '3', hold_reason: '1' }))).toBe('Waiting on Customer');
    expect(value(transformForPeer(mapping('urgency'), { Priority: 'Low' }))).toBe(3);
    expect(value(transformForPeer(mapping('slaDue'), { sla_due: '2026-01-02 03:04:05' }))).toBe('2026-01-02T03:04:05Z');
    expect(value(transformForPeer(mapping('subject'), { Subject: 'z'.repeat(400) }))).toHaveLength(255);
    expect(value(transformForPeer(mapping('contractValue'), { 'Account.Seam_Contract_Value__c': 1200.5 }))).toBe(1200.5);
    expect(value(transformForPeer(mapping('incidentPriority'), { priority: '1' }))).toBe('High');
  });

  it('writes date-times in the peer format, whichever side owns them', () => {
    const sfOwned: FieldMapping = { ...mapping('slaDue'), key: 'followUp', owner: 'salesforce', direction: 'sf_to_sn', salesforce: { object: 'Case', field: 'Follow_Up__c' }, servicenow: { table: 'incident', field: 'x_follow_up' } };
    expect(value(transformForPeer(sfOwned, { Follow_Up__c: '2026-01-02T03:04:05.000Z' }))).toBe('2026-01-02 03:04:05');
    expect(value(transformForPeer(mapping('slaDue'), { sla_due: '' }))).toBeNull();
  });

  it('never sends internal or journal fields, and rejects non-scalar identity values', () => {
    expect(transformForPeer(mapping('workNotes'), { work_notes: 'x' }).ok).toBe(false);
    expect(transformForPeer(mapping('comments'), { comments: 'x' }).ok).toBe(false);
    expect(transformForPeer(mapping('caseId'), { Id: Number.NaN }).ok).toBe(false);
  });
});

describe('totality over the declared domains (property)', () => {
  const outside = (domain: readonly unknown[]) => fc.anything().filter((v) => !domain.includes(v) && !(typeof v === 'string' && domain.includes(Number(v.trim())) && /^\s*-?\d+\s*$/.test(v)));

  it('parseChoice: ok for each member (number or string), explicit error outside', () => {
    for (const domain of [URGENCY_DOMAIN, IMPACT_DOMAIN, INCIDENT_PRIORITY_DOMAIN, INCIDENT_STATE_DOMAIN, HOLD_REASON_DOMAIN] as const) {
      for (const m of domain) {
        expect(value(parseChoice('f', m, domain))).toBe(m);
        expect(value(parseChoice('f', String(m), domain))).toBe(m);
      }
      fc.assert(
        fc.property(outside(domain), (v) => {
          const r = parseChoice('f', v, domain as readonly number[]);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.error.field).toBe('f');
        }),
      );
    }
  });

  it('Case picklist transforms: ok for each member, explicit error outside', () => {
    for (const p of CASE_PRIORITY_DOMAIN) expect(casePriorityToUrgency(p).ok).toBe(true);
    for (const s of CASE_STATUS_DOMAIN) expect(caseStatusToIncidentState(s).ok).toBe(true);
    fc.assert(
      fc.property(outside(CASE_PRIORITY_DOMAIN), (v) => {
        const r = casePriorityToUrgency(v);
        expect(!r.ok && r.error.fix.length > 0).toBe(true);
      }),
    );
    fc.assert(fc.property(outside(CASE_STATUS_DOMAIN), (v) => {
      expect(caseStatusToIncidentState(v).ok).toBe(false);
    }));
  });

  it('incident transforms: ok over state × hold reason and priority, error outside', () => {
    for (const s of INCIDENT_STATE_DOMAIN) {
      for (const h of [...HOLD_REASON_DOMAIN, null]) {
        const r = incidentStateToCaseStatus(s, h);
        expect(r.ok).toBe(s !== 3 || h !== null);
        expect(incidentStateLabel(s, h).ok).toBe(s !== 3 || h !== null);
        if (r.ok) expect(CASE_STATUS_DOMAIN).toContain(r.value);
      }
    }
    for (const p of INCIDENT_PRIORITY_DOMAIN) expect(CASE_PRIORITY_DOMAIN).toContain(value(incidentPriorityToCasePriority(p)));
    fc.assert(fc.property(outside(INCIDENT_STATE_DOMAIN), (v) => {
      expect(incidentStateToCaseStatus(v, 1).ok).toBe(false);
    }));
    fc.assert(fc.property(outside(INCIDENT_PRIORITY_DOMAIN), (v) => {
      expect(incidentPriorityToCasePriority(v).ok).toBe(false);
    }));
  });

  it('transformForPeer is total for every sendable mapping over generated owner records', () => {
    const sendable = OWNERSHIP.filter((m) => m.direction !== 'internal' && m.owner !== 'entry_origin');
    const fieldValue = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.double());
    fc.assert(
      fc.property(fc.constantFrom(...sendable), fc.dictionary(fc.string(), fieldValue), (m, rec) => {
        // Never throws; either a value or a problem that names a field and a fix.
        const r = transformForPeer(m, rec);
        if (!r.ok) expect(r.error.field.length * r.error.fix.length).toBeGreaterThan(0);
      }),
    );
  });
});
