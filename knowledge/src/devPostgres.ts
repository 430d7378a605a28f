/**
 * Starts a real, throwaway PostgreSQL for the tests and the bench: initdb into a temp dir, a loopback port, trust
 * auth, pgvector enabled. As root it runs the server as the `postgres` user (initdb refuses root).
 * Absent binaries or pgvector are a failure with the install command, never a silent skip.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestPostgres {
  url: string;
  stop(): Promise<void>;
}

const INSTALL_HINT =
  'PostgreSQL 15 with pgvector is needed for the knowledge postgres tests: run `bash knowledge/scripts/install-postgres.sh` as root ' +
  '(installs Debian\'s postgresql-15 and builds pgvector from Debian\'s source package when bookworm has no binary package); .ci/run does this';

function binDir(): string {
  const candidates = [process.env['SEAM_PG_BIN'], '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'].filter(Boolean) as string[];
  for (const d of candidates) if (fs.existsSync(path.join(d, 'initdb'))) return d;
  throw new Error(`no initdb found (looked in ${candidates.join(', ')}). ${INSTALL_HINT}`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seam-pg-'));
  const data = path.join(dir, 'data');
  const user = root ? 'postgres' : os.userInfo().username;
  if (root) spawnSync('chown', ['-R', 'postgres:postgres', dir]);
  const as = (cmd: string, args: string[]): SpawnSyncReturns<string> =>
    root ? spawnSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { encoding: 'utf8' }) : spawnSync(cmd, args, { encoding: 'utf8' });
  const check = (r: SpawnSyncReturns<string>, what: string): void => {
    if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${(r.stderr || r.stdout || String(r.error)).trim().slice(-800)}`);
  };
  check(as(path.join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']), 'initdb');
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB`;
  check(as(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']), 'pg_ctl start');
  const url = `postgres://${user}@127.0.0.1:${port}/postgres`;
  const stop = async (): Promise<void> => {
    as(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const ext = ['vector.control'].some((f) => fs.existsSync(path.join(spawnSync(path.join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' }).stdout.trim(), 'extension', f)));
  if (!ext) {
    await stop();
    throw new Error(`PostgreSQL has no pgvector extension. ${INSTALL_HINT}`);
  }
  return { url, stop };
}
