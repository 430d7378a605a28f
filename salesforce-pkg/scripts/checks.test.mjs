// Self-tests of scripts/check.mjs: the clean package passes every check, and each check fails on
// a copy of the package seeded with the mistake it exists to catch. Run: node --test scripts/
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
    apexFieldsExist,
    apexTestReferences,
    isRealPackageId,
    apexLanguageServer,
    contractFields,
    convertSource,
    createContext,
    metaFiles,
    permissionSets,
    pmdRules,
    prettierApex,
    reportTypeFields,
    sfdxProject,
    sharing,
    wireShapes
} from './lib/checks.mjs';
import { fieldReferences } from './lib/apex-refs.mjs';

const PKG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REPO = path.resolve(PKG, '..');
const SRC = path.join('force-app', 'main', 'default');
const copies = [];

/** A throwaway copy of the SFDX project; `seed` edits it before the context is read. */
function seeded(seed = () => {}) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-check-'));
    copies.push(dir);
    for (const f of ['force-app', 'sfdx-project.json', '.prettierrc.json', '.forceignore']) {
        fs.cpSync(path.join(PKG, f), path.join(dir, f), { recursive: true });
    }
    seed(dir);
    return createContext(dir, {
        ownershipFile: path.join(REPO, 'shared', 'src', 'ownership.ts'),
        contractsFile: path.join(REPO, 'docs', 'contracts.md')
    });
}

const write = (dir, file, text) => fs.writeFileSync(path.join(dir, SRC, file), text);
const edit = (dir, file, fn) => write(dir, file, fn(fs.readFileSync(path.join(dir, SRC, file), 'utf8')));
const classMeta = (dir, name) =>
    fs.copyFileSync(
        path.join(dir, SRC, 'classes', 'SeamOutbox.cls-meta.xml'),
        path.join(dir, SRC, 'classes', `${name}.cls-meta.xml`)
    );
const some = (problems, re) =>
    assert.ok(
        problems.some((p) => re.test(p)),
        `expected a problem matching ${re}, got:\n${problems.join('\n')}`
    );

after(() => {
    for (const d of copies) fs.rmSync(d, { recursive: true, force: true });
});

describe('the clean package', () => {
    let ctx;
    before(() => {
        ctx = seeded();
    });
    for (const [name, check] of Object.entries({
        sfdxProject,
        metaFiles,
        apexFieldsExist,
        permissionSets,
        contractFields,
        wireShapes,
        apexTestReferences,
        sharing,
        prettierApex,
        convertSource
        // apex-ls and pmd start a JVM each: their clean run is folded into the seeded tests below,
        // which also assert that nothing outside the seeded file is reported.
    })) {
        it(`passes ${name}`, async () => {
            assert.deepEqual(await check(ctx), []);
        });
    }
});

describe('each check catches its seeded mistake', () => {
    it('sfdx-project: schema breach and a version without .NEXT', async () => {
        const ctx = seeded((dir) => {
            const file = path.join(dir, 'sfdx-project.json');
            const p = JSON.parse(fs.readFileSync(file, 'utf8'));
            p.packageDirectories[0].versionNumber = '0.1';
            p.sourceApiVersion = 62;
            fs.writeFileSync(file, JSON.stringify(p));
        });
        const problems = await sfdxProject(ctx);
        some(problems, /sourceApiVersion.*must be string/);
        some(problems, /versionNumber "0.1"/);
    });

    it('sfdx-project: a placeholder package id never ships', async () => {
        const ctx = seeded((dir) => {
            const file = path.join(dir, 'sfdx-project.json');
            const p = JSON.parse(fs.readFileSync(file, 'utf8'));
            p.packageAliases = { Seam: '0Ho000000000000AAA' };
            fs.writeFileSync(file, JSON.stringify(p));
        });
        some(await sfdxProject(ctx), /packageAliases\.Seam is "0Ho000000000000AAA", not a package id/);
        assert.equal(isRealPackageId('0Ho000000000000AAA'), false);
        assert.equal(isRealPackageId('0Ho5e000000XyZ1CAK'), true);
    });

    it('apex-tests: a class no test class refers to (comments do not count)', async () => {
        const ctx = seeded((dir) => {
            write(
                dir,
                'classes/SeamUntested.cls',
                'public with sharing class SeamUntested {\n    public static Integer one() {\n        return 1;\n    }\n}\n'
            );
            classMeta(dir, 'SeamUntested');
            edit(dir, 'classes/SeamOutboxDispatcherTest.cls', (t) => `// SeamUntested is not tested here\n${t}`);
        });
        const problems = await apexTestReferences(ctx);
        assert.deepEqual(problems, [
            'classes/SeamUntested.cls: no test class refers to SeamUntested; add SeamUntestedTest (@IsTest) that exercises it (2GP versions need 75 % coverage)'
        ]);
    });

    it('sharing: a ReadWrite outbox, agents reading it, a with-sharing dispatcher and event handler', async () => {
        const ctx = seeded((dir) => {
            edit(dir, 'objects/Seam_Outbox__c/Seam_Outbox__c.object-meta.xml', (x) =>
                x.replace('<sharingModel>Private</sharingModel>', '<sharingModel>ReadWrite</sharingModel>')
            );
            edit(dir, 'permissionsets/Seam_Agent.permissionset-meta.xml', (x) =>
                x.replace(
                    '</PermissionSet>',
                    '    <objectPermissions>\n        <allowCreate>false</allowCreate>\n        <allowDelete>false</allowDelete>\n        <allowEdit>false</allowEdit>\n        <allowRead>true</allowRead>\n        <modifyAllRecords>false</modifyAllRecords>\n        <object>Seam_Audit__c</object>\n        <viewAllRecords>true</viewAllRecords>\n    </objectPermissions>\n</PermissionSet>'
                )
            );
            edit(dir, 'classes/SeamOutboxDispatcher.cls', (x) => x.replace('public without sharing class', 'public with sharing class'));
            edit(dir, 'classes/SeamIncidentUpdateHandler.cls', (x) =>
                x.replace('public without sharing class', 'public inherited sharing class')
            );
        });
        const problems = await sharing(ctx);
        some(problems, /objects\/Seam_Outbox__c: sharingModel is ReadWrite/);
        some(problems, /Seam_Agent: View\/Modify All on Seam_Audit__c/);
        some(problems, /Seam_Agent: Read on Seam_Audit__c/);
        some(problems, /SeamOutboxDispatcher\.cls: a system process \(async job\) declared with sharing/);
        some(problems, /SeamIncidentUpdateHandler\.cls: a system process \(called by a platform event trigger\) declared inherited sharing/);
        assert.equal(problems.length, 5, problems.join('\n'));
    });

    it('meta-files: an Apex class without its -meta.xml, an LWC importing a missing Apex method, a page placing a missing LWC', async () => {
        const ctx = seeded((dir) => {
            fs.rmSync(path.join(dir, SRC, 'classes', 'SeamOutbox.cls-meta.xml'));
            edit(dir, 'lwc/linkedIncidentPanel/linkedIncidentPanel.js', (s) =>
                s.replace('SeamPanelController.resync', 'SeamPanelController.resyncAll')
            );
            edit(dir, 'flexipages/Seam_Case_Record_Page.flexipage-meta.xml', (s) =>
                s.replace('c:linkedIncidentPanel', 'c:linkedIncidentPanl')
            );
        });
        const problems = await metaFiles(ctx);
        some(problems, /places c:linkedIncidentPanl/);
        some(problems, /SeamOutbox\.cls: missing SeamOutbox\.cls-meta\.xml/);
        some(problems, /imports SeamPanelController\.resyncAll/);
    });

    it('apex-fields: unknown fields on a typed variable, in SOQL, in a constructor and in a string; a long text field in WHERE', async () => {
        const ctx = seeded((dir) => {
            write(
                dir,
                'classes/Typo.cls',
                [
                    'public with sharing class Typo {',
                    '    public static void run(Case c) {',
                    '        c.Seam_Incident_Numbr__c = null;',
                    '        List<Case> rows = [SELECT Id, Seam_Last_Synk__c FROM Case WITH USER_MODE];',
                    '        insert new Seam_Outbox__c(Atempts__c = 1);',
                    "        c.put('Seam_Sync_Stat__c', null);",
                    "        Integer n = [SELECT COUNT() FROM Seam_Audit__c WHERE Fields__c = 'comments' AND Result__c = 'sent'];",
                    '    }',
                    '}'
                ].join('\n')
            );
            classMeta(dir, 'Typo');
        });
        const problems = await apexFieldsExist(ctx);
        some(problems, /Typo\.cls:3: .*Case\.Seam_Incident_Numbr__c/);
        some(problems, /Typo\.cls:4: SOQL on Case: no field Case\.Seam_Last_Synk__c/);
        some(problems, /Typo\.cls:5: new Seam_Outbox__c\(Atempts__c/);
        some(problems, /Typo\.cls:6: Seam_Sync_Stat__c is neither/);
        some(problems, /Typo\.cls:7: Seam_Audit__c\.Fields__c is a LongTextArea field, which SOQL cannot filter on/);
        assert.equal(problems.length, 5, problems.join('\n'));
    });

    it('permission-sets: a field that does not exist, and an integration edit right on a Salesforce-owned field', async () => {
        const ctx = seeded((dir) =>
            edit(dir, 'permissionsets/Seam_Integration.permissionset-meta.xml', (s) =>
                s
                    .replace(
                        '<field>Case.Seam_Local_Version__c</field>',
                        '<field>Case.Seam_Local_Version__c</field>\n        <!-- seeded -->'
                    )
                    .replace(
                        /<editable>false<\/editable>(\s*<field>Case\.Seam_Local_Version__c<\/field>)/,
                        '<editable>true</editable>$1'
                    )
                    .replace('<field>Case.Seam_CI__c</field>', '<field>Case.Seam_Ghost__c</field>')
            )
        );
        const problems = await permissionSets(ctx);
        some(problems, /Seam_Integration: Case\.Seam_Local_Version__c is editable/);
        some(problems, /names Case\.Seam_Ghost__c, which is not a custom field/);
    });

    it('permission-sets: a secret committed in the external credential', async () => {
        const ctx = seeded((dir) =>
            edit(dir, 'externalCredentials/Seam_ServiceNow.externalCredential-meta.xml', (s) =>
                s.replace(
                    '<label>',
                    '<externalCredentialParameters>\n        <parameterName>clientSecret</parameterName>\n        <parameterType>AuthParameter</parameterType>\n        <parameterValue>hunter2</parameterValue>\n    </externalCredentialParameters>\n    <label>'
                )
            )
        );
        some(await permissionSets(ctx), /externalCredentials\/Seam_ServiceNow: holds a secret/);
    });

    it('contract-fields: an event field missing, another of the wrong length', async () => {
        const ctx = seeded((dir) => {
            fs.rmSync(path.join(dir, SRC, 'objects', 'Incident_Update__e', 'fields', 'Origin__c.field-meta.xml'));
            edit(dir, 'objects/Incident_Update__e/fields/Message_Id__c.field-meta.xml', (s) =>
                s.replace('<length>64</length>', '<length>80</length>')
            );
        });
        const problems = await contractFields(ctx);
        some(problems, /Incident_Update__e\.Origin__c has no field metadata/);
        some(problems, /Message_Id__c: length 80, docs\/contracts\.md says 64/);
    });

    it('contract-fields: a field of the ownership map without metadata', async () => {
        const ctx = seeded((dir) =>
            fs.rmSync(path.join(dir, SRC, 'objects', 'Case', 'fields', 'Seam_SLA_Due__c.field-meta.xml'))
        );
        some(await contractFields(ctx), /ownership\.ts maps Case\.Seam_SLA_Due__c/);
    });

    it('report-type-fields: a report type column naming a field the package lacks', async () => {
        const ctx = seeded((dir) =>
            edit(dir, 'reportTypes/Seam_Cases_Triage_Sync.reportType-meta.xml', (s) =>
                s.replace('<field>Seam_Triage_Route__c</field>', '<field>Seam_Triage_Rout__c</field>')
            )
        );
        some(await reportTypeFields(ctx), /column Case\.Seam_Triage_Rout__c is not a field of this package/);
        assert.deepEqual(await reportTypeFields(seeded()), []);
    });

    it('wire-shapes: a misspelled key and a missing required key in the messages Apex builds', async () => {
        const ctx = seeded((dir) =>
            edit(dir, 'classes/SeamCaseMessages.cls', (s) =>
                s.replace("'caseNumber' =>", "'caseNo' =>").replace("'createdAt' =>", "'created' =>")
            )
        );
        const problems = await wireShapes(ctx);
        some(problems, /build: key "caseNo" is not in the shared schema/);
        some(problems, /build: required key "caseNumber" of the shared schema is never set/);
        some(problems, /buildComment: key "created" is not in the shared schema/);
        some(problems, /buildComment: required key "createdAt"/);
    });

    it('wire-shapes: a CaseResult status the dispatcher would treat as a failure', async () => {
        const ctx = seeded((dir) =>
            edit(dir, 'classes/SeamOutboxDispatcher.cls', (s) => s.replace("'approval_pending'", "'approval_pend'"))
        );
        const problems = await wireShapes(ctx);
        some(problems, /status "approval_pending" is neither done/);
        some(problems, /DONE lists "approval_pend"/);
    });

    it('prettier-apex: unformatted and unparsable Apex', async () => {
        const ctx = seeded((dir) => {
            write(dir, 'classes/Ugly.cls', 'public with sharing class Ugly{public static Integer one(){return 1;}}\n');
            write(dir, 'classes/Broken.cls', 'public with sharing class Broken { public void x( { }\n');
            classMeta(dir, 'Ugly');
            classMeta(dir, 'Broken');
        });
        const problems = await prettierApex(ctx);
        some(problems, /Ugly\.cls: not formatted/);
        some(problems, /Broken\.cls: does not parse as Apex/);
    });

    it('convert-source: a class the conversion drops silently, and a file in an unknown folder', async () => {
        const ctx = seeded((dir) => {
            write(dir, 'classes/Orphan.cls', 'public with sharing class Orphan {\n}\n');
            fs.mkdirSync(path.join(dir, SRC, 'clases'));
            write(dir, 'clases/Misplaced.cls', 'public with sharing class Misplaced {\n}\n');
        });
        const problems = await convertSource(ctx);
        some(problems, /ApexClass:Orphan is missing from the converted package\.xml/);
        some(problems, /clases\/Misplaced\.cls: no metadata type is known/);
    });

    it('apex-ls: an unknown method, an unknown type and an unknown field on a custom object', async () => {
        const ctx = seeded((dir) => {
            write(
                dir,
                'classes/Wrong.cls',
                [
                    'public with sharing class Wrong {',
                    '    public static void run() {',
                    '        SeamOutbox.enqueueAll(null);',
                    '        Seam_Outbox__c row = new Seam_Outbox__c();',
                    '        row.Status = null;',
                    '        NoSuchType t;',
                    '    }',
                    '}'
                ].join('\n')
            );
            classMeta(dir, 'Wrong');
        });
        const problems = await apexLanguageServer(ctx);
        some(problems, /Wrong\.cls:3: .*enqueueAll/);
        some(problems, /Wrong\.cls:5: .*Unknown field 'Status'/);
        some(problems, /Wrong\.cls:6: .*NoSuchType/);
        assert.deepEqual(
            problems.filter((p) => !p.includes('Wrong.cls')),
            [],
            'the package itself is clean'
        );
    });

    it('pmd: SOQL injection and DML without user mode fail (severity 2)', async () => {
        const ctx = seeded((dir) => {
            write(
                dir,
                'classes/Risky.cls',
                [
                    '/**',
                    ' * @description seeded',
                    ' */',
                    'public with sharing class Risky {',
                    '    /**',
                    '     * @description seeded',
                    '     * @param s text',
                    '     * @return cases',
                    '     */',
                    '    public static List<Case> find(String s) {',
                    "        List<Case> rows = Database.query('SELECT Id FROM Case WHERE Subject = \\'' + s + '\\'');",
                    '        update rows;',
                    '        return rows;',
                    '    }',
                    '}'
                ].join('\n')
            );
            classMeta(dir, 'Risky');
        });
        const problems = await pmdRules(ctx);
        some(problems, /Risky\.cls:11: ApexSOQLInjection \(severity 2\)/);
        some(problems, /Risky\.cls:12: ApexCRUDViolation \(severity 2\)/);
        assert.deepEqual(
            problems.filter((p) => !p.includes('Risky.cls')),
            [],
            'the package itself is clean'
        );
    });
});

describe('fieldReferences', () => {
    it('ignores comments and resolves list elements and map lookups', () => {
        const refs = fieldReferences(
            [
                '// c.Ghost__c in a comment',
                'List<Case> rows; Map<Id, Case> byId;',
                'rows[0].A__c = 1; byId.get(x).B__c = 2;'
            ].join('\n'),
            ['Case']
        );
        assert.deepEqual(
            refs.filter((r) => r.object).map((r) => `${r.object}.${r.field}@${r.line}`),
            ['Case.A__c@3', 'Case.B__c@3']
        );
        assert.ok(!refs.some((r) => r.field === 'Ghost__c'));
    });
});
