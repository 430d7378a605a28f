import { describe, it, expect } from 'vitest';
import { parseEncodedQuery, matchGroups, matchCondition, parseTerm, EncodedQueryError } from './encoded-query.js';

type Row = Record<string, string>;
const rows: Row[] = [
  { sys_id: 'a', number: 'INC0010001', priority: '1', state: '1', short_description: 'VPN down for Acme', assigned_to: '', opened_at: '2026-01-01 10:00:00' },
  { sys_id: 'b', number: 'INC0010002', priority: '2', state: '2', short_description: 'Email slow', assigned_to: 'u1', opened_at: '2026-01-02 10:00:00' },
  { sys_id: 'c', number: 'INC0010003', priority: '3', state: '6', short_description: 'vpn flaps', assigned_to: 'u2', opened_at: '2026-01-03 10:00:00' },
  { sys_id: 'd', number: 'INC0010010', priority: '10', state: '7', short_description: 'Printer', assigned_to: '', opened_at: '2026-01-04 10:00:00' },
];
const read = (r: Row, f: string) => r[f] ?? '';
const ids = (q: string) => rows.filter((r) => matchGroups(parseEncodedQuery(q).groups, r, read)).map((r) => r.sys_id).join('');

describe('encoded query operators', () => {
  it.each([
    ['priority=1', 'a'],
    ['priority!=1', 'bcd'],
    ['priority>2', 'cd'], // numeric, not string, comparison: '10' > '2'
    ['priority>=2', 'bcd'],
    ['priority<2', 'a'],
    ['priority<=2', 'ab'],
    ['stateIN1,6', 'ac'],
    ['stateNOT IN1,6', 'bd'],
    ['numberSTARTSWITHINC001000', 'abc'],
    ['numberENDSWITH10', 'd'],
    ['short_descriptionLIKEvpn', 'ac'],
    ['short_descriptionNOTLIKEvpn', 'bd'],
    ['assigned_toISEMPTY', 'ad'],
    ['assigned_toISNOTEMPTY', 'bc'],
    ['priorityBETWEEN2@3', 'bc'],
    ['opened_at>2026-01-02 10:00:00', 'cd'],
    ['assigned_toANYTHING', 'abcd'],
  ])('%s selects %s', (q, expected) => {
    expect(ids(q)).toBe(expected);
  });

  it('^ is AND, ^OR binds to its neighbour only, ^NQ starts an OR-ed group', () => {
    expect(ids('priority=1^state=2')).toBe('');
    expect(ids('state=7^priority=1^ORpriority=10')).toBe('d'); // state=7 AND (p=1 OR p=10)
    expect(ids('priority=1^ORpriority=2^state=2')).toBe('b');
    expect(ids('priority=1^state=1^NQpriority=3^state=6')).toBe('ac');
  });

  it('collects ORDERBY and ORDERBYDESC and ignores a trailing ^EQ', () => {
    const p = parseEncodedQuery('active=true^ORDERBYDESCpriority^ORDERBYnumber^EQ');
    expect(p.orderBy).toEqual([{ field: 'priority', desc: true }, { field: 'number', desc: false }]);
    expect(p.groups).toHaveLength(1);
  });

  it('rejects malformed terms with a message naming the term', () => {
    expect(() => parseEncodedQuery('=1')).toThrow(EncodedQueryError);
    expect(() => parseEncodedQuery('priority~1')).toThrow(/priority~1/);
    expect(() => parseEncodedQuery('^ORpriority=1')).toThrow(/\^OR/);
    expect(() => parseTerm('assigned_toISEMPTYx')).toThrow(/takes no value/);
    expect(() => parseTerm('sys_created_on>=javascript:gs.daysAgoStart(7)')).toThrow(/javascript: values are not evaluated/);
  });

  it('change operators need a previous value (business-rule filters)', () => {
    const c = parseTerm('stateCHANGESTO6');
    expect(matchCondition(c, '6', '2')).toBe(true);
    expect(matchCondition(c, '6', '6')).toBe(false);
    expect(matchCondition(c, '6')).toBe(false);
    expect(matchCondition(parseTerm('stateVALCHANGES'), '2', '1')).toBe(true);
    expect(matchCondition(parseTerm('stateCHANGESFROM1'), '2', '1')).toBe(true);
  });

  it('a value containing ^OR in a raw encoded query is parsed as syntax (which is why GlideRecord.addQuery never re-parses)', () => {
    expect(ids('short_description=nothing^ORpriority=2')).toBe('b');
  });
});
