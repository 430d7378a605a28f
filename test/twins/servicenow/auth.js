// @ts-check
/**
 * Who is calling: basic auth against the twin's users, or a bearer token issued by
 * POST /oauth_token.do (client credentials or password grant).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

/** @typedef {{ user_name: string, password: string, roles: string[], name?: string, sys_id?: string }} TwinUser */
/** @typedef {{ client_id: string, client_secret: string, user_name: string }} OAuthClient */
/** @typedef {import('./glide/host.js').SessionUser} SessionUser */

/** Users every twin has unless told otherwise: an admin and the integration user the app's API expects. */
export const DEFAULT_USERS = /** @type {TwinUser[]} */ ([
  { user_name: 'admin', password: 'admin', roles: ['admin'], name: 'System Administrator' },
  { user_name: 'seam.integration', password: 'integration', roles: ['x_seam_bridge.integration', 'itil', 'knowledge'], name: 'Seam Integration' },
  { user_name: 'itil.agent', password: 'itil', roles: ['itil'], name: 'Service Desk Agent' },
  { user_name: 'no.roles', password: 'noroles', roles: [], name: 'No Roles' },
  { user_name: 'seam.admin', password: 'seamadmin', roles: ['x_seam_bridge.admin'], name: 'Seam Administrator' },
  { user_name: 'routing.admin', password: 'routing', roles: ['x_seam_bridge.routing_admin'], name: 'Routing Administrator' },
]);

export const DEFAULT_OAUTH_CLIENTS = /** @type {OAuthClient[]} */ ([
  { client_id: 'seam-client', client_secret: 'seam-secret', user_name: 'seam.integration' },
]);

/** @param {string} a @param {string} b */
const same = (a, b) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export class Authenticator {
  /**
   * @param {{ users: TwinUser[], clients: OAuthClient[], now: () => Date, tokenTtlSeconds?: number }} options
   * @param {(u: TwinUser) => string} register ensures a sys_user row and returns its sys_id
   * @param {(roles: string[]) => string[]} [expandRoles] adds contained roles
   */
  constructor(options, register, expandRoles = (r) => r) {
    this.expandRoles = expandRoles;
    this.users = new Map(options.users.map((u) => [u.user_name, { ...u, sys_id: u.sys_id ?? register(u) }]));
    this.clients = options.clients;
    this.now = options.now;
    this.ttl = options.tokenTtlSeconds ?? 1799;
    /** @type {Map<string, { user_name: string, expires: number }>} */
    this.tokens = new Map();
  }

  /** @param {string} userName @returns {SessionUser | null} */
  session(userName) {
    const u = this.users.get(userName);
    return u ? { sys_id: /** @type {string} */ (u.sys_id), user_name: u.user_name, roles: this.expandRoles([...u.roles]) } : null;
  }

  /**
   * @param {string | undefined} header the Authorization header
   * @returns {SessionUser | null} null for missing, malformed, wrong or expired credentials
   */
  authenticate(header) {
    if (!header) return null;
    const [scheme, value = ''] = header.split(' ');
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i < 0) return null;
      const u = this.users.get(decoded.slice(0, i));
      return u && same(u.password, decoded.slice(i + 1)) ? this.session(u.user_name) : null;
    }
    if (/^bearer$/i.test(scheme)) {
      const t = this.tokens.get(value);
      if (!t || t.expires <= this.now().getTime()) return null;
      return this.session(t.user_name);
    }
    return null;
  }

  /**
   * The /oauth_token.do exchange.
   * @param {URLSearchParams} form
   * @returns {{ status: number, body: Record<string, unknown> }}
   */
  token(form) {
    const grant = form.get('grant_type');
    const client = this.clients.find((c) => c.client_id === form.get('client_id') && same(c.client_secret, form.get('client_secret') ?? ''));
    const denied = { status: 401, body: { error_description: 'access_denied', error: 'server_error' } };
    if (!client) return denied;
    let userName = client.user_name;
    if (grant === 'password') {
      const u = this.users.get(form.get('username') ?? '');
      if (!u || !same(u.password, form.get('password') ?? '')) return denied;
      userName = u.user_name;
    } else if (grant === 'refresh_token') {
      const t = this.tokens.get(`r:${form.get('refresh_token')}`);
      if (!t) return denied;
      userName = t.user_name;
    } else if (grant !== 'client_credentials') {
      return { status: 400, body: { error_description: `grant_type "${grant}" is not supported; use client_credentials, password or refresh_token`, error: 'unsupported_grant_type' } };
    }
    const access = randomBytes(24).toString('base64url');
    const refresh = randomBytes(24).toString('base64url');
    const expires = this.now().getTime() + this.ttl * 1000;
    this.tokens.set(access, { user_name: userName, expires });
    this.tokens.set(`r:${refresh}`, { user_name: userName, expires: Infinity });
    return { status: 200, body: { access_token: access, refresh_token: refresh, scope: 'useraccount', token_type: 'Bearer', expires_in: this.ttl } };
  }
}
