// @ts-check
/**
 * A blocking HTTP call for the synchronous Glide engine: RESTMessageV2.execute() returns the
 * response, as on the platform. One worker thread does the fetch; the calling thread sleeps in
 * Atomics.wait and then takes the reply off a MessagePort with receiveMessageOnPort.
 *
 * The calling thread is blocked for the whole call, so the target must NOT be served by the same
 * thread (run the twins in separate processes or workers, see README).
 */
import { Worker, MessageChannel, receiveMessageOnPort } from 'node:worker_threads';

/** @typedef {{ url: string, method: string, headers: Record<string, string>, body?: string, timeoutMs: number }} SyncRequest */
/** @typedef {{ ok: true, status: number, headers: Record<string, string>, body: string } | { ok: false, error: string, code: number }} SyncResponse */

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', async ({ req, port, signal }) => {
  const flag = new Int32Array(signal);
  let reply;
  try {
    const res = await fetch(req.url, {
      method: req.method, headers: req.headers,
      body: req.body === undefined || req.method === 'GET' || req.method === 'HEAD' ? undefined : req.body,
      signal: AbortSignal.timeout(req.timeoutMs), redirect: 'follow',
    });
    const headers = {};
    res.headers.forEach((v, k) => { headers[k] = v; });
    reply = { ok: true, status: res.status, headers, body: await res.text() };
  } catch (e) {
    const timedOut = e && (e.name === 'TimeoutError' || e.name === 'AbortError');
    const c = e && e.cause;
    const code = c && (c.code || (c.errors && c.errors[0] && c.errors[0].code));
    const cause = code ? ' (' + code + ')' : c && c.message ? ' (' + c.message + ')' : '';
    reply = { ok: false, code: timedOut ? 1 : -1, error: (timedOut ? 'Request timed out after ' + req.timeoutMs + ' ms' : String(e && e.message)) + cause };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
});
`;

/** @type {Worker | undefined} */
let worker;

function getWorker() {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref(); // an idle worker must not keep the process alive
  }
  return worker;
}

/**
 * @param {SyncRequest} req
 * @returns {SyncResponse}
 */
export function httpRequestSync(req) {
  const signal = new SharedArrayBuffer(4);
  const flag = new Int32Array(signal);
  const { port1, port2 } = new MessageChannel();
  getWorker().postMessage({ req, port: port2, signal }, [port2]);
  // The worker enforces the timeout itself; the extra second covers its own scheduling.
  const waited = Atomics.wait(flag, 0, 0, req.timeoutMs + 1000);
  const msg = receiveMessageOnPort(port1);
  port1.close();
  if (waited === 'timed-out' && !msg) return { ok: false, code: 1, error: `Request timed out after ${req.timeoutMs} ms` };
  if (!msg) return { ok: false, code: -1, error: 'HTTP worker returned no reply' };
  return msg.message;
}

/** Stops the worker (tests and shutdown). */
export async function stopSyncHttp() {
  const w = worker;
  worker = undefined;
  if (w) await w.terminate();
}
