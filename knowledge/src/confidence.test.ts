import { describe, expect, it } from 'vitest';
import { articleMargins, CONFIDENCE_MODELS, confidenceOf, fitConfidence, shiftTo, type ConfidenceFeatures } from './confidence.js';

const f = (o: Partial<ConfidenceFeatures>): ConfidenceFeatures => ({ coverage: 0, similarity: 0, lexicalMargin: -1, vectorMargin: -1, ...o });

describe('relevance (confidence that the article answers)', () => {
  it("an article's margin is its lead over the best other article, relative for lexical scores", () => {
    const m = articleMargins([{ docId: 'a', score: 10 }, { docId: 'a', score: 9 }, { docId: 'b', score: 6 }, { docId: 'c', score: 1 }], true);
    expect(m('a')).toBeCloseTo(0.4);
    expect(m('b')).toBeCloseTo(-0.4);
    expect(m('zzz')).toBe(-1);
    const v = articleMargins([{ docId: 'a', score: 0.8 }, { docId: 'b', score: 0.75 }], false);
    expect(v('a')).toBeCloseTo(0.05);
    expect(articleMargins([{ docId: 'only', score: 0.3 }], false)('only')).toBeCloseTo(0.3);
  });

  it('the shipped models rise with coverage, similarity and both margins, and stay in [0, 1]', () => {
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      const low = confidenceOf(f({}), CONFIDENCE_MODELS[mode], mode);
      const high = confidenceOf(f({ coverage: 1, similarity: 1, lexicalMargin: 1, vectorMargin: 1 }), CONFIDENCE_MODELS[mode], mode);
      expect(low).toBeGreaterThanOrEqual(0);
      expect(high).toBeLessThanOrEqual(1);
      expect(high).toBeGreaterThan(low);
    }
    // A passage that matches every word but whose article does not stand out is less sure than one that does.
    const tied = confidenceOf(f({ coverage: 1, lexicalMargin: 0 }), CONFIDENCE_MODELS.lexical, 'lexical');
    const leads = confidenceOf(f({ coverage: 1, lexicalMargin: 0.5 }), CONFIDENCE_MODELS.lexical, 'lexical');
    expect(leads).toBeGreaterThan(tied);
  });

  it('lexical mode reads no vector feature, vector mode no term feature', () => {
    const m = { bias: 0, coverage: 1, similarity: 5, lexicalMargin: 1, vectorMargin: 5 };
    expect(confidenceOf(f({ coverage: 1, similarity: 1, vectorMargin: 1 }), m, 'lexical')).toBeCloseTo(confidenceOf(f({ coverage: 1 }), m, 'lexical'));
    expect(confidenceOf(f({ similarity: 1, coverage: 1, lexicalMargin: 1 }), m, 'vector')).toBeCloseTo(confidenceOf(f({ similarity: 1 }), m, 'vector'));
  });

  it('fitting learns which feature separates answerable questions, and shifting moves the operating point', () => {
    // Answerable questions lead by a margin; unanswerable ones have the same coverage but no lead.
    const rows = Array.from({ length: 200 }, (_, i) => {
      const answerable = i % 2 === 0;
      return { answerable, features: f({ coverage: 0.5 + (i % 7) / 20, lexicalMargin: answerable ? 0.3 + (i % 5) / 20 : -0.1 + (i % 5) / 20 }) };
    });
    const m = fitConfidence(rows, 'lexical');
    expect(m.lexicalMargin).toBeGreaterThan(Math.abs(m.coverage));
    expect(m.similarity).toBe(0);
    const yes = confidenceOf(f({ coverage: 0.6, lexicalMargin: 0.4 }), m, 'lexical');
    const no = confidenceOf(f({ coverage: 0.6, lexicalMargin: -0.05 }), m, 'lexical');
    expect(yes).toBeGreaterThan(0.5);
    expect(no).toBeLessThan(0.5);
    const shifted = shiftTo(m, yes, 0.45);
    expect(confidenceOf(f({ coverage: 0.6, lexicalMargin: 0.4 }), shifted, 'lexical')).toBeCloseTo(0.45);
  });
});
