import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hashValue, sha256Hex, stableStringify, utf8Bytes } from './hash';

const nodeSha = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto on any text, including non-ASCII, astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 200 })), (s) => {
        expect(sha256Hex(s)).toBe(nodeSha(s));
      }),
      { numRuns: 300 },
    );
    for (const s of ['\ud800', 'a\udc00b', 'é😀中', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'x'.repeat(1000)]) expect(sha256Hex(s)).toBe(nodeSha(s));
  });

  it('encodes UTF-8 like Buffer', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 50 }), (s) => {
        expect(utf8Bytes(s)).toEqual(Array.from(Buffer.from(s, 'utf8')));
      }),
    );
  });
});

describe('stableStringify', () => {
  it('sorts keys at every depth and drops undefined like JSON', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify([undefined, NaN, 'x'])).toBe('[null,null,"x"]');
    expect(stableStringify(undefined)).toBe('null');
    expect(stableStringify('q"')).toBe('"q\\""');
  });

  it('is JSON that parses back to the same data, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const s = stableStringify(v);
        expect(JSON.parse(s)).toEqual(JSON.parse(JSON.stringify(v)));
        if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
          const reversed = Object.fromEntries(Object.entries(v).reverse());
          expect(stableStringify(reversed)).toBe(s);
        }
      }),
    );
  });

  it('hashValue is equal for equal data in any key order, different for different data', () => {
    expect(hashValue({ a: 1, b: 2 })).toBe(hashValue({ b: 2, a: 1 }));
    expect(hashValue({ a: 1 })).not.toBe(hashValue({ a: '1' }));
  });
});
