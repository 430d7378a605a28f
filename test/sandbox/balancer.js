// A round-robin HTTP load balancer on loopback, in front of N proxy replicas (`npm start -- --redis`):
// the simplest "any load balancer" there is, so the sandbox really spreads calls over replicas.
import { createServer, request } from 'node:http';

/**
 * @param {string[]} targets base URLs (http://127.0.0.1:port) of the replicas
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startRoundRobin(targets) {
  let next = 0;
  const server = createServer((req, res) => {
    const target = new URL(targets[next++ % targets.length]);
    const up = request({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    up.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'replica unreachable', detail: e.message, problems: [] } }));
    });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', () => r(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => { server.close(() => r(undefined)); server.closeAllConnections?.(); }),
  };
}
