import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CUT_MARK, fitText, isFittedCopy } from './fit';
import { text255 } from './transforms';

describe('fitText', () => {
  it('keeps text that fits, and anything when the length is unknown', () => {
    expect(fitText('short', 160)).toEqual({ value: 'short', cut: false });
    expect(fitText('x'.repeat(5000), 0)).toEqual({ value: 'x'.repeat(5000), cut: false });
  });

  it('cuts to exactly the length, ending with the marker and the note', () => {
    const f = fitText('a'.repeat(5000), 4000, ' [full text attached]');
    expect(f.cut).toBe(true);
    expect(Array.from(f.value)).toHaveLength(4000);
    expect(f.value.endsWith(`${CUT_MARK} [full text attached]`)).toBe(true);
  });

  it('drops a note longer than half the column, and never splits a surrogate pair', () => {
    const f = fitText('😀'.repeat(200), 10, ' a note far too long for ten');
    expect(f.value).toBe('😀'.repeat(9) + CUT_MARK);
  });

  it('property: a cut value fits, and is recognised as a fitted copy of the original', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), fc.integer({ min: 1, max: 200 }), (s, max) => {
      const f = fitText(s, max, ' [see file]');
      expect(Array.from(f.value).length).toBeLessThanOrEqual(Math.max(max, 0));
      expect(isFittedCopy(s, f.value)).toBe(true);
    }));
  });
});

describe('isFittedCopy', () => {
  it('accepts the value itself and text255 cuts; refuses a different text', () => {
    const long = 'Subject '.repeat(40);
    expect(isFittedCopy(long, long)).toBe(true);
    expect(isFittedCopy(long, text255(long).ok ? (text255(long) as { value: string }).value : '')).toBe(true);
    expect(isFittedCopy(long, 'Something else…')).toBe(false);
    expect(isFittedCopy('short', 'short and more')).toBe(false);
  });
});
