#!/usr/bin/env node
// `npm run check -w salesforce-pkg`: every offline check of the Salesforce package, with the
// time each took. Exits 1 if any check reports a problem.
//
//   node scripts/check.mjs                      all checks on this package
//   node scripts/check.mjs --only pmd,apex-ls   some of them
//   node scripts/check.mjs --dir /tmp/copy      another SFDX project (the self-tests use this)
//   node scripts/check.mjs --verbose            also print PMD advice (severity 3-5)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHECKS, createContext } from './lib/checks.mjs';

const args = process.argv.slice(2);
const option = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
};
const root = option('--dir') ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const only = option('--only')?.split(',');
const verbose = args.includes('--verbose');

const unknown = (only ?? []).filter((n) => !CHECKS.some((c) => c.name === n));
if (unknown.length) {
    console.error(`check: unknown check(s) ${unknown.join(', ')}; known: ${CHECKS.map((c) => c.name).join(', ')}`);
    process.exit(2);
}

const ctx = createContext(root);
const started = Date.now();
let failed = 0;
for (const check of CHECKS.filter((c) => !only || only.includes(c.name))) {
    const t0 = Date.now();
    let problems;
    try {
        problems = await check.run(
            ctx,
            check.name === 'pmd' && verbose ? { log: (l) => console.log(`  advice: ${l}`) } : undefined
        );
    } catch (e) {
        problems = [`the check itself failed: ${e.stack || e.message}`];
    }
    const ms = Date.now() - t0;
    if (problems.length) {
        failed++;
        console.log(`✗ ${check.name} (${ms} ms): ${problems.length} problem(s)`);
        for (const p of problems) console.log(`  ${p}`);
    } else {
        console.log(`✓ ${check.name} (${ms} ms)`);
    }
}
console.log(
    `check: ${failed ? `${failed} check(s) failed` : 'all passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`
);
process.exit(failed ? 1 : 0);
