// The foundation's promise: one build compiles shared/ into both platforms, and each platform
// really ships it. These tests read what `npm run build` wrote (npm test builds first).
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OWNERSHIP } from '@seam/shared';
// @ts-expect-error plain ESM helper without declarations
import { developerName, mappingRecordXml, recordFileName } from '../../scripts/lib/custom-metadata.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const at = (...p: string[]) => path.join(root, ...p);
const read = (...p: string[]) => fs.readFileSync(at(...p), 'utf8');

const snModule = 'servicenow-app/src/server/generated/seam-core.js';
const lwcModule = 'salesforce-pkg/force-app/main/default/lwc/seamCore/seamCore.js';
const cmdtDir = 'salesforce-pkg/force-app/main/default/customMetadata';

describe('one build, two platforms', () => {
  it('writes the same shared core to node, the ServiceNow module and the LWC module', () => {
    const node = read('shared/dist/seam-core.mjs');
    expect(read(snModule)).toBe(node);
    expect(read(lwcModule)).toBe(node);
    // Every mapping key is in the bundle, so the ownership map travelled with the code.
    for (const m of OWNERSHIP) expect(node).toContain(`'${m.key}'`);
  });

  it('keeps the shared core within what ServiceNow\'s engine runs (ES2021, no Node or DOM)', () => {
    const code = read(snModule);
    expect(code).not.toMatch(/\brequire\(|\bprocess\.|\bBuffer\b|\bwindow\.|\bdocument\./);
    expect(code).not.toMatch(/\basync\s+function|\bawait\s|#[a-zA-Z_]+\s*[=;(]/);
    expect(code).not.toMatch(/^import\s/m); // self-contained: nothing to resolve on the instance
  });

  it('ships the shared module inside the ServiceNow build output, not just a reference to it', () => {
    const dir = at('servicenow-app/dist/app/update');
    expect(fs.existsSync(dir), 'run `npm run build` first: servicenow-app/dist is missing').toBe(true);
    const modules = fs.readdirSync(dir).filter((f) => f.startsWith('sys_module_')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8'));
    const shipped = modules.find((x) => x.includes('src/server/generated/seam-core.js'));
    expect(shipped, 'no sys_module record holds src/server/generated/seam-core.js').toBeDefined();
    for (const m of OWNERSHIP) expect(shipped).toContain(`'${m.key}'`);
  });

  it('generates one custom metadata record per mapping, with the owner the map says', () => {
    const files = fs.readdirSync(at(cmdtDir)).filter((f) => f.startsWith('Seam_Field_Mapping.'));
    expect(files.sort()).toEqual(OWNERSHIP.map((m) => recordFileName(m.key)).sort());
    for (const m of OWNERSHIP) {
      const xml = read(cmdtDir, recordFileName(m.key));
      expect(xml).toContain(`<field>Owner__c</field>\n        <value xsi:type="xsd:string">${m.owner}</value>`);
      expect(xml).toBe(mappingRecordXml(m));
    }
  });

  it('keeps every generated file out of git', () => {
    const ignored = (p: string) => {
      try { execFileSync('git', ['check-ignore', '-q', p], { cwd: root }); return true; } catch { return false; }
    };
    for (const p of [snModule, lwcModule, 'shared/dist/seam-core.mjs', `${cmdtDir}/${recordFileName(OWNERSHIP[0].key)}`]) {
      expect(ignored(p), `${p} must be gitignored`).toBe(true);
    }
  });
});

describe('custom metadata rendering', () => {
  it('rejects a mapping key that cannot be a DeveloperName, naming the key and the fix', () => {
    expect(() => developerName('case-id')).toThrow(/"case-id".*letters and digits/);
    expect(() => developerName('x'.repeat(41))).toThrow(/at most 40/);
    expect(developerName('caseId')).toBe('caseId');
  });

  it('escapes XML in labels and writes nil for internal fields that have no Salesforce side', () => {
    const internal = OWNERSHIP.find((m) => m.salesforce === null);
    expect(internal).toBeDefined();
    const xml = mappingRecordXml({ ...internal!, label: 'Notes <internal> & private' });
    expect(xml).toContain('<label>Notes &lt;internal&gt; &amp; private</label>');
    expect(xml).toMatch(/<field>Salesforce_Field__c<\/field>\n\s+<value xsi:nil="true"\/>/);
  });
});
