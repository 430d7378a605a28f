import { describe, expect, it } from 'vitest';
import { chunkDocument, sections } from './chunk.js';
import { queryTerms, reciprocalRankFusion, termCoverage } from './fusion.js';

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
