/**
 * Configuration, parsed and validated once at startup from the environment (`SEAM_PROXY_*`) and
 * an optional JSON secrets file. Every problem names the variable, what is wrong and the fix, and
 * all problems are reported together so one restart fixes them all.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HmacMode } from './auth.js';

export interface LlmConfig {
  readonly baseURL: string;
  readonly model: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  /** Budget for all attempts and backoff of one call; no retry starts that would overrun it. */
  readonly deadlineMs: number;
  /** Retries after the first attempt on 429, 5xx and network errors. */
  readonly maxRetries: number;
  /** First backoff; doubles per retry (plus jitter) unless the server sends Retry-After. */
  readonly backoffMs: number;
  /** Sampling temperature; absent → not sent (reasoning models reject it). */
  readonly temperature?: number;
  /** Upper bound on answer tokens (sent as max_tokens); absent → the server's default. */
  readonly maxOutputTokens?: number;
  /** USD per million tokens, for the cost metric. */
  readonly priceInputPerMTok: number;
  readonly priceOutputPerMTok: number;
}

/** Where the knowledge index lives (`@seam/knowledge`) and how answers are judged. */
export interface KnowledgeConfig {
  readonly backend: 'sqlite' | 'postgres';
  /** The on-disk SQLite file (sqlite backend). */
  readonly path: string;
  readonly postgresUrl?: string;
  /** An OpenAI-compatible `/embeddings` endpoint; absent → lexical search only (and answers say so). */
  readonly embeddings?: { readonly baseURL: string; readonly model: string; readonly dimensions: number; readonly apiKey: string };
  /** `SEAM_KNOWLEDGE_EMBEDDER=use-lite`: the local sentence model shipped in npm (no server), its vector cache file or null. */
  readonly localEmbedder?: { readonly model: 'use-lite'; readonly cache: string | null };
  /** Set: one relevance floor for every mode; absent: the shared per-mode defaults. */
  readonly minRelevance?: number;
}

export interface ProxyConfig {
  readonly host: string;
  readonly port: number;
  readonly clients: Readonly<Record<string, string>>;
  readonly hmac: HmacMode;
  readonly hmacMaxSkewSeconds: number;
  readonly maxBodyBytes: number;
  readonly rateLimit: { readonly perMinute: number; readonly burst: number };
  readonly tls?: { readonly certFile: string; readonly keyFile: string };
  /** Absent: the embedded engine answers everything. */
  readonly llm?: LlmConfig;
  /** Directory holding `triage-model.json`. */
  readonly modelDir: string;
  /** Absent: audit records go nowhere (only for tests and embedding). */
  readonly audit?: { readonly file: string; readonly maxBytes: number; readonly keepFiles: number };
  readonly cache: { readonly maxEntries: number; readonly ttlSeconds: number };
  /** Absent (`SEAM_KNOWLEDGE_BACKEND=off`): the knowledge endpoints answer 503. */
  readonly knowledge?: KnowledgeConfig;
  /** Absent: rate limits, cache and idempotency live in this process (one replica). */
  readonly redis?: { readonly url: string; readonly prefix: string };
}

export interface ConfigProblem {
  readonly variable: string;
  readonly problem: string;
  readonly fix: string;
}

export type ConfigResult = { readonly ok: true; readonly value: ProxyConfig } | { readonly ok: false; readonly error: ConfigProblem[] };

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(`seam-proxy configuration is invalid:\n${problems.map((p) => `  - ${p.variable}: ${p.problem}. Fix: ${p.fix}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Default model location: `proxy/dist/model`, next to the compiled code or the sources. */
export const DEFAULT_MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'model');

const MIN_SECRET_LENGTH = 32;

export function parseConfig(env: Env, readFile: (path: string) => string = (p) => readFileSync(p, 'utf8')): ConfigResult {
  const problems: ConfigProblem[] = [];
  const add = (variable: string, problem: string, fix: string): void => { problems.push({ variable, problem, fix }); };

  const int = (name: string, def: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      add(name, `"${raw}" is not a whole number between ${min} and ${max}`, `set ${name} to a whole number in [${min}, ${max}] or unset it for ${def}`);
      return def;
    }
    return n;
  };
  const num = (name: string, def: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return def;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0) {
      add(name, `"${raw}" is not a non-negative number`, `set ${name} to a number such as 0.15 or unset it`);
      return def;
    }
    return n;
  };

  // Secrets: a JSON file { "clients": { "servicenow": "…" }, "llmApiKey": "…" } and/or env.
  let fileSecrets: { clients?: Record<string, unknown>; llmApiKey?: unknown } = {};
  const secretsFile = env['SEAM_PROXY_SECRETS_FILE'];
  if (secretsFile) {
    try {
      const parsed: unknown = JSON.parse(readFile(secretsFile));
      if (parsed && typeof parsed === 'object') fileSecrets = parsed as typeof fileSecrets;
      else add('SEAM_PROXY_SECRETS_FILE', `${secretsFile} does not hold a JSON object`, 'write {"clients":{"servicenow":"…","salesforce":"…"},"llmApiKey":"…"}');
    } catch (e) {
      add('SEAM_PROXY_SECRETS_FILE', `cannot read ${secretsFile} as JSON (${(e as Error).message})`, 'point it at a readable JSON file, or unset it and use SEAM_PROXY_CLIENT_SECRETS');
    }
  }
  const clients: Record<string, string> = {};
  for (const [name, secret] of Object.entries(fileSecrets.clients ?? {})) {
    if (typeof secret === 'string') clients[name] = secret;
    else add('SEAM_PROXY_SECRETS_FILE', `clients.${name} is not a string`, 'give each client a string secret');
  }
  const envClients = env['SEAM_PROXY_CLIENT_SECRETS'];
  if (envClients) {
    for (const pair of envClients.split(',').map((s) => s.trim()).filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) {
        add('SEAM_PROXY_CLIENT_SECRETS', `entry "${pair.slice(0, 20)}…" is not name=secret`, 'write servicenow=<secret>,salesforce=<secret>');
        continue;
      }
      clients[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
    }
  }
  if (Object.keys(clients).length === 0) {
    add('SEAM_PROXY_CLIENT_SECRETS', 'no client secrets are configured, so no platform could call the proxy', 'set SEAM_PROXY_CLIENT_SECRETS=servicenow=<secret>,salesforce=<secret> or a "clients" object in SEAM_PROXY_SECRETS_FILE');
  }
  for (const [name, secret] of Object.entries(clients)) {
    if (!/^[a-z][a-z0-9_-]{0,31}$/i.test(name)) add('SEAM_PROXY_CLIENT_SECRETS', `client name "${name}" is not a simple identifier`, 'use names like servicenow or salesforce');
    if (secret.length < MIN_SECRET_LENGTH) {
      add('SEAM_PROXY_CLIENT_SECRETS', `the secret for client "${name}" is ${secret.length} characters, shorter than ${MIN_SECRET_LENGTH}`, 'generate one with: openssl rand -hex 32');
    }
  }

  const hmacRaw = (env['SEAM_PROXY_HMAC'] ?? 'optional').toLowerCase();
  const hmac: HmacMode = hmacRaw === 'off' || hmacRaw === 'required' || hmacRaw === 'optional' ? hmacRaw : 'optional';
  if (hmac !== hmacRaw) add('SEAM_PROXY_HMAC', `"${hmacRaw}" is not a mode`, 'use off, optional or required');

  const certFile = env['SEAM_PROXY_TLS_CERT_FILE'];
  const keyFile = env['SEAM_PROXY_TLS_KEY_FILE'];
  if (Boolean(certFile) !== Boolean(keyFile)) {
    add(certFile ? 'SEAM_PROXY_TLS_KEY_FILE' : 'SEAM_PROXY_TLS_CERT_FILE', 'only one of the TLS certificate and key is set', 'set both SEAM_PROXY_TLS_CERT_FILE and SEAM_PROXY_TLS_KEY_FILE (PEM files), or neither');
  }

  let llm: LlmConfig | undefined;
  const model = env['SEAM_PROXY_LLM_MODEL'];
  const baseURL = env['SEAM_PROXY_LLM_BASE_URL'];
  if (model || baseURL) {
    if (!model) add('SEAM_PROXY_LLM_MODEL', 'SEAM_PROXY_LLM_BASE_URL is set but no model is named', 'set SEAM_PROXY_LLM_MODEL (e.g. gpt-4o-mini, llama3.1:8b), or unset the base URL to use the embedded engine');
    const url = baseURL || 'https://api.openai.com/v1';
    try {
      const u = new URL(url);
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('not http(s)');
    } catch {
      add('SEAM_PROXY_LLM_BASE_URL', `"${url}" is not an http(s) URL`, 'set it to the OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1');
    }
    let apiKey = env['SEAM_PROXY_LLM_API_KEY'] ?? (typeof fileSecrets.llmApiKey === 'string' ? fileSecrets.llmApiKey : undefined);
    const keyFilePath = env['SEAM_PROXY_LLM_API_KEY_FILE'];
    if (keyFilePath) {
      try { apiKey = readFile(keyFilePath).trim(); } catch (e) {
        add('SEAM_PROXY_LLM_API_KEY_FILE', `cannot read ${keyFilePath} (${(e as Error).message})`, 'point it at a readable file holding only the key');
      }
    }
    // Local servers (llama.cpp, Ollama, vLLM) accept any key; OpenAI itself needs a real one.
    if (!apiKey && /api\.openai\.com/.test(url)) add('SEAM_PROXY_LLM_API_KEY', 'no API key for api.openai.com', 'set SEAM_PROXY_LLM_API_KEY, SEAM_PROXY_LLM_API_KEY_FILE or llmApiKey in the secrets file');
    const tempRaw = env['SEAM_PROXY_LLM_TEMPERATURE'] ?? '0';
    const temperature = tempRaw === 'omit' ? undefined : Number(tempRaw);
    if (temperature !== undefined && !(Number.isFinite(temperature) && temperature >= 0 && temperature <= 2)) {
      add('SEAM_PROXY_LLM_TEMPERATURE', `"${tempRaw}" is not a number from 0 to 2`, 'set 0 (deterministic, the default), another value up to 2, or "omit" for models that reject the parameter');
    }
    const maxOut = env['SEAM_PROXY_LLM_MAX_OUTPUT_TOKENS'] ? int('SEAM_PROXY_LLM_MAX_OUTPUT_TOKENS', 0, 16, 100_000) : undefined;
    llm = {
      baseURL: url,
      ...(temperature !== undefined && Number.isFinite(temperature) ? { temperature } : {}),
      ...(maxOut ? { maxOutputTokens: maxOut } : {}),
      model: model ?? '',
      apiKey: apiKey || 'not-needed',
      timeoutMs: int('SEAM_PROXY_LLM_TIMEOUT_MS', 20_000, 100, 600_000),
      deadlineMs: int('SEAM_PROXY_LLM_DEADLINE_MS', 45_000, 100, 3_600_000),
      maxRetries: int('SEAM_PROXY_LLM_MAX_RETRIES', 2, 0, 10),
      backoffMs: int('SEAM_PROXY_LLM_BACKOFF_MS', 500, 0, 60_000),
      priceInputPerMTok: num('SEAM_PROXY_LLM_PRICE_INPUT_PER_MTOK', 0),
      priceOutputPerMTok: num('SEAM_PROXY_LLM_PRICE_OUTPUT_PER_MTOK', 0),
    };
  }

  let knowledge: KnowledgeConfig | undefined;
  const backend = (env['SEAM_KNOWLEDGE_BACKEND'] || 'sqlite').toLowerCase();
  if (backend !== 'off') {
    if (backend !== 'sqlite' && backend !== 'postgres') add('SEAM_KNOWLEDGE_BACKEND', `"${backend}" is not a backend`, 'use sqlite (on-disk, no server), postgres, or off');
    const postgresUrl = env['SEAM_KNOWLEDGE_POSTGRES_URL'];
    if (backend === 'postgres' && !postgresUrl) add('SEAM_KNOWLEDGE_POSTGRES_URL', 'is not set but SEAM_KNOWLEDGE_BACKEND=postgres', 'set it to postgres://user:password@host:5432/db (the database needs the pgvector extension)');
    const minRaw = env['SEAM_KNOWLEDGE_MIN_RELEVANCE'];
    const minRelevance = minRaw === undefined || minRaw === '' ? undefined : Number(minRaw);
    if (minRelevance !== undefined && !(Number.isFinite(minRelevance) && minRelevance >= 0 && minRelevance <= 1)) add('SEAM_KNOWLEDGE_MIN_RELEVANCE', `"${minRaw}" is not a number from 0 to 1`, 'set a share such as 0.5 (the default), or unset it');
    // The same variables as @seam/knowledge's ingestion CLI, so one environment serves both.
    let embeddings: KnowledgeConfig['embeddings'];
    let localEmbedder: KnowledgeConfig['localEmbedder'];
    const embUrl = env['SEAM_KNOWLEDGE_EMBEDDINGS_URL'];
    const embKind = (env['SEAM_KNOWLEDGE_EMBEDDER'] || (embUrl ? 'openai' : 'none')).toLowerCase();
    if (!['none', 'openai', 'use-lite'].includes(embKind)) add('SEAM_KNOWLEDGE_EMBEDDER', `"${embKind}" is not an embedder`, 'use use-lite (local model, no server), openai (with SEAM_KNOWLEDGE_EMBEDDINGS_URL), or none');
    else if (embKind === 'openai' && !embUrl) add('SEAM_KNOWLEDGE_EMBEDDER', 'is openai but SEAM_KNOWLEDGE_EMBEDDINGS_URL is not set', 'set the endpoint, or use use-lite for the local model');
    else if (embKind !== 'openai' && embUrl) add('SEAM_KNOWLEDGE_EMBEDDINGS_URL', `is set but SEAM_KNOWLEDGE_EMBEDDER is ${embKind}`, 'unset one of them');
    if (embKind === 'use-lite') {
      const cache = env['SEAM_KNOWLEDGE_EMBEDDINGS_CACHE'] || '.seam-state/embeddings-cache.sqlite';
      localEmbedder = { model: 'use-lite', cache: cache.toLowerCase() === 'off' ? null : cache };
    }
    if (embUrl && embKind === 'openai') {
      const embModel = env['SEAM_KNOWLEDGE_EMBEDDINGS_MODEL'];
      const dims = Number(env['SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS']);
      if (!/^https?:\/\//.test(embUrl)) add('SEAM_KNOWLEDGE_EMBEDDINGS_URL', `"${embUrl}" is not an http(s) URL`, 'set the OpenAI-compatible base, e.g. http://127.0.0.1:11434/v1, or unset it for lexical search');
      if (!embModel) add('SEAM_KNOWLEDGE_EMBEDDINGS_MODEL', 'is missing but SEAM_KNOWLEDGE_EMBEDDINGS_URL is set', 'name the embedding model, e.g. text-embedding-3-small');
      if (!Number.isInteger(dims) || dims < 1) add('SEAM_KNOWLEDGE_EMBEDDINGS_DIMENSIONS', 'is missing or not a positive integer', "set the model's vector length, e.g. 1536");
      const embKey = env['SEAM_KNOWLEDGE_EMBEDDINGS_API_KEY'] ?? llm?.apiKey ?? 'not-needed';
      if (embModel && Number.isInteger(dims) && dims > 0) embeddings = { baseURL: embUrl, model: embModel, dimensions: dims, apiKey: embKey };
    }
    knowledge = {
      backend: backend === 'postgres' ? 'postgres' : 'sqlite',
      path: env['SEAM_KNOWLEDGE_PATH'] || '.seam-state/knowledge.sqlite',
      ...(postgresUrl ? { postgresUrl } : {}),
      ...(embeddings ? { embeddings } : {}),
      ...(localEmbedder ? { localEmbedder } : {}),
      ...(minRelevance !== undefined && Number.isFinite(minRelevance) ? { minRelevance } : {}),
    };
  }

  let redis: ProxyConfig['redis'];
  const redisUrl = env['SEAM_PROXY_REDIS_URL'];
  if (redisUrl) {
    let ok = false;
    try { ok = ['redis:', 'rediss:'].includes(new URL(redisUrl).protocol); } catch { ok = false; }
    if (!ok) add('SEAM_PROXY_REDIS_URL', `"${redisUrl.replace(/\/\/[^@/]*@/, '//***@')}" is not a redis:// or rediss:// URL`, 'set it like redis://127.0.0.1:6379/0 (rediss:// for TLS), or unset it to keep the in-process store');
    const prefix = env['SEAM_PROXY_REDIS_PREFIX'] ?? 'seam:proxy:';
    if (!/^[A-Za-z0-9:_.-]{1,64}$/.test(prefix)) add('SEAM_PROXY_REDIS_PREFIX', `"${prefix}" is not a simple key prefix`, 'use letters, digits and : _ . - (at most 64), e.g. seam:proxy:');
    redis = { url: redisUrl, prefix };
  }

  const auditFile = env['SEAM_PROXY_AUDIT_LOG'] ?? '.seam-state/proxy-audit.jsonl';
  const config: ProxyConfig = {
    host: env['SEAM_PROXY_HOST'] || '127.0.0.1',
    port: int('SEAM_PROXY_PORT', 8787, 0, 65535),
    clients,
    hmac,
    hmacMaxSkewSeconds: int('SEAM_PROXY_HMAC_MAX_SKEW_SECONDS', 300, 1, 3600),
    maxBodyBytes: int('SEAM_PROXY_MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    rateLimit: { perMinute: int('SEAM_PROXY_RATE_LIMIT_PER_MINUTE', 120, 1, 1_000_000), burst: int('SEAM_PROXY_RATE_LIMIT_BURST', 30, 1, 100_000) },
    ...(certFile && keyFile ? { tls: { certFile, keyFile } } : {}),
    ...(llm ? { llm } : {}),
    modelDir: env['SEAM_PROXY_MODEL_DIR'] || DEFAULT_MODEL_DIR,
    ...(auditFile && auditFile !== 'off'
      ? { audit: { file: auditFile, maxBytes: int('SEAM_PROXY_AUDIT_MAX_BYTES', 10 * 1024 * 1024, 1024, 2 ** 31), keepFiles: int('SEAM_PROXY_AUDIT_KEEP_FILES', 5, 1, 100) } }
      : {}),
    cache: { maxEntries: int('SEAM_PROXY_CACHE_MAX_ENTRIES', 10_000, 1, 10_000_000), ttlSeconds: int('SEAM_PROXY_CACHE_TTL_SECONDS', 86_400, 1, 30 * 86_400) },
    ...(knowledge ? { knowledge } : {}),
    ...(redis ? { redis } : {}),
  };
  return problems.length > 0 ? { ok: false, error: problems } : { ok: true, value: config };
}

/** Like `parseConfig`, but throws a `ConfigError` listing every problem: for startup code. */
export function loadConfig(env: Env = process.env, readFile?: (path: string) => string): ProxyConfig {
  const r = parseConfig(env, readFile);
  if (!r.ok) throw new ConfigError(r.error);
  return r.value;
}
