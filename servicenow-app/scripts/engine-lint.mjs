#!/usr/bin/env node
/**
 * Engine lint: rejects what the ServiceNow server engine (ES2021 mode) cannot run, in
 * src/server/** and in the generated shared core (src/server/generated/seam-core.js), which the
 * SDK ships as-is. The SDK type-checks Fluent files but not these runtime limits.
 *
 * Rejected: `#private` fields/methods, `async` functions/methods/arrows, `await`, `Reflect.`,
 * `WeakRef`, `FinalizationRegistry`, `Proxy`, `new Function`, `SharedArrayBuffer`/`Atomics`,
 * Node built-ins (`require('fs')`, `process.env`, `__dirname`, `node:` imports) and browser I/O
 * (`fetch(`, `XMLHttpRequest`). Optional catch binding (`catch {`) is fine.
 *
 * Usage: node scripts/engine-lint.mjs [file or dir ...]   (default: src/server)
 * Exit 1 with `file:line:col rule — fix` lines on findings.
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const RULES = {
    privateName: 'private #name: not supported by the engine; use a TypeScript `private` member or a closure',
    async: 'async function: async methods are disallowed and module code must not rely on promises; make it synchronous',
    await: 'await: the engine runs server scripts synchronously; call the synchronous API instead',
    Reflect: 'Reflect: all Reflect methods are disallowed; use Object.* equivalents',
    WeakRef: 'WeakRef: disallowed; hold a normal reference or a Map',
    FinalizationRegistry: 'FinalizationRegistry: disallowed; release resources explicitly',
    Proxy: 'Proxy: not allowed in Seam server code; write the explicit object',
    newFunction: 'new Function(): disallowed; write a normal function',
    SharedArrayBuffer: 'SharedArrayBuffer: disallowed',
    Atomics: 'Atomics: disallowed',
    node: 'Node.js API: not available on the instance; go through a Glide adapter',
    browser: 'browser API: not available on the instance; use sn_ws.RESTMessageV2 through the HTTP adapter',
};
const NODE_MODULES = new Set(['fs', 'path', 'os', 'child_process', 'http', 'https', 'crypto', 'stream', 'buffer', 'url', 'util', 'net', 'tls', 'zlib', 'events', 'worker_threads']);
const BANNED_GLOBALS = { Reflect: 'Reflect', WeakRef: 'WeakRef', FinalizationRegistry: 'FinalizationRegistry', Proxy: 'Proxy', SharedArrayBuffer: 'SharedArrayBuffer', Atomics: 'Atomics', XMLHttpRequest: 'browser', fetch: 'browser', __dirname: 'node', __filename: 'node', process: 'node' };

const asyncModifier = (node) => (ts.canHaveModifiers(node) ? ts.getModifiers(node) ?? [] : []).find((m) => m.kind === ts.SyntaxKind.AsyncKeyword);

/** Lints source text; returns findings `{ line, col, rule, message }`. */
export function lintSource(text, fileName = 'input.ts') {
    const kind = fileName.endsWith('.js') || fileName.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
    const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, kind);
    const findings = [];
    const report = (node, rule) => {
        const { line, character } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
        findings.push({ line: line + 1, col: character + 1, rule, message: RULES[rule] });
    };
    const isDeclarationName = (node) => {
        const p = node.parent;
        if (!p) return false;
        if ((ts.isPropertyAccessExpression(p) && p.name === node) || (ts.isPropertyAssignment(p) && p.name === node)) return true;
        if ((ts.isVariableDeclaration(p) || ts.isFunctionDeclaration(p) || ts.isParameter(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p) || ts.isPropertySignature(p) || ts.isImportSpecifier(p) || ts.isBindingElement(p)) && p.name === node) return true;
        if ((ts.isTypeAliasDeclaration(p) || ts.isInterfaceDeclaration(p) || ts.isClassDeclaration(p) || ts.isEnumDeclaration(p)) && p.name === node) return true;
        if (ts.isTypeReferenceNode(p) || ts.isQualifiedName(p) || ts.isShorthandPropertyAssignment(p) || ts.isTypeQueryNode(p)) return true;
        return false;
    };
    const visit = (node) => {
        if (ts.isPrivateIdentifier(node)) report(node, 'privateName');
        if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node)) {
            const mod = asyncModifier(node);
            if (mod) report(mod, 'async');
        }
        if (ts.isAwaitExpression(node) || (ts.isForOfStatement(node) && node.awaitModifier)) report(node, 'await');
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Function') report(node, 'newFunction');
        if (ts.isIdentifier(node) && Object.prototype.hasOwnProperty.call(BANNED_GLOBALS, node.text) && !isDeclarationName(node)) {
            report(node, BANNED_GLOBALS[node.text]);
        }
        if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
            const spec = node.moduleSpecifier.text;
            if (spec.startsWith('node:') || NODE_MODULES.has(spec)) report(node, 'node');
        }
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
            const spec = node.arguments[0].text;
            if (spec.startsWith('node:') || NODE_MODULES.has(spec)) report(node, 'node');
        }
        ts.forEachChild(node, visit);
    };
    visit(sf);
    return findings;
}

function* files(path) {
    const st = statSync(path);
    if (st.isFile()) {
        yield path;
        return;
    }
    for (const name of readdirSync(path)) {
        if (name === 'node_modules') continue;
        const full = join(path, name);
        const s = statSync(full);
        if (s.isDirectory()) yield* files(full);
        else if (/\.(ts|js|mjs)$/.test(name) && !/\.d\.ts$/.test(name) && !/\.test\.ts$/.test(name)) yield full;
    }
}

/** Lints the given paths (default: src/server, which includes the generated shared core). */
export function lintPaths(paths) {
    const all = [];
    for (const p of paths) {
        if (!existsSync(p)) continue;
        for (const f of files(p)) {
            for (const finding of lintSource(readFileSync(f, 'utf8'), f)) all.push({ file: f, ...finding });
        }
    }
    return all;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const args = process.argv.slice(2);
    const targets = args.length ? args.map((a) => resolve(a)) : [join(ROOT, 'src/server')];
    const generated = join(ROOT, 'src/server/generated/seam-core.js');
    if (!args.length && !existsSync(generated)) {
        console.error(`engine-lint: ${relative(ROOT, generated)} is missing; run \`npm run build\` at the repo root first so the shared core is linted too.`);
        process.exit(1);
    }
    const findings = lintPaths(targets);
    for (const f of findings) console.error(`${relative(ROOT, f.file)}:${f.line}:${f.col} ${f.rule} — ${f.message}`);
    if (findings.length) {
        console.error(`engine-lint: ${findings.length} problem(s)`);
        process.exit(1);
    }
    console.log(`engine-lint: ok (${targets.map((t) => relative(ROOT, t) || '.').join(', ')})`);
}
