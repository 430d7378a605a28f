#!/usr/bin/env node
/**
 * `npm run eval:knowledge [-- --backend sqlite|postgres --postgres-url URL --data FILE --embedder lsa|use-lite --tune]`
 * Hybrid vs lexical-only vs vector-only on the public StackExchange FAQ set (see knowledge/README.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CachedEmbedder } from '../embedders/cache.js';
import { UseLiteEmbedder } from '../embedders/useLite.js';
import { formatReport, runEval } from '../eval/run.js';
import { parseStackFaq } from '../eval/stackfaq.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(here, '../../eval/stackexchange-faq.xml') },
    backend: { type: 'string', default: 'sqlite' },
    'postgres-url': { type: 'string', default: process.env['SEAM_KNOWLEDGE_POSTGRES_URL'] },
    dimensions: { type: 'string', default: '100' },
    embedder: { type: 'string', default: 'lsa' },
    cache: { type: 'string', default: '.seam-state/embeddings-cache.sqlite' },
    tune: { type: 'boolean', default: false },
    'max-chars': { type: 'string' },
    json: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: npm run eval:knowledge -- [--backend sqlite|postgres] [--postgres-url URL] [--data stackexchange-faq.xml] [--embedder lsa|use-lite] [--dimensions 100 (lsa)] [--cache FILE|off (use-lite vectors)] [--tune: sweep the fusion weight on the dev half] [--json] [--calibrate: refit the relevance models on the dev half and print them]');
  process.exit(0);
}
if (values.backend !== 'sqlite' && values.backend !== 'postgres') {
  console.error(`eval: --backend "${values.backend}" is not sqlite or postgres`);
  process.exit(2);
}
if (values.embedder !== 'lsa' && values.embedder !== 'use-lite') {
  console.error(`eval: --embedder "${values.embedder}" is not lsa or use-lite`);
  process.exit(2);
}
function useLite(): UseLiteEmbedder {
  return new UseLiteEmbedder(values['max-chars'] ? { maxChars: Number(values['max-chars']) } : {});
}
const cached = values.embedder === 'use-lite' && values.cache !== 'off' ? new CachedEmbedder(useLite(), values.cache as string) : null;
const embedder = values.embedder === 'use-lite' ? (cached ?? useLite()) : undefined;
const set = parseStackFaq(fs.readFileSync(values.data as string, 'utf8'));
const report = await runEval(set, values.backend === 'postgres' ? { backend: 'postgres', postgresUrl: values['postgres-url'] } : { backend: 'sqlite', path: ':memory:' }, { dimensions: Number(values.dimensions), calibrate: values.calibrate === true, tune: values.tune === true, ...(embedder ? { embedder } : {}) });
if (cached) {
  console.error(`embedding cache ${values.cache}: ${cached.stats.hits} hits, ${cached.stats.misses} misses`);
  cached.close();
}
console.log(values.json ? JSON.stringify(report, null, 2) : `knowledge eval on ${values.backend}: StackExchange FAQ (Karan & Šnajder 2018)\n${formatReport(report)}`);
if (report.calibrated && !values.json) {
  const round = (m: Record<string, number>): string => `{ ${Object.entries(m).map(([k, v]) => `${k}: ${Math.round(v * 1000) / 1000}`).join(', ')} }`;
  console.log(`\nrelevance models fitted on the dev half (knowledge/src/confidence.ts CONFIDENCE_MODELS):\n${Object.entries(report.calibrated).map(([mode, m]) => `  ${mode}: ${round(m as unknown as Record<string, number>)},`).join('\n')}`);
}
