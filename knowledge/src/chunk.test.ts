import { describe, expect, it } from 'vitest';
import { chunkDocument, sections } from './chunk.js';
import { convexFusion, queryTerms, reciprocalRankFusion, termCoverage } from './fusion.js';

describe('chunking', () => {
  it('splits HTML at h1–h4 and keeps title + heading in what is indexed', () => {
    const c = chunkDocument('VPN drops', '<p>Intro &amp; scope.</p><h2>Cause</h2><p>Idle timeout.</p><h5>not a split</h5><h3>Fix</h3><ul><li>Raise it</li><li>Reconnect</li></ul>');
    expect(c.map((x) => x.heading)).toEqual([undefined, 'Cause', 'Fix']);
    expect(c[0].text).toBe('Intro & scope.');
    expect(c[1].indexed).toBe('VPN drops\nCause\nIdle timeout.\nnot a split');
    expect(c[2].text).toBe('- Raise it\n- Reconnect');
  });

  it('splits markdown at # to #### and plain text not at all', () => {
    expect(sections('# A\none\n## B\ntwo\n##### C\nthree').map((s) => s.heading)).toEqual(['A', 'B']);
    expect(sections('just text, no headings')).toEqual([{ heading: undefined, text: 'just text, no headings' }]);
  });

  it('splits a long section at sentence ends, each piece under the limit and nothing lost', () => {
    const body = Array.from({ length: 40 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const c = chunkDocument('T', body, 200);
    expect(c.length).toBeGreaterThan(4);
    expect(c.every((x) => x.text.length <= 200)).toBe(true);
    expect(c.map((x) => x.text).join(' ')).toBe(body);
    expect(c.every((x) => x.indexed.startsWith('T\n'))).toBe(true);
  });

  it('an empty body still gives one passage with the title', () => {
    expect(chunkDocument('Only a title', '')).toEqual([{ index: 0, heading: undefined, text: '', indexed: 'Only a title' }]);
  });
});

describe('fusion', () => {
  it('reciprocal rank fusion rewards agreement and records both ranks', () => {
    const f = reciprocalRankFusion([{ id: 1 }, { id: 2 }, { id: 3 }], [{ id: 3 }, { id: 4 }, { id: 1 }]);
    expect(f.map((x) => x.id)).toEqual([1, 3, 2, 4]);
    expect(f[0]).toMatchObject({ lexicalRank: 1, vectorRank: 3 });
    expect(f[0].score).toBeCloseTo(1 / 61 + 1 / 63);
    expect(f.find((x) => x.id === 4)).toMatchObject({ vectorRank: 2 });
    expect(f.find((x) => x.id === 4)?.lexicalRank).toBeUndefined();
  });

  it('convex fusion: rank 1 in one list beats mid-rank in both, which RRF (k = 60) gets the other way round', () => {
    // Passage 1: the best BM25 hit, no vector hit. Passage 9: 20th in both lists, weak in each.
    const lexical = [{ id: 1, score: 10 }, ...Array.from({ length: 18 }, (_, i) => ({ id: 100 + i, score: 6 })), { id: 9, score: 2 }];
    const vector = [...Array.from({ length: 19 }, (_, i) => ({ id: 200 + i, score: 0.5 })), { id: 9, score: 0.2 }];
    expect(reciprocalRankFusion(lexical, vector).findIndex((f) => f.id === 9)).toBeLessThan(reciprocalRankFusion(lexical, vector).findIndex((f) => f.id === 1));
    const f = convexFusion(lexical, vector, 0.7);
    expect(f[0]).toMatchObject({ id: 1, lexicalRank: 1, score: 0.7 });
    expect(f.find((x) => x.id === 9)).toMatchObject({ lexicalRank: 20, vectorRank: 20 });
    expect(f.find((x) => x.id === 9)?.score).toBeCloseTo(0.7 * 0.2 + 0.3 * 0.2);
  });

  it('convex fusion keeps far neighbours low: cosine is not stretched to [0, 1] per query', () => {
    // Every passage is a poor vector match; the one lexical hit must stay first.
    const f = convexFusion([{ id: 5, score: 3 }], [{ id: 6, score: 0.15 }, { id: 5, score: 0.1 }], 0.5);
    expect(f.map((x) => x.id)).toEqual([5, 6]);
    expect(f[1].score).toBeCloseTo(0.075);
  });

  it('convex fusion with one list is that list, and orders by rank when a list has no scores', () => {
    expect(convexFusion([{ id: 2, score: 4 }, { id: 1, score: 1 }], []).map((x) => [x.id, x.score])).toEqual([[2, 1], [1, 0.25]]);
    expect(convexFusion([], [{ id: 3 }, { id: 4 }]).map((x) => x.id)).toEqual([3, 4]);
  });

  it('query terms drop stop words and repeats', () => {
    expect(queryTerms('How do I reset my VPN password? VPN!')).toEqual(['reset', 'vpn', 'password']);
  });

  it('term coverage weighs rare terms more, and unseen terms like the rarest', () => {
    const stats = { total: 100, df: new Map([['vpn', 2], ['reset', 50], ['zork', 0]]), hits: new Map([['vpn', new Set([7])], ['reset', new Set([7, 8])], ['zork', new Set<number>()]]) };
    const seven = termCoverage(7, ['vpn', 'reset'], stats);
    const eight = termCoverage(8, ['vpn', 'reset'], stats);
    expect(seven).toBe(1);
    expect(eight).toBeGreaterThan(0);
    expect(eight).toBeLessThan(0.3);
    expect(termCoverage(7, ['vpn', 'reset', 'zork'], stats)).toBeLessThan(0.6);
  });
});
