import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { lintPaths, lintSource } from '../scripts/engine-lint.mjs';

const APP = join(dirname(fileURLToPath(import.meta.url)), '..');
type Finding = { rule: string; line: number };

const BAD = `
export class Store {
    #secret = 1;
    async load() { return 1; }
}
export async function fetchAll() { await Promise.resolve(1); }
export const run = async () => 1;
export const keys = (o: object) => Reflect.ownKeys(o);
export const ref = new WeakRef({});
export const reg = new FinalizationRegistry(() => undefined);
export const p = new Proxy({}, {});
export const f = new Function('return 1');
import { readFileSync } from 'fs';
export const env = process.env.HOME;
export const get = () => fetch('https://x');
`;

describe('engine lint', () => {
    it('catches every construct the engine cannot run', () => {
        const rules = (lintSource(BAD, 'bad.ts') as Finding[]).map((f) => f.rule);
        for (const rule of ['privateName', 'async', 'await', 'Reflect', 'WeakRef', 'FinalizationRegistry', 'Proxy', 'newFunction', 'node', 'browser']) {
            expect(rules).toContain(rule);
        }
        expect(rules.filter((r) => r === 'async')).toHaveLength(3);
    });

    it('accepts what the engine runs: optional catch binding, classes, generators, property names that look like banned globals', () => {
        const ok = `
            export class A { private x = 1; static count = 0; get() { try { return this.x; } catch { return 0; } } }
            export function* gen() { yield 1; }
            export const o = { Proxy: 1, process: 2 };
            export const v = o.process + o.Proxy;
            type Reflect = { a: 1 };
        `;
        expect(lintSource(ok, 'ok.ts')).toEqual([]);
    });

    it('passes on src/server, including the generated shared core', () => {
        expect(lintPaths([join(APP, 'src/server')])).toEqual([]);
    });

    it('fails the npm script (exit 1, file:line) on a bad file', () => {
        const dir = mkdtempSync(join(tmpdir(), 'seam-lint-'));
        const file = join(dir, 'bad.ts');
        writeFileSync(file, 'export async function x() { return Reflect.ownKeys({}); }\n');
        let out = '';
        let code = 0;
        try {
            execFileSync(process.execPath, [join(APP, 'scripts/engine-lint.mjs'), file], { encoding: 'utf8', stdio: 'pipe' });
        } catch (e) {
            const err = e as { status: number; stderr: string };
            code = err.status;
            out = err.stderr;
        }
        expect(code).toBe(1);
        expect(out).toMatch(/bad\.ts:1:8 async/);
        expect(out).toMatch(/Reflect/);
    });
});
