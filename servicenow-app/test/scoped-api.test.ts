// Issue 14 item 5 (ServiceNow): every Glide call the app makes must exist in the scoped API. The
// adapters declare the Glide surface they use as `…Like` interfaces; each method is checked
// against the SDK's own list of scoped APIs (@servicenow/glide src/util/GlideAPIs.json, what the
// SDK's repack lint reads) or, for GlideRecord (not in that list), its scoped type declaration.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** node_modules/@servicenow/glide/src, from the nearest node_modules up the tree (workspaces hoist it). */
function findGlide(from: string): string {
    for (let d = from; d !== dirname(d); d = dirname(d)) {
        const candidate = join(d, 'node_modules/@servicenow/glide/src');
        if (existsSync(join(candidate, 'util/GlideAPIs.json'))) return candidate;
    }
    throw new Error('@servicenow/glide is not installed: run npm ci at the repo root');
}
const glideDir = findGlide(__dirname);
const apis = JSON.parse(readFileSync(join(glideDir, 'util/GlideAPIs.json'), 'utf8')) as Record<string, Record<string, string[]>>;
const server = join(__dirname, '../src/server');

/** Which Glide class each adapter interface stands for. */
const SURFACES: { file: string; iface: string; glide: string }[] = [
    { file: 'adapters/glide-records.ts', iface: 'GlideRecordLike', glide: 'GlideRecord' },
    { file: 'adapters/glide-attachments.ts', iface: 'GlideRecordLike', glide: 'GlideRecord' },
    { file: 'adapters/glide-attachments.ts', iface: 'SysAttachmentLike', glide: 'GlideSysAttachment' },
    { file: 'adapters/glide-http.ts', iface: 'RestMessageLike', glide: 'RESTMessageV2' },
    { file: 'adapters/glide-http.ts', iface: 'RestResponseLike', glide: 'RESTResponseV2' },
    { file: 'adapters/glide-system.ts', iface: 'GsLike', glide: 'gs' },
    { file: 'adapters/glide-system.ts', iface: 'GlideDateTimeLike', glide: 'GlideDateTime' },
    { file: 'adapters/glide-trigger.ts', iface: 'GlideRecordLike', glide: 'GlideRecord' },
    { file: 'adapters/glide-trigger.ts', iface: 'EventQueue', glide: 'gs' },
    { file: 'entry/rest-io.ts', iface: 'RestResponseLike', glide: 'RESTAPIResponse' },
    { file: 'entry/context.ts', iface: 'CurrentRecord', glide: 'GlideRecord' },
];

function scopedMethods(glide: string): Set<string> {
    const out = new Set<string>();
    for (const ns of Object.keys(apis)) for (const m of apis[ns][glide] ?? []) out.add(m);
    if (out.size === 0) {
        // GlideRecord is not in GlideAPIs.json; its scoped declaration lists the methods.
        const dts = readFileSync(join(glideDir, `types/${glide}.d.ts`), 'utf8');
        for (const m of dts.matchAll(/^\s{2}(\w+)\s*[<(]/gm)) out.add(m[1]);
    }
    return out;
}

function interfaceMethods(file: string, iface: string): string[] {
    const text = readFileSync(join(server, file), 'utf8');
    const block = new RegExp(`interface ${iface}\\s*{([\\s\\S]*?)\\n}`).exec(text);
    if (!block) throw new Error(`${file}: interface ${iface} not found; update SURFACES in this test`);
    return [...block[1].matchAll(/^\s{4}(\w+)\??\(/gm)].map((m) => m[1]);
}

describe('scoped API availability of every Glide call (offline)', () => {
    it.each(SURFACES)('$file $iface → $glide: each method is in the scoped API', ({ file, iface, glide }) => {
        const allowed = scopedMethods(glide);
        expect(allowed.size, `no scoped API list for ${glide}`).toBeGreaterThan(0);
        const methods = interfaceMethods(file, iface);
        expect(methods.length).toBeGreaterThan(0);
        const missing = methods.filter((m) => !allowed.has(m));
        expect(missing, `${file} ${iface}: not in the scoped ${glide} API; use a scoped method (see @servicenow/glide GlideAPIs.json)`).toEqual([]);
    });

    it('the nested calls exist too: GlideElement.getED, GlideElementDescriptor.getLength, the REST stream writer', () => {
        expect(scopedMethods('GlideElement').has('getED')).toBe(true);
        expect(scopedMethods('GlideElementDescriptor').has('getLength')).toBe(true);
        expect(scopedMethods('RESTAPIResponse').has('getStreamWriter')).toBe(true);
    });

    it('the check can fail: a global-only call is not in the list', () => {
        // Global GlideSysAttachment.getBytes has no scoped counterpart (scoped code reads getContentBase64).
        expect(scopedMethods('GlideSysAttachment').has('getBytes')).toBe(false);
        expect(scopedMethods('GlideSysAttachment').has('getContentBase64')).toBe(true);
        expect(scopedMethods('GlideRecord').has('addEncodedQuery')).toBe(true);
    });

    it('every @servicenow/glide import names a class of that namespace', () => {
        const files = SURFACES.map((s) => s.file).filter((f, i, a) => a.indexOf(f) === i);
        for (const f of files) {
            const text = readFileSync(join(server, f), 'utf8');
            for (const m of text.matchAll(/import\s*{([^}]*)}\s*from\s*'@servicenow\/glide(?:\/(\w+))?'/g)) {
                const ns = m[2] ?? 'defaults';
                for (const name of m[1].split(',').map((s) => s.trim()).filter(Boolean)) {
                    const known = ns === 'defaults' ? name in apis.defaults || name === 'GlideRecord' : name in (apis[ns] ?? {});
                    expect(known, `${f}: ${name} is not in @servicenow/glide${ns === 'defaults' ? '' : '/' + ns}`).toBe(true);
                }
            }
        }
    });
});
