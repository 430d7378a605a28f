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
