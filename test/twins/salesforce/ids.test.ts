import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idSuffix, makeId, normalizeId } from './index.js';

const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split(''));
const id15 = fc.array(alnum, { minLength: 15, maxLength: 15 }).map((a) => a.join(''));

describe('Salesforce ids', () => {
  it('computes the case-checksum suffix of the documented example', () => {
    // 00D000000000062 → the "D" is upper case at position 3 of the first chunk: bit 2 → "E".
    expect(idSuffix('00D000000000062')).toBe('EAA');
    expect(normalizeId('00D000000000062')).toBe('00D000000000062EAA');
    expect(idSuffix('ABCDEabcde00000')).toBe('5AA');
    expect(normalizeId('001A0000006Vm9r')).toBe('001A0000006Vm9rIAC');
  });

  it('accepts 15- and 18-character forms and rejects a wrong suffix or bad characters', () => {
    const id = makeId('500', 42);
    expect(id).toHaveLength(18);
    expect(normalizeId(id)).toBe(id);
    expect(normalizeId(id.slice(0, 15))).toBe(id);
    expect(normalizeId(id.slice(0, 15) + id.slice(15).toLowerCase())).toBe(id);
    expect(normalizeId(`${id.slice(0, 15)}ZZZ`)).toBeNull();
    expect(normalizeId('500Tw00000000-1')).toBeNull();
    expect(normalizeId('500')).toBeNull();
    expect(normalizeId(42)).toBeNull();
  });

  it('issues distinct, valid ids that keep their key prefix', () => {
    const ids = new Set(Array.from({ length: 500 }, (_, i) => makeId('003', i + 1)));
    expect(ids.size).toBe(500);
    for (const id of ids) {
      expect(id.startsWith('003')).toBe(true);
      expect(normalizeId(id)).toBe(id);
    }
  });

  it('suffix tells ids apart that differ only by case (property)', () => {
    fc.assert(fc.property(id15, (a) => {
      const full = normalizeId(a)!;
      expect(full.slice(0, 15)).toBe(a);
      expect(normalizeId(full)).toBe(full);
      const flipped = a.replace(/[a-z]/, (c) => c.toUpperCase());
      if (flipped !== a) expect(normalizeId(flipped)).not.toBe(full);
    }));
  });
});
