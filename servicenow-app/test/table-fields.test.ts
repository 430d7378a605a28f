// The adapters read a table's default field list (fields.ts) whenever a caller passes no `fields`.
// A column missing from it reads as empty without any error: `answer_lost_at` was silently blank
// until it was added. Every column the app's own Fluent table defines must be in that list.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TABLE_FIELDS } from '../src/server/fields';

const TABLES_DIR = join(__dirname, '../src/fluent/tables');

/** name → columns of each app table defined with Table({ name, schema }) (extensions of platform tables have no name). */
function fluentTables(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const file of readdirSync(TABLES_DIR).filter((f) => f.endsWith('.now.ts'))) {
        const text = readFileSync(join(TABLES_DIR, file), 'utf8');
        const name = /name: '(x_seam_bridge_\w+)'/.exec(text)?.[1];
        if (!name) continue;
        out.set(name, [...text.matchAll(/^\s+(\w+): \w+Column\(/gm)].map((m) => m[1]));
    }
    return out;
}

describe('default field lists', () => {
    it('hold every column of the app tables they cover', () => {
        const tables = fluentTables();
        expect(tables.size).toBeGreaterThan(5);
        const missing: string[] = [];
        for (const [table, columns] of tables) {
            const listed = TABLE_FIELDS[table];
            if (!listed) continue; // no default list: every caller names its fields
            for (const c of columns) if (!listed.includes(c)) missing.push(`${table}.${c}`);
        }
        expect(missing).toEqual([]);
    });
});
