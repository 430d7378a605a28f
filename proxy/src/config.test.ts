import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from './config.js';

const SECRET = 'x'.repeat(40);

describe('configuration', () => {
  it('defaults to the embedded engine with safe limits', () => {
    const c = loadConfig({ SEAM_PROXY_CLIENT_SECRETS: `servicenow=${SECRET}` });
    expect(c.llm).toBeUndefined();
    expect(c.host).toBe('127.0.0.1');
    expect(c.clients).toEqual({ servicenow: SECRET });
    expect(c.maxBodyBytes).toBe(65536);
    expect(c.hmac).toBe('optional');
  });

  it('reports every problem at once, each naming the variable and the fix', () => {
    const r = parseConfig({
      SEAM_PROXY_CLIENT_SECRETS: 'servicenow=short',
      SEAM_PROXY_PORT: 'eighty',
      SEAM_PROXY_TLS_CERT_FILE: '/etc/cert.pem',
      SEAM_PROXY_LLM_BASE_URL: 'ftp://model',
      SEAM_PROXY_HMAC: 'sometimes',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const vars = r.error.map((p) => p.variable);
    expect(vars).toEqual(expect.arrayContaining([
      'SEAM_PROXY_CLIENT_SECRETS', 'SEAM_PROXY_PORT', 'SEAM_PROXY_TLS_KEY_FILE', 'SEAM_PROXY_LLM_BASE_URL', 'SEAM_PROXY_LLM_MODEL', 'SEAM_PROXY_HMAC',
    ]));
    const secret = r.error.find((p) => p.variable === 'SEAM_PROXY_CLIENT_SECRETS');
    expect(secret?.fix).toContain('openssl rand -hex 32');
    expect(() => loadConfig({})).toThrow(ConfigError);
    expect(() => loadConfig({})).toThrow(/SEAM_PROXY_CLIENT_SECRETS: no client secrets/);
  });

  it('reads client secrets and the LLM key from a secrets file, never echoing them in errors', () => {
    const files: Record<string, string> = {
      '/run/secrets/seam.json': JSON.stringify({ clients: { salesforce: SECRET }, llmApiKey: 'sk-test' }),
    };
    const c = loadConfig(
      { SEAM_PROXY_SECRETS_FILE: '/run/secrets/seam.json', SEAM_PROXY_LLM_MODEL: 'gpt-4o-mini' },
      (p) => { const f = files[p]; if (f === undefined) throw new Error('ENOENT'); return f; },
    );
    expect(c.clients).toEqual({ salesforce: SECRET });
    expect(c.llm).toMatchObject({ model: 'gpt-4o-mini', apiKey: 'sk-test', baseURL: 'https://api.openai.com/v1', maxRetries: 2 });
    const bad = parseConfig({ SEAM_PROXY_CLIENT_SECRETS: `servicenow=${'y'.repeat(10)}` });
    expect(JSON.stringify(bad)).not.toContain('y'.repeat(10));
  });

  it('requires an API key for api.openai.com but not for a local server', () => {
    const openai = parseConfig({ SEAM_PROXY_CLIENT_SECRETS: `a=${SECRET}`, SEAM_PROXY_LLM_MODEL: 'gpt-4o-mini' });
    expect(!openai.ok && openai.error[0]?.variable).toBe('SEAM_PROXY_LLM_API_KEY');
    const local = loadConfig({ SEAM_PROXY_CLIENT_SECRETS: `a=${SECRET}`, SEAM_PROXY_LLM_MODEL: 'llama3.1:8b', SEAM_PROXY_LLM_BASE_URL: 'http://127.0.0.1:11434/v1' });
    expect(local.llm?.baseURL).toBe('http://127.0.0.1:11434/v1');
  });
});
