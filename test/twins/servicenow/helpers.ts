export const basic = (user: string, password: string) => 'Basic ' + Buffer.from(`${user}:${password}`).toString('base64');
export const ADMIN = basic('admin', 'admin');
export const INTEGRATION = basic('seam.integration', 'integration');
export const NO_ROLES = basic('no.roles', 'noroles');

export async function call(url: string, init: RequestInit & { auth?: string; json?: unknown } = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.auth) headers.authorization = init.auth;
  let body = init.body;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  }
  const res = await fetch(url, { ...init, headers, body });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, headers: res.headers, text, json: text && isJson ? JSON.parse(text) : undefined };
}

/**
 * Incident fields for a wanted priority: on an instance the priority data lookup derives priority
 * from urgency × impact on insert, so a test sets those (and priority, which the lookup confirms).
 */
export function ofPriority(priority: string): { urgency: string; impact: string; priority: string } {
  const ui: Record<string, [string, string]> = { 1: ['1', '1'], 2: ['1', '2'], 3: ['1', '3'], 4: ['2', '3'], 5: ['3', '3'] };
  const [urgency, impact] = ui[priority] ?? ['3', '3'];
  return { urgency, impact, priority };
}
