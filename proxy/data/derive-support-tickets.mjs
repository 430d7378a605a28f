#!/usr/bin/env node
// Derives support-tickets-en.csv (see README.md here) from copies of the public
// "Customer Support Tickets" files (Tobi Bueck, CC BY-NC 4.0):
//   node proxy/data/derive-support-tickets.mjs DIR   # DIR holds the three source CSVs
// English rows of the eight queues the seam maps; deduplicated; a seeded split per queue.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SOURCES = ['aa_dataset-tickets-multi-lang-5-2-50-version.csv', 'dataset-tickets-multi-lang-4-20k.csv', 'dataset-tickets-multi-lang3-4k.csv'];
/** The queue → route mapping of issue 16; Product Support and Human Resources are left out (no owner in the seam). */
export const QUEUE_ROUTE = {
  'Technical Support': 'servicenow', 'IT Support': 'servicenow', 'Service Outages and Maintenance': 'servicenow',
  'Billing and Payments': 'salesforce', 'Customer Service': 'salesforce', 'Returns and Exchanges': 'salesforce',
  'Sales and Pre-Sales': 'salesforce', 'General Inquiry': 'salesforce',
};
/** Shares per queue, in this order: shipped model / its calibration / a simulated customer export / held-out test. */
const SPLITS = [['train', 0.4], ['calibration', 0.1], ['customer', 0.25], ['test', 0.25]];
const SEED = 16;

function parseCsv(text) {
  const rows = []; let row = []; let f = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { f += '"'; i++; } else q = false; } else f += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(f); f = ''; rows.push(row); row = []; }
    else f += c;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const esc = (s) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function main(dir) {
  const seen = new Set();
  const rows = [];
  for (const file of SOURCES) {
    const [header, ...body] = parseCsv(readFileSync(join(dir, file), 'utf8'));
    const col = (name) => header.indexOf(name);
    // The copies end mid-row; a row with fewer fields than the header is that cut and is dropped.
    for (const r of body.filter((r) => r.length === header.length)) {
      const queue = r[col('queue')];
      if (r[col('language')] !== 'en' || !(queue in QUEUE_ROUTE)) continue;
      const subject = (r[col('subject')] ?? '').replace(/\\n/g, '\n').trim();
      const text = (r[col('body')] ?? '').replace(/\\n/g, '\n').trim();
      const key = text.toLowerCase().replace(/\s+/g, ' ').slice(0, 200);
      if (!text || seen.has(key)) continue;
      seen.add(key);
      rows.push({ source: file.replace(/\.csv$/, ''), subject, body: text, queue, route: QUEUE_ROUTE[queue], type: r[col('type')] ?? '' });
    }
  }
  for (const queue of Object.keys(QUEUE_ROUTE)) {
    const group = rows.filter((r) => r.queue === queue);
    const rand = mulberry32(SEED);
    for (let i = group.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); [group[i], group[j]] = [group[j], group[i]]; }
    let start = 0;
    SPLITS.forEach(([name, share], k) => {
      const end = k === SPLITS.length - 1 ? group.length : start + Math.round(group.length * share);
      for (const r of group.slice(start, end)) r.split = name;
      start = end;
    });
  }
  const cols = ['split', 'source', 'queue', 'route', 'type', 'subject', 'body'];
  const out = [cols.join(','), ...rows.map((r) => cols.map((c) => esc(r[c])).join(','))].join('\n') + '\n';
  const target = fileURLToPath(new URL('support-tickets-en.csv', import.meta.url));
  writeFileSync(target, out);
  const count = (k) => Object.entries(rows.reduce((a, r) => ((a[r[k]] = (a[r[k]] ?? 0) + 1), a), {})).map(([v, n]) => `${v} ${n}`).join(', ');
  console.log(`${target}: ${rows.length} rows\n  routes: ${count('route')}\n  splits: ${count('split')}`);
}

if (!process.argv[2]) { console.error('usage: derive-support-tickets.mjs DIR-with-the-source-CSVs'); process.exit(1); }
main(process.argv[2]);
