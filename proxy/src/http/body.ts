/** Reads a request body up to a byte limit; beyond it the caller answers 413 without buffering more. */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { readonly ok: true; readonly raw: Buffer } | { readonly ok: false; readonly tooLarge: true };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolvePromise({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        resolvePromise({ ok: false, tooLarge: true });
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => { if (!done) { done = true; resolvePromise({ ok: true, raw: Buffer.concat(chunks) }); } });
    req.on('error', (e) => { if (!done) { done = true; reject(e); } });
  });
}
