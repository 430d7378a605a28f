import { describe, expect, it } from 'vitest';
import { fromCaller, parseArgs } from './args.js';

describe('CLI arguments', () => {
  it('resolves a typed path against the caller\'s directory (npm -w runs the CLI inside proxy/)', () => {
    expect(fromCaller('proxy/data/x.csv', { INIT_CWD: '/repo' })).toBe('/repo/proxy/data/x.csv');
    expect(fromCaller('/abs/x.csv', { INIT_CWD: '/repo' })).toBe('/abs/x.csv');
    expect(fromCaller('x.csv', {})).toBe(`${process.cwd()}/x.csv`);
  });

  it('names the known flags when one is unknown', () => {
    expect(parseArgs(['--data', 'f.csv', '--split=test'], ['data', 'split'])).toEqual({ data: 'f.csv', split: 'test' });
    expect(() => parseArgs(['--dta', 'f.csv'], ['data'])).toThrow(/unknown flag --dta; flags: --data/);
  });
});
