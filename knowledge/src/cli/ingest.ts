#!/usr/bin/env node
/** `npm run knowledge:ingest -- --help`: incremental ingestion of both knowledge bases. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeConfigFromEnv } from '../config.js';
import { openKnowledgeIndex } from '../index.js';
import { ingest, progressBar } from '../ingest/run.js';
import type { SalesforceSourceOptions, ServiceNowSourceOptions } from '../ingest/sources.js';

const HELP = `usage: npm run knowledge:ingest -- [options]

Reads new, changed, retired and archived articles since the last run into the knowledge index
(SEAM_KNOWLEDGE_* variables, see knowledge/README.md), saving a checkpoint after every page.

  --source servicenow|salesforce|both   which knowledge base(s) (default: both)
  --sn-url URL          ServiceNow instance (SEAM_SN_URL)
  --sn-user NAME        basic auth user (SEAM_SN_USER; password in SEAM_SN_PASSWORD),
                        or SEAM_SN_TOKEN for an OAuth bearer token
  --sf-url URL          Salesforce My Domain URL (SEAM_SF_URL)
                        auth: SEAM_SF_CLIENT_ID + SEAM_SF_CLIENT_SECRET (client credentials flow),
                        or SEAM_SF_ACCESS_TOKEN
  --sf-body-fields F,G  Knowledge__kav rich-text fields holding the body (default Answer__c)
  --sf-api-version V    default 62.0
  --checkpoint FILE     default .seam-state/knowledge-ingest.json
  --full                ignore the checkpoint and read everything again
  --dry-run             read and count; write neither the index nor the checkpoint
  --page-size N         records per request (default 100 ServiceNow, 200 Salesforce)
  --progress MODE       auto|bar|plain|none (default auto: a bar on a terminal, lines otherwise)
  --json                print the report as JSON
`;

function fail(problems: string[]): never {
  console.error(`knowledge:ingest:\n  ${problems.join('\n  ')}\n(see --help)`);
  process.exit(2);
}

async function salesforceToken(url: string, id: string, secret: string): Promise<{ token: string; instanceUrl: string }> {
  const res = await fetch(`${url}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
  });
  const body = (await res.json().catch(() => ({}))) as { access_token?: string; instance_url?: string; error?: string };
  if (res.status !== 200 || !body.access_token) {
    throw new Error(`Salesforce token endpoint answered HTTP ${res.status} (${body.error ?? 'no token'}); check SEAM_SF_CLIENT_ID/SECRET and that the connected app allows the client credentials flow with a Run As user`);
  }
  return { token: body.access_token, instanceUrl: (body.instance_url ?? url).replace(/\/+$/, '') };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'both' },
      'sn-url': { type: 'string' },
      'sn-user': { type: 'string' },
      'sf-url': { type: 'string' },
      'sf-body-fields': { type: 'string', default: 'Answer__c' },
      'sf-api-version': { type: 'string', default: '62.0' },
      checkpoint: { type: 'string', default: '.seam-state/knowledge-ingest.json' },
      full: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'page-size': { type: 'string' },
      progress: { type: 'string', default: 'auto' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const env = process.env;
  // Relative paths mean relative to where the user ran npm, not to this workspace.
  const cwd = env['INIT_CWD'] ?? process.cwd();
  const checkpointFile = path.resolve(cwd, values.checkpoint as string);
  if (env['SEAM_KNOWLEDGE_PATH'] && env['SEAM_KNOWLEDGE_PATH'] !== ':memory:') env['SEAM_KNOWLEDGE_PATH'] = path.resolve(cwd, env['SEAM_KNOWLEDGE_PATH']);
  else if (!env['SEAM_KNOWLEDGE_PATH']) env['SEAM_KNOWLEDGE_PATH'] = path.resolve(cwd, '.seam-state/knowledge.sqlite');
  const problems: string[] = [];
  const source = values.source as string;
  if (!['servicenow', 'salesforce', 'both'].includes(source)) problems.push(`--source "${source}" must be servicenow, salesforce or both`);
  const progress = values.progress as string;
  if (!['auto', 'bar', 'plain', 'none'].includes(progress)) problems.push(`--progress "${progress}" must be auto, bar, plain or none`);
  const pageSize = values['page-size'] === undefined ? undefined : Number(values['page-size']);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize >= 1 && pageSize <= 2000)) problems.push(`--page-size "${values['page-size']}" must be a whole number from 1 to 2000`);
  const url = (name: string, v: string | undefined): string => {
    if (!v) problems.push(`${name} is missing; pass it or set its environment variable`);
    else if (!/^https?:\/\/[^\s/]+/.test(v)) problems.push(`${name} "${v}" is not an http(s) URL`);
    return (v ?? '').replace(/\/+$/, '');
  };

  let servicenow: ServiceNowSourceOptions | undefined;
  if (source !== 'salesforce') {
    const base = url('--sn-url (SEAM_SN_URL)', values['sn-url'] ?? env['SEAM_SN_URL']);
    const user = values['sn-user'] ?? env['SEAM_SN_USER'];
    let authorization = '';
    if (env['SEAM_SN_TOKEN']) authorization = `Bearer ${env['SEAM_SN_TOKEN']}`;
    else if (user && env['SEAM_SN_PASSWORD']) authorization = `Basic ${Buffer.from(`${user}:${env['SEAM_SN_PASSWORD']}`).toString('base64')}`;
    else problems.push('ServiceNow credentials are missing: set --sn-user with SEAM_SN_PASSWORD, or SEAM_SN_TOKEN');
    servicenow = { url: base, authorization, ...(pageSize ? { pageSize } : {}) };
  }
  let salesforce: SalesforceSourceOptions | undefined;
  let sfAuth: (() => Promise<void>) | undefined;
  if (source !== 'servicenow') {
    const base = url('--sf-url (SEAM_SF_URL)', values['sf-url'] ?? env['SEAM_SF_URL']);
    const bodyFields = (values['sf-body-fields'] as string).split(',').map((f) => f.trim()).filter(Boolean);
    const apiVersion = values['sf-api-version'] as string;
    if (!/^\d+\.0$/.test(apiVersion)) problems.push(`--sf-api-version "${apiVersion}" must look like 62.0`);
    salesforce = { url: base, authorization: '', bodyFields, apiVersion, ...(pageSize ? { pageSize } : {}) };
    const token = env['SEAM_SF_ACCESS_TOKEN'];
    const id = env['SEAM_SF_CLIENT_ID'];
    const secret = env['SEAM_SF_CLIENT_SECRET'];
    if (token) salesforce.authorization = `Bearer ${token}`;
    else if (id && secret) {
      const sf = salesforce;
      sfAuth = async () => {
        const s = await salesforceToken(base, id, secret);
        sf.authorization = `Bearer ${s.token}`;
        sf.url = s.instanceUrl;
      };
    } else problems.push('Salesforce credentials are missing: set SEAM_SF_CLIENT_ID and SEAM_SF_CLIENT_SECRET, or SEAM_SF_ACCESS_TOKEN');
  }
  let config;
  try {
    config = knowledgeConfigFromEnv(env);
  } catch (e) {
    problems.push((e as Error).message);
  }
  if (problems.length || !config) fail(problems);
  if (sfAuth) await sfAuth();

  const index = values['dry-run'] ? null : await openKnowledgeIndex(config);
  try {
    const report = await ingest({
      index,
      checkpointFile,
      servicenow,
      salesforce,
      dryRun: values['dry-run'],
      full: values.full,
      progress: progressBar(process.stderr, progress as 'auto'),
    });
    if (values.json) console.log(JSON.stringify(report, null, 2));
    else {
      for (const p of ['servicenow', 'salesforce'] as const) {
        const r = report[p];
        if (!r) continue;
        console.log(
          report.dryRun
            ? `${p}: read ${r.fetched} (dry run: would upsert ${r.wouldUpsert}, remove ${r.wouldRemove}; nothing written)`
            : `${p}: read ${r.fetched}, added ${r.added}, updated ${r.updated}, unchanged ${r.unchanged}, removed ${r.removed}`,
        );
      }
      if (index) {
        const s = await index.stats();
        console.log(`index (${s.backend}): ${s.docs} documents, ${s.chunks} passages, vectors ${s.vectors ? 'on' : 'off (no embedding model configured: lexical search only)'}`);
      }
    }
  } finally {
    await index?.close();
  }
}

main().catch((e: unknown) => {
  console.error(`knowledge:ingest: ${(e as Error).message}`);
  process.exit(1);
});
