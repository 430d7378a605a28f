/** Shared test fixtures: a small model trained in memory, a config, request bodies. */
import { loadPublicData, seededRandom, splitExamples } from '../../src/ml/dataset.js';
import { PUBLIC_DATA_DIR } from '../../src/ml/modelStore.js';
import { trainTriageModel, type TriageModel } from '../../src/ml/triageModel.js';
import { loadConfig, type ProxyConfig } from '../../src/config.js';

let cached: TriageModel | undefined;

/** 1,200 examples sampled from the public data: trains in well under a second. */
export function smallModel(): TriageModel {
  if (cached) return cached;
  const all = loadPublicData(PUBLIC_DATA_DIR);
  const rand = seededRandom(11);
  const sample = all.filter(() => rand() < 1200 / all.length);
  const split = splitExamples(sample, 3);
  cached = trainTriageModel([...split.train, ...split.test], split.calibration, { source: 'test sample', now: new Date(0) });
  return cached;
}

export const SN_SECRET = 's'.repeat(16) + '-servicenow-secret-0123456789';
export const SF_SECRET = 'f'.repeat(16) + '-salesforce-secret-0123456789';

export function testConfig(env: Record<string, string> = {}): ProxyConfig {
  return loadConfig({
    SEAM_PROXY_CLIENT_SECRETS: `servicenow=${SN_SECRET},salesforce=${SF_SECRET}`,
    SEAM_PROXY_AUDIT_LOG: 'off',
    ...env,
  });
}

export function llmEnv(baseURL: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SEAM_PROXY_LLM_BASE_URL: baseURL,
    SEAM_PROXY_LLM_MODEL: 'stub-model',
    SEAM_PROXY_LLM_API_KEY: 'test-key',
    SEAM_PROXY_LLM_BACKOFF_MS: '1',
    SEAM_PROXY_LLM_MAX_RETRIES: '2',
    SEAM_PROXY_LLM_TIMEOUT_MS: '2000',
    ...extra,
  };
}

let seq = 0;
export function triageBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  seq++;
  return {
    idempotencyKey: `triage-${seq}-${Math.random().toString(36).slice(2)}`,
    correlationId: `SNOW-INC00${seq}|SFDC-500`,
    caseId: '500000000000001AAA',
    subject: 'VPN error 809 on my laptop',
    description: 'Since this morning the VPN client fails with error 809 and I cannot reach the file server.',
    ...over,
  };
}

export const VALID_TRIAGE_ANSWER = {
  route: 'servicenow',
  category: 'access',
  priority: 3,
  suggestedAssignmentGroup: 'Network',
  confidence: 0.86,
  rationale: 'VPN failure blocks access to internal systems.',
};

export async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${SN_SECRET}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try { json = JSON.parse(text); } catch { json = text; }
  return { status: res.status, json, headers: res.headers };
}
