// Finds the custom fields an Apex source names, with the object each belongs to where the code
// says so. The Apex language server is lenient about standard objects (an unknown Case.X__c
// passes, because an org may add fields), and it never looks inside SOQL or strings; this fills
// that gap for the fields this package must ship.

/** Blanks comments, keeps strings and offsets. */
export function stripComments(source) {
    let out = '';
    let i = 0;
    while (i < source.length) {
        const two = source.slice(i, i + 2);
        if (source[i] === "'") {
            let j = i + 1;
            while (j < source.length && source[j] !== "'") j += source[j] === '\\' ? 2 : 1;
            out += source.slice(i, j + 1);
            i = j + 1;
        } else if (two === '//') {
            const end = source.indexOf('\n', i);
            const stop = end < 0 ? source.length : end;
            out += ' '.repeat(stop - i);
            i = stop;
        } else if (two === '/*') {
            const end = source.indexOf('*/', i + 2);
            const stop = end < 0 ? source.length : end + 2;
            out += source.slice(i, stop).replace(/[^\n]/g, ' ');
            i = stop;
        } else {
            out += source[i++];
        }
    }
    return out;
}

const lineOf = (text, index) => text.slice(0, index).split('\n').length;

/** Index just past the parenthesis that closes the one opening at `open`. */
function closingParen(text, open) {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '(') depth++;
        else if (text[i] === ')' && --depth === 0) return i;
    }
    return text.length;
}

/**
 * @param {string} source Apex source
 * @param {string[]} sobjects names of the SObject types to track (custom and standard)
 * @returns {{ object: string | null, field: string, line: number, how: string, filtered?: boolean }[]}
 *   `object` null means "some object": the name only has to exist on one of them.
 */
export function fieldReferences(source, sobjects) {
    const text = stripComments(source);
    const refs = [];
    const types = sobjects.map((s) => s.replace(/[^\w]/g, '')).join('|');
    const typeOf = new Map();

    // Typed variables, loop variables and lists: `Case c`, `for (Case c :`, `List<Case> rows`, `Map<Id, Case> m`.
    for (const m of text.matchAll(new RegExp(`\\b(${types})\\s+(\\w+)\\s*(?=[=;:,)])`, 'g'))) typeOf.set(m[2], m[1]);
    for (const m of text.matchAll(new RegExp(`\\bList<\\s*(${types})\\s*>\\s+(\\w+)`, 'g')))
        typeOf.set(`${m[2]}[]`, m[1]);
    for (const m of text.matchAll(new RegExp(`\\bMap<\\s*\\w+\\s*,\\s*(${types})\\s*>\\s+(\\w+)`, 'g')))
        typeOf.set(`${m[2]}.get`, m[1]);

    // 1. `Case.Seam_X__c`, `Schema.SObjectType.Case.fields.Seam_X__c`, `Seam_Outbox__c.Idempotency_Key__c`.
    for (const m of text.matchAll(new RegExp(`\\b(${types})\\.(?:fields\\.)?(\\w+__c)\\b`, 'g'))) {
        refs.push({ object: m[1], field: m[2], line: lineOf(text, m.index), how: `${m[1]}.${m[2]}` });
    }
    // 2. Typed variables: `c.Seam_X__c`, `rows[0].Seam_X__c`, `cases.get(id).Seam_X__c`.
    for (const m of text.matchAll(/\b(\w+)(\[[^\]\n]*\]|\.get\([^()\n]*\))?\.(\w+__c)\b/g)) {
        const key = m[2] === undefined ? m[1] : m[2].startsWith('[') ? `${m[1]}[]` : `${m[1]}.get`;
        const object = typeOf.get(key);
        if (object) refs.push({ object, field: m[3], line: lineOf(text, m.index), how: `${m[0]} (${object})` });
    }
    // 3. Constructors: `new Case(Seam_X__c = …)`.
    for (const m of text.matchAll(new RegExp(`\\bnew\\s+(${types})\\s*\\(`, 'g'))) {
        const open = m.index + m[0].length - 1;
        const args = text.slice(open, closingParen(text, open));
        let depth = 0;
        let top = '';
        for (const ch of args) {
            if (ch === '(' || ch === '{' || ch === '[') depth++;
            if (depth <= 1) top += ch;
            if (ch === ')' || ch === '}' || ch === ']') depth--;
        }
        for (const a of top.matchAll(/\b(\w+__c)\s*=(?!=)/g)) {
            refs.push({ object: m[1], field: a[1], line: lineOf(text, m.index), how: `new ${m[1]}(${a[1]} = …)` });
        }
    }
    // 4. Static SOQL: every custom field in `[SELECT … FROM X …]` must be on X; those in the
    //    WHERE clause are marked, since some types (long text) cannot be filtered.
    for (const m of text.matchAll(/\[\s*SELECT\b([\s\S]*?)\bFROM\s+(\w+)([^\]]*)\]/gi)) {
        const object = m[2];
        const strip = (s) => s.replace(/:\s*[\w.]+(\([^()]*\))?/g, ' ');
        const where = /\bWHERE\b([\s\S]*?)(?=\bWITH\b|\bGROUP\s+BY\b|\bORDER\s+BY\b|\bLIMIT\b|$)/i.exec(m[3]);
        const filtered = new Set(where ? [...strip(where[1]).matchAll(/(?<![\w.])(\w+__c)\b/g)].map((f) => f[1]) : []);
        for (const f of strip(`${m[1]} ${m[3]}`).matchAll(/(?<![\w.])(\w+__c)\b/g)) {
            refs.push({
                object,
                field: f[1],
                line: lineOf(text, m.index),
                how: `SOQL on ${object}`,
                filtered: filtered.has(f[1])
            });
        }
    }
    // 5. Everything else (dynamic field names in strings, SObject.get/put): must exist somewhere.
    const seen = new Set(refs.map((r) => `${r.line}:${r.field}`));
    for (const m of text.matchAll(/\b(\w+__(?:c|e|mdt))\b/g)) {
        const line = lineOf(text, m.index);
        if (!seen.has(`${line}:${m[1]}`)) refs.push({ object: null, field: m[1], line, how: m[1] });
    }
    return refs;
}
