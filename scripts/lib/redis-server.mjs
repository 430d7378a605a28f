// Starts Debian's redis-server on a free loopback port in a directory of its own (no persistence),
// for the proxy's scale-out tests, `npm start -- --redis` and the bench. Never a mock.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_INSTALL_HINT = 'redis-server is not installed: run "sudo apt-get install -y redis-server" (Debian/Ubuntu; .ci/run does this), or set REDIS_SERVER to its path';

/** The redis-server binary, or undefined when it is not installed. */
export function findRedisServer() {
  const candidates = [process.env.REDIS_SERVER, 'redis-server', '/usr/bin/redis-server', '/usr/sbin/redis-server'].filter(Boolean);
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' });
    if (r.status === 0) return c;
  }
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The process id of the redis-server answering on the port (INFO server), or 0 when none answers. */
function answeringPid(port) {
  return new Promise((resolve) => {
    const sock = connect(port, '127.0.0.1');
    let buf = '';
    sock.setTimeout(500, () => { sock.destroy(); resolve(0); });
    sock.on('error', () => resolve(0));
    sock.on('data', (d) => {
      buf += d;
      const m = /process_id:(\d+)/.exec(buf);
      if (m) { sock.end(); resolve(Number(m[1])); } else if (buf.startsWith('-')) { sock.end(); resolve(0); }
    });
    sock.write('INFO server\r\n');
  });
}

/**
 * @param {{ dir?: string, port?: number }} [options] dir: where redis runs (default: a new temp dir, removed on stop)
 * @returns {Promise<{ url: string, port: number, pid: number, stop(): Promise<void> }>}
 */
export async function startRedisServer(options = {}) {
  const bin = findRedisServer();
  if (!bin) throw new Error(REDIS_INSTALL_HINT);
  const ownDir = !options.dir;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'seam-redis-'));
  // A free port can be taken by another process between our probe and redis binding it (tests run
  // in parallel): then redis exits and we try another port. The answer must come from our own
  // child (INFO's process_id), never from another test's server that happens to hold the port.
  let attempt;
  for (let tries = 0; ; tries++) {
    attempt = await launch(bin, dir, options.port ?? (await freePort()));
    if (attempt.ok || options.port !== undefined || tries >= 4) break;
  }
  if (!attempt.ok) {
    if (ownDir) rmSync(dir, { recursive: true, force: true });
    throw new Error(attempt.error);
  }
  const { child, port } = attempt;
  let exited = false;
  child.once('exit', () => { exited = true; });
  if (child.exitCode !== null || child.signalCode !== null) exited = true;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    async stop() {
      if (!exited) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 3_000))]);
        if (!exited) child.kill('SIGKILL');
      }
      if (ownDir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One try: spawn redis on the port and wait until it (not another server) answers. */
async function launch(bin, dir, port) {
  const child = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = false;
  child.once('exit', () => { exited = true; });
  const deadline = Date.now() + 10_000;
  while ((await answeringPid(port)) !== child.pid) {
    if (exited || Date.now() > deadline) {
      child.kill('SIGKILL');
      return { ok: false, error: `redis-server did not start on 127.0.0.1:${port}: ${stderr.trim() || 'no answer to INFO within 10 s'}` };
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { ok: true, child, port };
}
