/** The OpenAPI document must describe exactly what the proxy validates: the shared schemas. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMAS } from '@seam/shared';
import { ENDPOINT_SPECS, ENDPOINTS } from '../src/endpoints.js';
import { KNOWLEDGE_ENDPOINTS, KNOWLEDGE_SPECS } from '../src/knowledge.js';
import { INSIGHT_ENDPOINTS, INSIGHT_SPECS } from '../src/insights.js';

const doc = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
const strip = ({ $schema: _s, $id: _i, ...rest }: Record<string, unknown>) => rest;

describe('openapi.json', () => {
  it('documents every endpoint the server routes', () => {
    for (const e of ENDPOINTS) expect(doc.paths[`/v1/${e}`]?.post, e).toBeDefined();
  });

  it('carries the shared request schemas and the proxy response schemas unchanged', () => {
    const names = { triage: 'Triage', summarize: 'Summarize', 'resolution-summary': 'ResolutionSummary', impact: 'Impact', 'sla-risk': 'SlaRisk', escalation: 'Escalation' } as const;
    for (const e of ENDPOINTS) {
      expect(doc.components.schemas[`${names[e]}Request`]).toEqual(strip(ENDPOINT_SPECS[e].requestSchema as Record<string, unknown>));
      const resp = doc.components.schemas[`${names[e]}Response`];
      const ours = strip(ENDPOINT_SPECS[e].responseSchema as Record<string, unknown>) as { properties: Record<string, unknown> };
      expect(Object.keys(resp.properties).sort()).toEqual(Object.keys(ours.properties).sort());
      expect(resp.required).toEqual((ours as unknown as { required: string[] }).required);
    }
    const knowledge = { 'knowledge/answer': 'KnowledgeAnswer', 'knowledge/search': 'KnowledgeSearch', 'knowledge/documents': 'KnowledgeDocuments', 'knowledge/gaps': 'KnowledgeGaps' } as const;
    for (const e of KNOWLEDGE_ENDPOINTS) {
      expect(doc.paths[`/v1/${e}`]?.post, e).toBeDefined();
      expect(doc.components.schemas[`${knowledge[e]}Request`], e).toEqual(strip(KNOWLEDGE_SPECS[e].requestSchema as Record<string, unknown>));
      expect(doc.components.schemas[`${knowledge[e]}Response`], e).toEqual(strip(KNOWLEDGE_SPECS[e].responseSchema as Record<string, unknown>));
    }
    const insights = { 'insights/phrase': 'InsightPhrase' } as const;
    for (const e of INSIGHT_ENDPOINTS) {
      expect(doc.paths[`/v1/${e}`]?.post, e).toBeDefined();
      expect(doc.components.schemas[`${insights[e]}Request`], e).toEqual(strip(INSIGHT_SPECS[e].requestSchema as Record<string, unknown>));
      expect(doc.components.schemas[`${insights[e]}Response`], e).toEqual(strip(INSIGHT_SPECS[e].responseSchema as Record<string, unknown>));
    }
    expect(doc.components.schemas.TriageResponse.properties.category.enum).toEqual(SCHEMAS.triageResult.properties?.['category']?.enum);
  });
});
