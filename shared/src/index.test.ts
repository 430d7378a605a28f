import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from './index';

const dir = __dirname;
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '') }));

describe('shared/ stays pure ES2021 (it runs in ServiceNow, an LWC and Node)', () => {
  const forbidden: [string, RegExp][] = [
    ['a clock', /Date\.now\(|new Date\(\)|performance\.now/],
    ['randomness', /Math\.random|crypto\./],
    ['Node APIs', /\brequire\(|\bprocess\.|\bBuffer\b|from 'node:/],
    ['DOM / browser APIs', /\bwindow\.|\bdocument\.|\bTextEncoder\b|\bfetch\(|\bsetTimeout\(/],
    ['Glide APIs', /\bGlideRecord\b|\bgs\./],
    ['async code', /\basync\s|\bawait\s|\bPromise\b/],
    ['engine features ServiceNow lacks', /\bReflect\.|\bWeakRef\b|\bnew Proxy\b|\bIntl\./],
    ['#private fields', /\s#[a-zA-Z_]\w*/],
    ['regex lookbehind or named groups', /\(\?<[=!]|\(\?<[a-zA-Z]/],
    ['console output', /\bconsole\./],
  ];
  for (const [what, re] of forbidden) {
    it(`uses no ${what}`, () => {
      const hits = sources.filter((s) => re.test(s.text)).map((s) => s.file);
      expect(hits).toEqual([]);
    });
  }

  it('imports only sibling modules, by relative path without extension', () => {
    for (const s of sources) {
      for (const m of s.text.matchAll(/from '([^']+)'/g)) expect(m[1], s.file).toMatch(/^\.\/[a-z0-9]+$/);
    }
  });
});

describe('public API', () => {
  it('exports what the platform packages code against', () => {
    const functions = [
      'decideOutbound', 'applyInbound', 'applyInboundJournal', 'newLink', 'toInboundMessage', 'localField',
      'caseMessageToInbound', 'commentMessageToEntry', 'toCaseMessage', 'toIncidentUpdateEvent', 'incidentUpdateToInbound', 'linkToJson', 'linkFromJson',
      'transformForPeer', 'priorityFromUrgencyImpact', 'casePriorityToUrgencyImpact', 'incidentStateToCaseStatus', 'caseStatusToIncidentState',
      'incidentStateLabel', 'toIsoDateTime', 'toServiceNowDateTime', 'text255',
      'formatCorrelationId', 'parseCorrelationId', 'toSalesforceId18', 'validateSysId', 'matchCompanyByAccountId',
      'sha256Hex', 'stableStringify', 'idempotencyKey', 'messageId',
      'tagOrigin', 'parseOriginTag', 'labelAiText', 'maskPii', 'unmaskPii',
      'validate', 'validateCaseMessageBatch', 'validateCommentMessageBatch', 'validateTriageResult',
      'triagePrompt', 'summarizePrompt', 'resolutionSummaryPrompt', 'impactPrompt',
      'parseTriagePolicy', 'decideTriage', 'triageCategoryToIncidentCategory', 'slaView', 'syncHealth', 'formatDuration',
      'slaRiskRequestFor', 'formatSlaRisk', 'slaRiskView', 'decideSlaAlert', 'slaRiskWorkNote', 'validateSlaRiskRequest',
      'decideSev1Alert', 'sev1AccountTask', 'sev1ChatPayload', 'webhookOutcome',
      'checkInsightPhrasing', 'choosePhrasing', 'insightNumbers', 'insightPhrasingPrompt',
    ];
    const missing = functions.filter((f) => typeof (api as Record<string, unknown>)[f] !== 'function');
    expect(missing).toEqual([]);
    expect(api.OWNERSHIP.length).toBeGreaterThan(20);
    expect(Object.keys(api.SCHEMAS)).toHaveLength(15);
    expect(api.CASE_STATUS_DOMAIN).toContain('Waiting on Customer');
  });

  it('every mapping key is unique and every transform is one transforms.ts implements', () => {
    const keys = api.OWNERSHIP.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const m of api.OWNERSHIP) expect(api.TRANSFORM_NAMES).toContain(m.transform);
  });

  it('reference fields shown to people cross as display values; identity never does', () => {
    // The agent's panel must read "Beth Anglin", not the sys_id of her sys_user row.
    expect(api.displayFields('incident').sort()).toEqual(['assigned_to', 'assignment_group', 'cmdb_ci', 'rfc']);
    expect(api.displayFields('core_company')).toEqual([]);
    for (const m of api.OWNERSHIP.filter((x) => x.display === 'reference')) {
      // A display copy is one-way, into Salesforce: it can never be written back as a reference.
      expect({ key: m.key, kind: m.kind, direction: m.direction, transform: m.transform }).toEqual({ key: m.key, kind: 'work', direction: 'sn_to_sf', transform: 'identity' });
    }
  });
});
