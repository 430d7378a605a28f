// The offline checks of the Salesforce package. Each check takes a context and returns the
// problems it found (strings naming the file, the problem and the fix); an empty list passes.
// No org is needed: these catch what a deploy would reject, before there is an org to reject it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { SOURCE_DIR, hasField, isOwnObject, loadProject, walk, xmlValue, xmlValues } from './project.mjs';
import { fieldReferences } from './apex-refs.mjs';
import { loadSdr } from './sdr.mjs';

const require = createRequire(import.meta.url);
const rel = (ctx, file) => path.relative(ctx.root, file);

/** Standard objects the package may reference; their custom fields must still be in the metadata. */
export const STANDARD_OBJECTS = ['Case', 'Account', 'Contact', 'CaseComment', 'User'];

/**
 * @param {string} root the SFDX project folder
 * @param {{ ownershipFile?: string, contractsFile?: string }} [options]
 */
export function createContext(root, options = {}) {
    const repo = path.resolve(root, '..');
    return {
        root: path.resolve(root),
        ownershipFile: options.ownershipFile ?? path.join(repo, 'shared', 'src', 'ownership.ts'),
        contractsFile: options.contractsFile ?? path.join(repo, 'docs', 'contracts.md'),
        project: loadProject(path.resolve(root))
    };
}

// ---- 1. prettier --check with prettier-plugin-apex ---------------------------------------------
export async function prettierApex(ctx) {
    const prettier = await import('prettier');
    const config = JSON.parse(fs.readFileSync(path.join(ctx.root, '.prettierrc.json'), 'utf8'));
    const problems = [];
    for (const a of ctx.project.apex) {
        try {
            const ok = await prettier.check(a.source, {
                ...config,
                plugins: [require.resolve('prettier-plugin-apex')],
                parser: 'apex',
                filepath: a.file
            });
            if (!ok) problems.push(`${rel(ctx, a.file)}: not formatted; run \`npm run format:apex -w salesforce-pkg\``);
        } catch (e) {
            problems.push(`${rel(ctx, a.file)}: does not parse as Apex: ${String(e.message).split('\n')[0]}`);
        }
    }
    return problems;
}

// ---- 2. Apex language server CheckForIssues ------------------------------------------------------
/** The java-lib folder of @salesforce/code-analyzer-pmd-engine, which ships apex-ls and PMD. */
export function javaLib() {
    const dir = path.join(
        path.dirname(require.resolve('@salesforce/code-analyzer-pmd-engine/package.json')),
        'dist',
        'java-lib'
    );
    const jar = fs.readdirSync(dir).find((f) => /^apex-ls.*\.jar$/.test(f));
    if (!jar) throw new Error(`no apex-ls*.jar in ${dir}: reinstall @salesforce/code-analyzer-pmd-engine`);
    return { dir, jar: path.join(dir, jar) };
}

export async function apexLanguageServer(ctx) {
    const { dir } = javaLib();
    // Main class io.github.apexdevtools.apexls.CheckForIssues (apex-dev-tools/apex-ls): it reads the
    // workspace's sfdx-project.json and all metadata, and exits 4 when it reports errors.
    const r = spawnSync(
        'java',
        [
            '-cp',
            path.join(dir, '*'),
            'io.github.apexdevtools.apexls.CheckForIssues',
            '--workspace',
            ctx.root,
            '--nocache',
            '--format',
            'json',
            '--detail',
            'warnings'
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    if (r.error) return [`java could not be started (${r.error.message}): install Java 17 and put it on PATH`];
    let report;
    try {
        report = JSON.parse(r.stdout);
    } catch {
        return [`apex-ls exited ${r.status} without a JSON report: ${(r.stderr || r.stdout).slice(0, 500)}`];
    }
    const problems = [];
    for (const file of report.files ?? []) {
        for (const m of file.messages ?? []) {
            problems.push(`${rel(ctx, file.path)}:${m.start.line}: ${m.category}: ${m.message}`);
        }
    }
    if (r.status === 4 && problems.length === 0) problems.push('apex-ls exited 4 (errors) but listed none');
    return problems;
}

// ---- 3. PMD through @salesforce/code-analyzer-core -------------------------------------------
/** Severity 1 (critical) and 2 (high) fail the check; 3–5 are printed as advice. */
export async function pmdRules(
    ctx,
    { selectors = ['pmd:Recommended:apex', 'pmd:Security:apex'], failAt = 2, log = () => {} } = {}
) {
    const { CodeAnalyzer, CodeAnalyzerConfig } = await import('@salesforce/code-analyzer-core');
    const pmd = await import('@salesforce/code-analyzer-pmd-engine');
    const analyzer = new CodeAnalyzer(
        CodeAnalyzerConfig.fromObject({ config_root: ctx.root, engines: { cpd: { disable_engine: true } } })
    );
    await analyzer.addEnginePlugin(pmd.createEnginePlugin());
    const workspace = await analyzer.createWorkspace([path.join(ctx.root, SOURCE_DIR)]);
    const rules = await analyzer.selectRules(selectors, { workspace });
    const results = await analyzer.run(rules, { workspace });
    const problems = [];
    for (const v of results.getViolations()) {
        const rule = v.getRule();
        const loc = v.getPrimaryLocation();
        const where = loc.getFile() ? `${rel(ctx, loc.getFile())}:${loc.getStartLine()}` : rule.getEngineName();
        const line = `${where}: ${rule.getName()} (severity ${rule.getSeverityLevel()}): ${v.getMessage()}`;
        if (rule.getSeverityLevel() <= failAt) problems.push(line);
        else log(line);
    }
    return problems;
}

// ---- 4a. every custom field named in Apex exists in the metadata -----------------------------
/** The <type> of a field of this package, or undefined. */
function fieldType(project, objectName, fieldName) {
    for (const [name, obj] of project.objects) {
        if (name.toLowerCase() !== objectName.toLowerCase()) continue;
        for (const [f, xml] of obj.fields)
            if (f.toLowerCase() === fieldName.toLowerCase()) return xmlValue(xml, 'type');
    }
    return undefined;
}

export async function apexFieldsExist(ctx) {
    const { project } = ctx;
    const sobjects = [...STANDARD_OBJECTS, ...[...project.objects.keys()].filter((o) => isOwnObject(project, o))];
    const problems = [];
    for (const a of project.apex) {
        for (const ref of fieldReferences(a.source, sobjects)) {
            const where = `${rel(ctx, a.file)}:${ref.line}`;
            if (ref.object) {
                if (
                    ref.filtered &&
                    /^(LongTextArea|Html|EncryptedText)$/.test(fieldType(project, ref.object, ref.field) ?? '')
                ) {
                    problems.push(
                        `${where}: ${ref.object}.${ref.field} is a ${fieldType(project, ref.object, ref.field)} field, which SOQL cannot filter on; filter on another field and check it in Apex`
                    );
                }
                if (!hasField(project, ref.object, ref.field)) {
                    problems.push(
                        `${where}: ${ref.how}: no field ${ref.object}.${ref.field} in ${SOURCE_DIR}/objects; add objects/${ref.object}/fields/${ref.field}.field-meta.xml or fix the name`
                    );
                }
                continue;
            }
            const known =
                isOwnObject(project, ref.field) ||
                [...project.objects.keys()].some((o) => hasField(project, o, ref.field));
            if (!known)
                problems.push(
                    `${where}: ${ref.field} is neither an object nor a field of this package; add its metadata or fix the name`
                );
        }
    }
    return problems;
}

// ---- 4a'. every custom field a report type lists exists in the package --------------------------
export async function reportTypeFields(ctx) {
    const dir = path.join(ctx.project.src, 'reportTypes');
    const problems = [];
    if (!fs.existsSync(dir)) return problems;
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.reportType-meta.xml'))) {
        const xml = fs.readFileSync(path.join(dir, file), 'utf8');
        const base = xmlValues(xml, 'baseObject')[0];
        for (const col of xml.split('<columns>').slice(1)) {
            const field = xmlValues(col, 'field')[0] ?? '';
            const table = xmlValues(col, 'table')[0] ?? '';
            if (table === base && field.endsWith('__c') && !hasField(ctx.project, base, field))
                problems.push(
                    `${SOURCE_DIR}/reportTypes/${file}: column ${table}.${field} is not a field of this package; add objects/${table}/fields/${field}.field-meta.xml or remove the column`
                );
        }
    }
    return problems;
}

// ---- 4b. every Apex source has its -meta.xml (and the reverse); LWC bundles are complete ------
export async function metaFiles(ctx) {
    const problems = [];
    for (const [folder, ext] of [
        ['classes', '.cls'],
        ['triggers', '.trigger']
    ]) {
        const dir = path.join(ctx.project.src, folder);
        if (!fs.existsSync(dir)) continue;
        const files = new Set(fs.readdirSync(dir));
        for (const f of files) {
            if (f.endsWith(ext) && !files.has(`${f}-meta.xml`))
                problems.push(
                    `${folder}/${f}: missing ${f}-meta.xml (the CLI silently skips it); copy a sibling's -meta.xml`
                );
            if (f.endsWith(`${ext}-meta.xml`) && !files.has(f.replace(/-meta\.xml$/, '')))
                problems.push(`${folder}/${f}: -meta.xml without its ${ext} source; delete it or restore the source`);
            if (f.endsWith('-meta.xml')) {
                const xml = fs.readFileSync(path.join(dir, f), 'utf8');
                if (!/<apiVersion>\d+\.0<\/apiVersion>/.test(xml) || !/<status>Active<\/status>/.test(xml))
                    problems.push(`${folder}/${f}: needs <apiVersion>NN.0</apiVersion> and <status>Active</status>`);
            }
        }
    }
    for (const bundle of ctx.project.lwc) {
        const dir = path.join(ctx.project.src, 'lwc', bundle);
        for (const need of [`${bundle}.js`, `${bundle}.js-meta.xml`]) {
            if (!fs.existsSync(path.join(dir, need))) {
                const fix =
                    bundle === 'seamCore' && need === 'seamCore.js'
                        ? 'run `npm run build` at the repository root (it is generated)'
                        : 'add it';
                problems.push(`lwc/${bundle}: missing ${need}; ${fix}`);
            }
        }
    }
    // Flexipages may place only bundles that exist and are exposed for that page type.
    const pages = path.join(ctx.project.src, 'flexipages');
    for (const f of fs.existsSync(pages) ? fs.readdirSync(pages) : []) {
        const xml = fs.readFileSync(path.join(pages, f), 'utf8');
        const pageType = xmlValue(xml, 'type');
        for (const name of xmlValues(xml, 'componentName')) {
            const m = /^c:(\w+)$/.exec(name);
            if (!m) continue;
            const meta = path.join(ctx.project.src, 'lwc', m[1], `${m[1]}.js-meta.xml`);
            const exposed = fs.existsSync(meta) ? fs.readFileSync(meta, 'utf8') : '';
            if (
                !/<isExposed>true<\/isExposed>/.test(exposed) ||
                (pageType === 'RecordPage' && !exposed.includes('lightning__RecordPage'))
            ) {
                problems.push(
                    `flexipages/${f}: places ${name}, which is not an LWC exposed for lightning__${pageType}`
                );
            }
        }
    }
    // LWC imports of Apex must name a real @AuraEnabled method.
    for (const bundle of ctx.project.lwc) {
        const js = path.join(ctx.project.src, 'lwc', bundle, `${bundle}.js`);
        if (!fs.existsSync(js)) continue;
        for (const m of fs.readFileSync(js, 'utf8').matchAll(/@salesforce\/apex\/(\w+)\.(\w+)/g)) {
            const cls = ctx.project.apex.find((a) => a.kind === 'classes' && a.name === m[1]);
            const aura =
                cls &&
                new RegExp(`@AuraEnabled[^\\n]*\\s+(?:public|global)\\s+static\\s+[\\w<>, .]+\\s+${m[2]}\\s*\\(`).test(
                    cls.source
                );
            if (!aura)
                problems.push(
                    `lwc/${bundle}/${bundle}.js imports ${m[1]}.${m[2]}, which is not a public static @AuraEnabled method`
                );
        }
    }
    return problems;
}

// ---- 4c. permission sets name only real fields, objects, classes, principals -----------------
/** ServiceNow- and Salesforce-owned Salesforce fields, read from the ownership map's source. */
export function ownershipFields(ownershipFile) {
    const text = fs.readFileSync(ownershipFile, 'utf8');
    const out = [];
    for (const m of text.matchAll(
        /owner:\s*'(\w+)'[\s\S]*?salesforce:\s*(?:null|\{\s*object:\s*'(\w+)',\s*field:\s*'(\w+)'\s*\})/g
    )) {
        if (m[2]) out.push({ owner: m[1], object: m[2], field: m[3] });
    }
    if (out.length === 0)
        throw new Error(
            `${ownershipFile}: no mappings found; the check's pattern needs updating to the new shape of OWNERSHIP`
        );
    return out;
}

export async function permissionSets(ctx) {
    const { project } = ctx;
    const problems = [];
    const snOwned = new Set(
        ownershipFields(ctx.ownershipFile)
            .filter((m) => m.owner === 'servicenow')
            .map((m) => `${m.object}.${m.field}`)
    );
    for (const [name, xml] of project.permissionSets) {
        const where = `permissionsets/${name}`;
        for (const block of xmlValues(xml, 'fieldPermissions')) {
            const field = xmlValue(block, 'field');
            const [object, f] = field.split('.');
            if (!f || !f.endsWith('__c') || !hasField(project, object, f)) {
                problems.push(
                    `${where}: fieldPermissions names ${field}, which is not a custom field of this package; remove it or add the field`
                );
            }
            if (
                name === 'Seam_Integration' &&
                object === 'Case' &&
                xmlValue(block, 'editable') === 'true' &&
                !snOwned.has(field)
            ) {
                problems.push(
                    `${where}: ${field} is editable, but the integration may edit only ServiceNow-owned Case fields (shared/src/ownership.ts); set editable to false`
                );
            }
            if (name === 'Seam_Agent' && xmlValue(block, 'editable') === 'true' && field.includes('Seam_')) {
                problems.push(`${where}: agents must not edit Seam sync fields (${field}); Seam writes them`);
            }
        }
        for (const block of xmlValues(xml, 'objectPermissions')) {
            const object = xmlValue(block, 'object');
            if (!STANDARD_OBJECTS.includes(object) && !isOwnObject(project, object))
                problems.push(`${where}: objectPermissions names ${object}, which this package does not define`);
        }
        for (const cls of xmlValues(xml, 'apexClass')) {
            if (!project.apex.some((a) => a.kind === 'classes' && a.name === cls))
                problems.push(`${where}: classAccesses names Apex class ${cls}, which does not exist`);
        }
        for (const block of xmlValues(xml, 'customPermissions')) {
            const permission = xmlValue(block, 'name');
            if (!fs.existsSync(path.join(project.src, 'customPermissions', `${permission}.customPermission-meta.xml`)))
                problems.push(`${where}: customPermissions names ${permission}, which this package does not define (customPermissions/${permission}.customPermission-meta.xml)`);
        }
        for (const block of xmlValues(xml, 'customMetadataTypeAccesses')) {
            const type = xmlValue(block, 'name');
            if (!isOwnObject(project, type))
                problems.push(`${where}: customMetadataTypeAccesses names ${type}, which does not exist`);
        }
        for (const principal of xmlValues(xml, 'externalCredentialPrincipal')) {
            const [cred, p] = principal.split('-');
            const ec = project.externalCredentials.get(cred);
            const principals = ec
                ? xmlValues(ec, 'externalCredentialParameters')
                      .filter((b) => /Principal<\/parameterType>/.test(b))
                      .map((b) => xmlValue(b, 'parameterName'))
                : [];
            if (!principals.includes(p))
                problems.push(
                    `${where}: externalCredentialPrincipal ${principal} does not match an external credential principal (have: ${principals.join(', ') || 'none'})`
                );
        }
    }
    for (const [name, xml] of project.namedCredentials) {
        const ec = xmlValue(xml, 'externalCredential');
        if (ec && !project.externalCredentials.has(ec))
            problems.push(`namedCredentials/${name}: names external credential ${ec}, which does not exist`);
    }
    for (const [kind, creds] of [
        ['namedCredentials', project.namedCredentials],
        ['externalCredentials', project.externalCredentials]
    ]) {
        for (const [name, xml] of creds) {
            const secret =
                /<password>/i.test(xml) ||
                xmlValues(
                    xml,
                    `${kind === 'namedCredentials' ? 'namedCredentialParameters' : 'externalCredentialParameters'}`
                ).some(
                    (b) =>
                        /secret|password|token/i.test(xmlValue(b, 'parameterName') ?? '') &&
                        Boolean(xmlValue(b, 'parameterValue'))
                );
            if (secret)
                problems.push(
                    `${kind}/${name}: holds a secret; secrets are entered on the principal in the org after install, never in source`
                );
        }
    }
    return problems;
}

// ---- 4d. the ownership map and the wire contract exist as metadata ---------------------------
const CONTRACT_TYPES = {
    'Text(': 'Text',
    'Long Text(': 'LongTextArea',
    'Number(': 'Number',
    DateTime: 'DateTime'
};

export async function contractFields(ctx) {
    const { project } = ctx;
    const problems = [];
    for (const m of ownershipFields(ctx.ownershipFile)) {
        if (m.field.endsWith('__c') && !hasField(project, m.object, m.field)) {
            problems.push(
                `shared/src/ownership.ts maps ${m.object}.${m.field}, which has no objects/${m.object}/fields/${m.field}.field-meta.xml`
            );
        }
    }
    const contracts = fs.readFileSync(ctx.contractsFile, 'utf8');
    const section = contracts.slice(contracts.indexOf('Incident_Update__e'));
    for (const row of section.matchAll(/^\|\s*`(\w+__c)`\s*\|\s*([^|]+)\|/gm)) {
        const [, field, declared] = row;
        const xml = project.objects.get('Incident_Update__e')?.fields.get(field);
        if (!xml) {
            problems.push(`docs/contracts.md: Incident_Update__e.${field} has no field metadata`);
            continue;
        }
        const want = Object.entries(CONTRACT_TYPES).find(([k]) => declared.trim().startsWith(k));
        const type = xmlValue(xml, 'type');
        if (want && want[1] !== type)
            problems.push(`Incident_Update__e.${field}: type ${type}, docs/contracts.md says ${declared.trim()}`);
        const len = /\((\d+)\)/.exec(declared);
        if (len && want && want[1] !== 'Number' && xmlValue(xml, 'length') !== len[1]) {
            problems.push(
                `Incident_Update__e.${field}: length ${xmlValue(xml, 'length')}, docs/contracts.md says ${len[1]}`
            );
        }
    }
    const mdtLine = /Fields:\s*((?:`\w+__c`[,\s]*)+)/.exec(
        contracts.slice(contracts.indexOf('Seam_Field_Mapping__mdt'))
    );
    for (const f of mdtLine ? mdtLine[1].matchAll(/`(\w+__c)`/g) : []) {
        if (!hasField(project, 'Seam_Field_Mapping__mdt', f[1]))
            problems.push(`docs/contracts.md: Seam_Field_Mapping__mdt.${f[1]} has no field metadata`);
    }
    const event = path.join(project.src, 'objects', 'Incident_Update__e', 'Incident_Update__e.object-meta.xml');
    if (fs.existsSync(event) && xmlValue(fs.readFileSync(event, 'utf8'), 'publishBehavior') !== 'PublishAfterCommit') {
        problems.push(
            'Incident_Update__e: publishBehavior must be PublishAfterCommit, so a rolled-back transaction publishes nothing'
        );
    }
    return problems;
}

// ---- 4e. sfdx-project.json validates against @salesforce/schemas -----------------------------
export async function sfdxProject(ctx) {
    const Ajv = require('ajv');
    const schema = require('@salesforce/schemas/sfdx-project.schema.json');
    const file = path.join(ctx.root, 'sfdx-project.json');
    let project;
    try {
        project = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
        return [`sfdx-project.json: not JSON (${e.message})`];
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const problems = [];
    if (!ajv.validate(schema, project)) {
        for (const e of ajv.errors)
            problems.push(
                `sfdx-project.json${e.instancePath || ''}: ${e.message}${e.params && e.params.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`
            );
    }
    const dir = (project.packageDirectories ?? []).find((d) => d.package);
    if (!dir) problems.push('sfdx-project.json: no packageDirectories entry names a package; 2GP needs "package"');
    else {
        if (!/^\d+\.\d+\.\d+\.(NEXT|\d+)$/.test(dir.versionNumber ?? ''))
            problems.push(`sfdx-project.json: versionNumber "${dir.versionNumber}" must look like 0.1.0.NEXT`);
        // The alias is written by `sf package create` (scripts/create-package.sh) against a Dev Hub;
        // until then there is none. A made-up id must never ship: a version build would fail on it.
        const alias = project.packageAliases?.[dir.package];
        if (alias !== undefined && !isRealPackageId(alias))
            problems.push(
                `sfdx-project.json: packageAliases.${dir.package} is "${alias}", not a package id sf package create wrote; remove it and run scripts/create-package.sh <dev-hub>`
            );
        for (const [name, id] of Object.entries(project.packageAliases ?? {}))
            if (name !== dir.package && /^0Ho/.test(String(id)) && !isRealPackageId(id))
                problems.push(`sfdx-project.json: packageAliases.${name} "${id}" is a placeholder id`);
        if (!fs.existsSync(path.join(ctx.root, dir.path)))
            problems.push(`sfdx-project.json: package directory ${dir.path} does not exist`);
    }
    return problems;
}

/**
 * A 2GP package id as `sf package create` writes it: `0Ho` and 15 more base-62 characters, not a
 * placeholder (the record part all zeros, like 0Ho000000000000AAA).
 */
export function isRealPackageId(id) {
    const text = String(id);
    return /^0Ho[0-9A-Za-z]{12}([0-9A-Za-z]{3})?$/.test(text) && !/^0Ho0+(AAA)?$/i.test(text);
}

// ---- 4g. every Apex class is exercised by a test class ---------------------------------------
/** Apex class names that are test code: annotated @IsTest at the top, or the shared test data factory. */
const TEST_SUPPORT = new Set(['SeamTestData']);
const stripApexComments = (src) => src.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
const isTestClass = (source) => /^\s*@IsTest\b/i.test(stripApexComments(source));

/**
 * Every Apex class that is not test code is named in at least one test class (word match, outside
 * comments), so a new class without a test fails here, long before a package version build
 * reports its coverage. Triggers are covered through their handlers' tests.
 */
export async function apexTestReferences(ctx) {
    const classes = ctx.project.apex.filter((a) => a.kind === 'classes');
    const stripComments = stripApexComments;
    const tests = classes.filter((c) => isTestClass(c.source));
    const testText = tests.map((t) => stripComments(t.source)).join('\n');
    const problems = [];
    if (tests.length === 0) problems.push('no Apex test class (@IsTest) in force-app: a package version needs 75 % coverage');
    for (const c of classes) {
        if (isTestClass(c.source) || TEST_SUPPORT.has(c.name)) continue;
        if (!new RegExp(`\\b${c.name}\\b`, 'i').test(testText))
            problems.push(
                `classes/${c.name}.cls: no test class refers to ${c.name}; add ${c.name}Test (@IsTest) that exercises it (2GP versions need 75 % coverage)`
            );
    }
    return problems;
}

// ---- 4h. sharing: what holds other cases' payloads is Private, and who may see it ---------------
/** Objects holding copies of Case data (payloads, old/new values): Private, reached through Seam's Apex. */
export const PRIVATE_OBJECTS = ['Seam_Outbox__c', 'Seam_Audit__c'];

/**
 * The outbox and audit are Private (internal and external); only Seam_Admin may View/Modify All and
 * agents get no access (the panel reads a count through Apex); and the system processes that must see
 * every row (Queueable/Schedulable/Batchable classes and the handlers platform-event triggers call)
 * are declared `without sharing`: under Private sharing a `with sharing` class sees only its running
 * user's rows, even in WITH SYSTEM_MODE queries. The twin does not model sharing; this check does.
 */
export async function sharing(ctx) {
    const { project } = ctx;
    const problems = [];
    for (const o of PRIVATE_OBJECTS) {
        const file = path.join(project.src, 'objects', o, `${o}.object-meta.xml`);
        if (!fs.existsSync(file)) continue;
        const xml = fs.readFileSync(file, 'utf8');
        for (const tag of ['sharingModel', 'externalSharingModel']) {
            const v = xmlValue(xml, tag);
            if (v !== 'Private')
                problems.push(
                    `objects/${o}: ${tag} is ${v ?? 'missing'}; it holds payloads of cases a user may not see: set <${tag}>Private</${tag}>`
                );
        }
    }
    for (const [name, xml] of project.permissionSets) {
        for (const block of xmlValues(xml, 'objectPermissions')) {
            const object = xmlValue(block, 'object');
            if (!PRIVATE_OBJECTS.includes(object)) continue;
            const all = xmlValue(block, 'viewAllRecords') === 'true' || xmlValue(block, 'modifyAllRecords') === 'true';
            if (all && name !== 'Seam_Admin')
                problems.push(`permissionsets/${name}: View/Modify All on ${object}; only Seam_Admin may see every row`);
            if (name === 'Seam_Agent' && xmlValue(block, 'allowRead') === 'true')
                problems.push(
                    `permissionsets/${name}: Read on ${object}; agents see Seam data only through the panel's controller`
                );
        }
    }
    const eventHandlers = new Set();
    for (const t of project.apex.filter((a) => a.kind === 'triggers')) {
        if (!/\bon\s+\w+__e\s*\(/i.test(t.source)) continue;
        for (const m of t.source.matchAll(/\b([A-Z]\w*)\.\w+\s*\(/g)) eventHandlers.add(m[1]);
    }
    for (const c of project.apex.filter((a) => a.kind === 'classes')) {
        const decl = /\b(public|global)\s+(?:(with|without|inherited)\s+sharing\s+)?(?:virtual\s+|abstract\s+)?class\s+(\w+)([^{]*)\{/i.exec(
            stripApexComments(c.source)
        );
        if (!decl) continue;
        const mode = decl[2]?.toLowerCase() ?? 'with';
        const system = /\b(Queueable|Schedulable|Database\.Batchable)\b/.test(decl[4]) || eventHandlers.has(decl[3]);
        if (system && mode !== 'without')
            problems.push(
                `classes/${c.name}.cls: a system process (${eventHandlers.has(decl[3]) ? 'called by a platform event trigger' : 'async job'}) declared ${mode} sharing; it must see every Seam row: declare it without sharing`
            );
        if (/@AuraEnabled/i.test(c.source) && mode !== 'with')
            problems.push(`classes/${c.name}.cls: @AuraEnabled methods run as the user; declare the class with sharing`);
    }
    return problems;
}

// ---- 4f. source → metadata conversion keeps every component ----------------------------------
/** The component (`Type:fullName`) a source file must produce, from its path alone. */
export function expectedComponent(file) {
    const parts = file.split(path.sep);
    const base = parts[parts.length - 1];
    const strip = (suffix) => base.slice(0, -suffix.length);
    switch (parts[0]) {
        case 'classes':
            return base.endsWith('.cls') ? [`ApexClass:${strip('.cls')}`] : [];
        case 'triggers':
            return base.endsWith('.trigger') ? [`ApexTrigger:${strip('.trigger')}`] : [];
        case 'objects':
            if (parts.length === 3 && base === `${parts[1]}.object-meta.xml`) return [`CustomObject:${parts[1]}`];
            if (parts[2] === 'fields' && base.endsWith('.field-meta.xml'))
                return [`CustomField:${parts[1]}.${strip('.field-meta.xml')}`];
            return null;
        case 'permissionsets':
            return [`PermissionSet:${strip('.permissionset-meta.xml')}`];
        case 'namedCredentials':
            return [`NamedCredential:${strip('.namedCredential-meta.xml')}`];
        case 'externalCredentials':
            return [`ExternalCredential:${strip('.externalCredential-meta.xml')}`];
        case 'flexipages':
            return [`FlexiPage:${strip('.flexipage-meta.xml')}`];
        case 'customPermissions':
            return [`CustomPermission:${strip('.customPermission-meta.xml')}`];
        case 'reportTypes':
            return [`ReportType:${strip('.reportType-meta.xml')}`];
        case 'customMetadata':
            return [`CustomMetadata:${strip('.md-meta.xml')}`];
        case 'labels':
            return ['CustomLabels:CustomLabels'];
        case 'lwc':
            return [`LightningComponentBundle:${parts[1]}`];
        default:
            return null;
    }
}

export async function convertSource(ctx) {
    const { ComponentSet, MetadataConverter } = await loadSdr();
    const problems = [];
    const expected = new Map();
    for (const file of walk(ctx.project.src)) {
        const components = expectedComponent(file);
        if (components === null) {
            problems.push(
                `${SOURCE_DIR}/${file}: no metadata type is known for this path; conversion would drop or misplace it (move it, or teach expectedComponent in scripts/lib/checks.mjs)`
            );
            continue;
        }
        for (const c of components) if (!expected.has(c)) expected.set(c, file);
    }
    const labels = path.join(ctx.project.src, 'labels', 'CustomLabels.labels-meta.xml');
    if (fs.existsSync(labels))
        for (const name of xmlValues(fs.readFileSync(labels, 'utf8'), 'fullName'))
            expected.set(`CustomLabel:${name}`, 'labels/CustomLabels.labels-meta.xml');

    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-mdapi-'));
    try {
        const set = ComponentSet.fromSource(path.join(ctx.root, 'force-app'));
        await new MetadataConverter().convert(set, 'metadata', {
            type: 'directory',
            outputDirectory: out,
            genUniqueDir: false
        });
        const pkg = fs.readFileSync(path.join(out, 'package.xml'), 'utf8');
        const listed = new Set();
        for (const block of xmlValues(pkg, 'types')) {
            const type = xmlValue(block, 'name');
            for (const member of xmlValues(block, 'members')) listed.add(`${type}:${member}`);
        }
        for (const [component, file] of expected) {
            if (!listed.has(component))
                problems.push(
                    `${SOURCE_DIR}/${file}: ${component} is missing from the converted package.xml (the conversion dropped it; check its -meta.xml and file name)`
                );
        }
        for (const component of listed) {
            if (!expected.has(component))
                problems.push(`package.xml lists ${component}, which no source file accounts for`);
        }
        const version = xmlValue(pkg, 'version');
        const projectJson = JSON.parse(fs.readFileSync(path.join(ctx.root, 'sfdx-project.json'), 'utf8'));
        if (version !== projectJson.sourceApiVersion)
            problems.push(
                `package.xml version ${version} differs from sourceApiVersion ${projectJson.sourceApiVersion}`
            );
    } catch (e) {
        problems.push(`source conversion failed: ${e.message}`);
    } finally {
        fs.rmSync(out, { recursive: true, force: true });
    }
    return problems;
}

// ---- 4g. the messages Apex builds have the shape of the shared JSON Schemas ------------------
/** The keys an Apex method puts into its message map: `'key' =>` literals and `.put('key', …)`. */
export function apexMessageKeys(source, method) {
    const start = source.search(new RegExp(`\\bstatic\\s+Map<String,\\s*Object>\\s+${method}\\s*\\(`));
    if (start < 0) return null;
    const next = source.slice(start + 1).search(/\n\s*(public|private|global|protected|@TestVisible)\b[^\n]*\(/);
    const body = next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
    const keys = new Set();
    for (const m of body.matchAll(/'(\w+)'\s*=>/g)) keys.add(m[1]);
    for (const m of body.matchAll(/\bmessage\.put\(\s*'(\w+)'/g)) keys.add(m[1]);
    return keys;
}

export async function wireShapes(ctx) {
    const dist = path.join(path.dirname(ctx.ownershipFile), '..', 'dist', 'seam-core.cjs');
    if (!fs.existsSync(dist))
        return [`${dist} is missing; run \`npm run build\` at the repository root (the schemas come from shared/)`];
    const core = require(dist);
    const source = (name) => ctx.project.apex.find((a) => a.name === name)?.source ?? '';
    const problems = [];
    const shapes = [
        // The dispatcher stamps sentAt on case messages when it really sends them.
        {
            method: 'build',
            schema: core.CASE_MESSAGE_SCHEMA,
            extra: /message\.put\('sentAt'/.test(source('SeamOutboxDispatcher')) ? ['sentAt'] : []
        },
        { method: 'buildComment', schema: core.COMMENT_MESSAGE_SCHEMA, extra: [] }
    ];
    for (const { method, schema, extra } of shapes) {
        const keys = apexMessageKeys(source('SeamCaseMessages'), method);
        if (!keys) {
            problems.push(
                `classes/SeamCaseMessages.cls: no method ${method}; the check needs it to compare the message with the shared schema`
            );
            continue;
        }
        for (const k of extra) keys.add(k);
        const allowed = Object.keys(schema.properties);
        for (const k of keys)
            if (!allowed.includes(k))
                problems.push(
                    `SeamCaseMessages.${method}: key "${k}" is not in the shared schema (${allowed.join(', ')}); ServiceNow rejects the whole batch (additionalProperties: false)`
                );
        for (const k of schema.required)
            if (!keys.has(k))
                problems.push(`SeamCaseMessages.${method}: required key "${k}" of the shared schema is never set`);
    }
    // Every CaseResult status ServiceNow may answer must be handled by the dispatcher.
    const schemasTs = path.join(path.dirname(ctx.ownershipFile), 'schemas.ts');
    const union = /export type CaseResultStatus =([^;]+);/.exec(
        fs.existsSync(schemasTs) ? fs.readFileSync(schemasTs, 'utf8') : ''
    );
    const dispatcher = source('SeamOutboxDispatcher');
    const done = /Set<String>\s+DONE\s*=\s*new Set<String>\{([^}]*)\}/.exec(dispatcher);
    if (!union || !done) {
        problems.push(
            'CaseResultStatus (shared/src/schemas.ts) or the DONE set (SeamOutboxDispatcher.cls) not found; the check needs both'
        );
    } else {
        const statuses = [...union[1].matchAll(/'(\w+)'/g)].map((m) => m[1]);
        const handled = new Set([...done[1].matchAll(/'(\w+)'/g)].map((m) => m[1]));
        for (const st of statuses) {
            if (!handled.has(st) && st !== 'rejected' && st !== 'error')
                problems.push(
                    `SeamOutboxDispatcher: CaseResult status "${st}" is neither done, rejected nor retried; add it to DONE or handle it`
                );
        }
        for (const st of handled)
            if (!statuses.includes(st))
                problems.push(
                    `SeamOutboxDispatcher: DONE lists "${st}", which ServiceNow never answers (CaseResultStatus)`
                );
    }
    return problems;
}

/** In the order they run; the cheap ones first so a typo fails fast. */
export const CHECKS = [
    { name: 'sfdx-project', run: sfdxProject },
    { name: 'meta-files', run: metaFiles },
    { name: 'apex-fields', run: apexFieldsExist },
    { name: 'report-type-fields', run: reportTypeFields },
    { name: 'permission-sets', run: permissionSets },
    { name: 'contract-fields', run: contractFields },
    { name: 'wire-shapes', run: wireShapes },
    { name: 'apex-tests', run: apexTestReferences },
    { name: 'sharing', run: sharing },
    { name: 'prettier-apex', run: prettierApex },
    { name: 'convert-source', run: convertSource },
    { name: 'apex-ls', run: apexLanguageServer },
    { name: 'pmd', run: pmdRules }
];
