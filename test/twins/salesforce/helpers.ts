// Test helpers: a twin driven by the real ownership map, and a token-carrying fetch.
import { OWNERSHIP } from '../../../shared/src/ownership';
import { createSalesforceTwin, mappingsFromOwnership, type SalesforceTwin } from './index.js';

export const API = '/services/data/v62.0';

/** Mapping records exactly as the build renders them from `shared/src/ownership.ts`. */
export const realMappings = () => mappingsFromOwnership(OWNERSHIP);

export async function startTwin(options: Parameters<typeof createSalesforceTwin>[0] = {}): Promise<SalesforceTwin> {
  return createSalesforceTwin({ mappings: realMappings(), ...options });
}

export interface Client {
  token: string;
  call: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<{ status: number; body: any; headers: Headers }>;
}

/** Gets a token through the real OAuth endpoint and returns a small JSON client. */
export async function client(twin: SalesforceTwin): Promise<Client> {
  const res = await fetch(`${twin.url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: twin.clientId, client_secret: twin.clientSecret }),
  });
  const tok = await res.json();
  const c: Client = {
    token: tok.access_token,
    async call(method, path, body, headers = {}) {
      const r = await fetch(`${twin.url}${path.startsWith('/services') ? path : API + path}`, {
        method,
        headers: { authorization: `Bearer ${c.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null, headers: r.headers };
    },
  };
  return c;
}

export const q = (soql: string) => `/query?q=${encodeURIComponent(soql)}`;
