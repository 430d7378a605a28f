/** JSON responses and the error shape the contracts fix: `{ error: { message, detail, problems } }`. */
import type { ServerResponse } from 'node:http';

export interface Problem {
  readonly field: string;
  readonly problem: string;
  readonly fix: string;
  readonly value?: unknown;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  detail: string,
  problems: readonly Problem[] = [],
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, detail, problems } }, headers);
}
