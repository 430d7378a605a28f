// Reads an SFDX project's source into a plain model the checks share: objects and their fields,
// Apex sources, permission sets, credentials, LWC bundles. No org, no network.
import fs from 'node:fs';
import path from 'node:path';

export const SOURCE_DIR = path.join('force-app', 'main', 'default');

const list = (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
const read = (file) => fs.readFileSync(file, 'utf8');

/** The text of every `<tag>…</tag>` in an XML string (the metadata files here are flat enough). */
export function xmlValues(xml, tag) {
    const out = [];
    const re = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g');
    let m;
    while ((m = re.exec(xml))) out.push(m[1].trim());
    return out;
}

/** The first `<tag>` value, or undefined. */
export const xmlValue = (xml, tag) => xmlValues(xml, tag)[0];

/**
 * @param {string} root the SFDX project folder (holds sfdx-project.json)
 */
export function loadProject(root) {
    const src = path.join(root, SOURCE_DIR);
    /** objectName -> { defined: boolean, fields: Map<fieldName, xml> } */
    const objects = new Map();
    for (const name of list(path.join(src, 'objects'))) {
        const dir = path.join(src, 'objects', name);
        const fields = new Map();
        for (const f of list(path.join(dir, 'fields'))) {
            if (f.endsWith('.field-meta.xml'))
                fields.set(f.replace('.field-meta.xml', ''), read(path.join(dir, 'fields', f)));
        }
        objects.set(name, { defined: fs.existsSync(path.join(dir, `${name}.object-meta.xml`)), fields });
    }

    const apex = [];
    for (const [folder, ext] of [
        ['classes', '.cls'],
        ['triggers', '.trigger']
    ]) {
        for (const f of list(path.join(src, folder))) {
            if (f.endsWith(ext)) {
                const file = path.join(src, folder, f);
                apex.push({ name: f.slice(0, -ext.length), kind: folder, file, source: read(file) });
            }
        }
    }

    const byExt = (folder, suffix) =>
        new Map(
            list(path.join(src, folder))
                .filter((f) => f.endsWith(suffix))
                .map((f) => [f.slice(0, -suffix.length), read(path.join(src, folder, f))])
        );

    return {
        root,
        src,
        objects,
        apex,
        permissionSets: byExt('permissionsets', '.permissionset-meta.xml'),
        externalCredentials: byExt('externalCredentials', '.externalCredential-meta.xml'),
        namedCredentials: byExt('namedCredentials', '.namedCredential-meta.xml'),
        lwc: list(path.join(src, 'lwc')).filter((d) => fs.statSync(path.join(src, 'lwc', d)).isDirectory())
    };
}

/** Case-insensitive field lookup, as Apex and SOQL resolve names. */
export function hasField(project, objectName, fieldName) {
    for (const [name, obj] of project.objects) {
        if (name.toLowerCase() !== objectName.toLowerCase()) continue;
        for (const f of obj.fields.keys()) if (f.toLowerCase() === fieldName.toLowerCase()) return true;
    }
    return false;
}

/** Custom object, platform event or custom metadata type defined in this project. */
export function isOwnObject(project, name) {
    for (const [n, obj] of project.objects) if (obj.defined && n.toLowerCase() === name.toLowerCase()) return true;
    return false;
}

/** Every file under a folder, relative to it, skipping what the CLI's .forceignore skips here. */
export function walk(dir, base = dir) {
    const out = [];
    for (const entry of list(dir)) {
        const full = path.join(dir, entry);
        if (fs.statSync(full).isDirectory()) {
            if (entry === '__tests__') continue;
            out.push(...walk(full, base));
        } else if (!['jsconfig.json', '.eslintrc.json'].includes(entry)) {
            out.push(path.relative(base, full));
        }
    }
    return out;
}
