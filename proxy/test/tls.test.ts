/** With SEAM_PROXY_TLS_CERT_FILE / _KEY_FILE set, the proxy serves HTTPS only. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProxyServer } from '../src/index.js';
import { smallModel, SN_SECRET, testConfig, triageBody } from './helpers/fixtures.js';

function hasOpenssl(): boolean {
  try { execFileSync('openssl', ['version']); return true; } catch { return false; }
}

describe.runIf(hasOpenssl())('TLS', () => {
  it('serves the API over HTTPS with the configured certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seam-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    const proxy = createProxyServer(testConfig({ SEAM_PROXY_TLS_CERT_FILE: cert, SEAM_PROXY_TLS_KEY_FILE: key }), { triageModel: smallModel() });
    const { url, port } = await proxy.listen(0, '127.0.0.1');
    expect(url.startsWith('https://')).toBe(true);
    const payload = JSON.stringify(triageBody());
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/v1/triage', method: 'POST', ca: readFileSync(cert), headers: { authorization: `Bearer ${SN_SECRET}`, 'content-type': 'application/json' } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => { body += c.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end(payload);
    });
    await proxy.close();
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).engine).toBe('embedded');
  });
});
