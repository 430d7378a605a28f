/**
 * Who is calling: each platform holds its own secret. Either `Authorization: Bearer <secret>`, or
 * an HMAC-signed request (`X-Seam-Client`, `X-Seam-Timestamp`, `X-Seam-Signature: v1=<hex>` where
 * the signature is HMAC-SHA256(secret, `${timestamp}.${rawBody}`)). Every comparison is constant
 * time, and a bearer token is compared against every client so timing does not reveal which exists.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type HmacMode = 'off' | 'optional' | 'required';

export interface AuthOptions {
  /** client name → secret */
  readonly clients: Readonly<Record<string, string>>;
  readonly hmac: HmacMode;
  /** Largest accepted clock skew for signed requests. */
  readonly maxSkewSeconds: number;
}

export type AuthResult =
  | { readonly ok: true; readonly client: string; readonly method: 'bearer' | 'hmac' }
  | { readonly ok: false; readonly problem: string; readonly fix: string };

type Headers = Readonly<Record<string, string | string[] | undefined>>;

/** Hash both sides first so the compared buffers always have equal length. */
function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

function header(headers: Headers, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function signRequest(secret: string, timestamp: number, rawBody: string | Buffer): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export function authenticate(headers: Headers, rawBody: Buffer, options: AuthOptions, nowSeconds: number): AuthResult {
  const signature = header(headers, 'x-seam-signature');
  if (signature !== undefined && options.hmac !== 'off') return verifyHmac(headers, signature, rawBody, options, nowSeconds);
  if (options.hmac === 'required') {
    return {
      ok: false,
      problem: 'header X-Seam-Signature is missing; this proxy accepts only HMAC-signed requests',
      fix: 'send X-Seam-Client, X-Seam-Timestamp and X-Seam-Signature: v1=HMAC-SHA256(secret, "<timestamp>.<body>")',
    };
  }
  const authz = header(headers, 'authorization');
  const match = authz ? /^Bearer\s+(.+)$/i.exec(authz.trim()) : null;
  if (!match) {
    return { ok: false, problem: 'header Authorization is missing or not a Bearer token', fix: 'send Authorization: Bearer <the secret configured for your platform>' };
  }
  const token = (match[1] ?? '').trim();
  let found: string | undefined;
  for (const [client, secret] of Object.entries(options.clients)) {
    if (sameSecret(token, secret) && found === undefined) found = client;
  }
  if (found === undefined) {
    return { ok: false, problem: 'the bearer token matches no configured client', fix: 'use the secret from SEAM_PROXY_CLIENT_SECRETS (or the secrets file) for your platform' };
  }
  return { ok: true, client: found, method: 'bearer' };
}

function verifyHmac(headers: Headers, signature: string, rawBody: Buffer, options: AuthOptions, nowSeconds: number): AuthResult {
  const client = header(headers, 'x-seam-client') ?? '';
  const ts = Number(header(headers, 'x-seam-timestamp'));
  const secret = Object.prototype.hasOwnProperty.call(options.clients, client) ? options.clients[client] : undefined;
  if (!Number.isInteger(ts) || Math.abs(nowSeconds - ts) > options.maxSkewSeconds) {
    return { ok: false, problem: 'header X-Seam-Timestamp is missing or too far from the proxy clock', fix: `send the current Unix time in seconds (allowed skew ${options.maxSkewSeconds}s)` };
  }
  // Compute even for an unknown client so the response time does not reveal client names.
  const expected = signRequest(secret ?? 'unknown-client', ts, rawBody);
  const good = sameSecret(signature.trim(), expected);
  if (!secret || !good) {
    return { ok: false, problem: 'header X-Seam-Signature does not match (or X-Seam-Client is unknown)', fix: 'sign "<timestamp>.<raw body>" with HMAC-SHA256 and your platform secret; send v1=<hex>' };
  }
  return { ok: true, client, method: 'hmac' };
}
