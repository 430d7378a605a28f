// @ts-check
/**
 * Starts the twin in a child process (see cli.js for why) and gives back its URL and controls.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

/**
 * @param {import('./index.js').ServiceNowTwinOptions} options serialisable options only (no `now`)
 * @param {{ adminAuth?: string }} [control] credentials for the /twin/* controls (default admin:admin)
 */
export async function startServiceNowTwinProcess(options = {}, control = {}) {
  const cli = fileURLToPath(new URL('./cli.js', import.meta.url));
  const child = spawn(process.execPath, [cli, '--config', JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) });
  const first = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`ServiceNow twin process exited with code ${code} before it listened; see its stderr above`)));
    lines.once('line', (line) => resolve(JSON.parse(line)));
  });
  child.removeAllListeners('exit');
  const auth = control.adminAuth ?? 'Basic ' + Buffer.from('admin:admin').toString('base64');
  /** @param {string} path @param {string} method @param {unknown} [body] */
  const ctl = async (path, method, body) => {
    const res = await fetch(first.url + path, { method, headers: { authorization: auth, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`twin control ${method} ${path} failed: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  return {
    /** @type {string} */
    url: first.url,
    app: first.app,
    child,
    /** @param {{ allJobs?: boolean }} [opts] */
    runJobs: (opts = {}) => ctl(`/twin/run-jobs${opts.allJobs ? '?all=true' : ''}`, 'POST'),
    logs: () => ctl('/twin/logs', 'GET'),
    /** @param {Record<string, string>} props */
    setProperties: (props) => ctl('/twin/properties', 'PATCH', props),
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
