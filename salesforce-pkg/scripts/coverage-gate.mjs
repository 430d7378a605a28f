#!/usr/bin/env node
// Fails when Apex code coverage is below 75 % for any class of this package or overall (the bar a
// promoted 2GP version must clear). Reads the JSON of `sf apex run test --code-coverage` (or
// `sf apex get test --code-coverage --json`): a file, or a folder of them (--output-dir).
//
//   node scripts/coverage-gate.mjs .sf-test-results [--min 75]
//
// Only classes in force-app count (the org may hold others); test classes have no coverage rows.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIN_PERCENT = 75;

/**
 * Coverage rows from any of the CLI's JSON shapes: `{result: {coverage: {coverage: [{name,
 * totalLines, totalCovered, coveredPercent}]}}}` (sf apex run/get test --json),
 * `{coverage: {coverage: [...]}}` (the same without the envelope, as written to --output-dir), or
 * `{codecoverage: [{name, numLinesCovered, numLinesUncovered, percentage}]}` (@salesforce/apex-node).
 * @param {unknown} json
 * @returns {Array<{ name: string, covered: number, total: number }>}
 */
export function coverageRows(json) {
    const root = /** @type {any} */ (json)?.result ?? json;
    const rows = [];
    for (const r of root?.coverage?.coverage ?? []) {
        const total = Number(r.totalLines ?? 0);
        const covered = r.totalCovered !== undefined ? Number(r.totalCovered) : Math.round((Number(r.coveredPercent ?? 0) * total) / 100);
        rows.push({ name: String(r.name), covered, total });
    }
    for (const r of root?.codecoverage ?? []) {
        const covered = Number(r.numLinesCovered ?? 0);
        rows.push({ name: String(r.name), covered, total: covered + Number(r.numLinesUncovered ?? 0) });
    }
    return rows;
}

/**
 * @param {Array<{ name: string, covered: number, total: number }>} rows
 * @param {{ classes: string[], min?: number }} options the package's non-test classes and triggers
 * @returns {{ problems: string[], lines: string[], overall: number }}
 */
export function gate(rows, options) {
    const min = options.min ?? MIN_PERCENT;
    const wanted = new Map(options.classes.map((c) => [c.toLowerCase(), c]));
    /** @type {Map<string, { covered: number, total: number }>} */
    const byName = new Map();
    for (const r of rows) {
        if (!wanted.has(r.name.toLowerCase())) continue;
        const prev = byName.get(r.name.toLowerCase()) ?? { covered: 0, total: 0 };
        // The same class can appear once per test run part; keep the best line count seen.
        byName.set(r.name.toLowerCase(), r.covered / (r.total || 1) >= prev.covered / (prev.total || 1) ? r : prev);
    }
    const problems = [];
    const lines = [];
    let covered = 0;
    let total = 0;
    for (const [key, name] of wanted) {
        const r = byName.get(key);
        if (!r) {
            problems.push(`${name}: no coverage reported (did its tests run? is it deployed?)`);
            continue;
        }
        const pct = r.total === 0 ? 100 : (100 * r.covered) / r.total;
        covered += r.covered;
        total += r.total;
        lines.push(`${pct >= min ? '✓' : '✗'} ${name}: ${pct.toFixed(1)} % (${r.covered}/${r.total} lines)`);
        if (pct < min) problems.push(`${name}: ${pct.toFixed(1)} % covered, below ${min} %; add tests for its uncovered lines`);
    }
    const overall = total === 0 ? 0 : (100 * covered) / total;
    if (overall < min) problems.push(`overall: ${overall.toFixed(1)} % covered, below ${min} %`);
    return { problems, lines, overall };
}

/** The package's classes and triggers that need coverage: not @IsTest, not the test data factory. */
export function packageApex(pkgRoot) {
    const src = path.join(pkgRoot, 'force-app', 'main', 'default');
    const out = [];
    for (const [folder, ext] of [['classes', '.cls'], ['triggers', '.trigger']]) {
        const dir = path.join(src, folder);
        if (!fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(ext))) {
            const text = fs.readFileSync(path.join(dir, f), 'utf8');
            const name = f.slice(0, -ext.length);
            const code = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
            if (/^\s*@IsTest\b/i.test(code) || name === 'SeamTestData') continue;
            out.push(name);
        }
    }
    return out.sort();
}

function readJsonFiles(target) {
    const files = fs.statSync(target).isDirectory()
        ? fs.readdirSync(target).filter((f) => f.endsWith('.json')).map((f) => path.join(target, f))
        : [target];
    const rows = [];
    for (const f of files) {
        try {
            rows.push(...coverageRows(JSON.parse(fs.readFileSync(f, 'utf8'))));
        } catch {
            // not one of the CLI's JSON files
        }
    }
    return rows;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const target = args.find((a) => !a.startsWith('--'));
    const minAt = args.indexOf('--min');
    const min = minAt >= 0 ? Number(args[minAt + 1]) : MIN_PERCENT;
    if (!target || !fs.existsSync(target)) {
        console.error('usage: coverage-gate.mjs <results.json | output-dir> [--min 75]');
        process.exit(2);
    }
    const rows = readJsonFiles(target);
    if (rows.length === 0) {
        console.error(`coverage-gate: no code coverage found in ${target}; run sf apex run test with --code-coverage (JSON)`);
        process.exit(1);
    }
    const pkgRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
    const result = gate(rows, { classes: packageApex(pkgRoot), min });
    for (const l of result.lines) console.log(l);
    console.log(`overall: ${result.overall.toFixed(1)} %`);
    if (result.problems.length) {
        for (const p of result.problems) console.error(`coverage-gate: ${p}`);
        process.exit(1);
    }
    console.log(`coverage-gate: every class and the total at or above ${min} %`);
}
