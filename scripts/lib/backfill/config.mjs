/**
 * Backfill configuration from flags and environment, parsed and checked once. Secrets come from
 * the environment (or flags, for a twin); they are never printed: `describeConfig` masks them.
 */
import { parseArgs } from 'node:util';

export const HELP = `Usage: node scripts/backfill.mjs [options]   (npm run backfill -- [options])

Links the Cases and incidents that already exist and belong together - by the incident's
x_seam_bridge_sf_case_id / x_seam_bridge_correlation_id or the Case's Seam_Incident_Sys_Id__c /
Seam_Correlation_Id__c, never by subject or description text - creates their x_seam_bridge_link
rows and copies each owned field in its owner's direction (shared/src/ownership.ts). Only open
Cases and active incidents. Resumable: a checkpoint is saved after every chunk of <= 200 pairs;
run the same command again after a kill to continue. A second run links and writes nothing.

ServiceNow (Table API; the user needs x_seam_bridge.integration and itil - use the integration
user, so the incident rule treats the writes as Seam's own and sends nothing back):
  --sn-url URL            https://<instance>.service-now.com        env SEAM_SN_URL
  --sn-user NAME          basic auth user                            env SEAM_SN_USER
                          password only from env SEAM_SN_PASSWORD (or --sn-password, for a twin)
  --sn-client-id ID       OAuth client credentials instead of basic  env SEAM_SN_CLIENT_ID
                          secret from env SEAM_SN_CLIENT_SECRET (or --sn-client-secret)
Salesforce (OAuth 2.0 client credentials of a connected app with a Run As user):
  --sf-url URL            https://<my-domain>.my.salesforce.com      env SEAM_SF_URL
  --sf-client-id ID                                                  env SEAM_SF_CLIENT_ID
                          secret from env SEAM_SF_CLIENT_SECRET (or --sf-client-secret)
  --sf-api-version V      default 62.0
Run:
  --dry-run               report what would be linked and written; writes nothing (no checkpoint)
  --checkpoint FILE       default .seam/backfill-checkpoint.json (deleted when the run completes)
  --restart               ignore an existing checkpoint and start from the beginning
  --chunk-size N          pairs per page / SOQL IN list / collections call, 1..200 (default 200)
  --max-api-share X       stop (resumably) once Salesforce reports this share of the daily API
                          allocation used (Sforce-Limit-Info), default 0.8: the rest is live sync's
  --sn-writes MODE        api (default): the app's POST /v1/backfill/links, 200 pairs per call;
                          table: the Table API, one call per record (apps without that route;
                          api falls back to it by itself when the route is missing)
  --concurrency N         parallel ServiceNow writes in table mode (default 4)
  --progress MODE         auto (bar on a TTY, lines otherwise) | bar | plain | none
  --json                  print the summary as JSON
  --help                  this text

API calls per 200 keyed incidents: 1 Table API page, 1 SOQL query, 5 link lookups (IN lists
stay at 40 ids: ServiceNow repeats the query in its Link header), 1 POST /v1/backfill/links
and 1 sObject Collections update, each only when something differs. Phase 2 reads keyed Cases
2,000 a page (SOQL) and looks their incidents up 40 at a time. A second run makes only reads.`;

/** @param {string[]} argv @param {NodeJS.ProcessEnv} env */
export function parseConfig(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      'sn-url': { type: 'string' }, 'sn-user': { type: 'string' }, 'sn-password': { type: 'string' },
      'sn-client-id': { type: 'string' }, 'sn-client-secret': { type: 'string' },
      'sf-url': { type: 'string' }, 'sf-client-id': { type: 'string' }, 'sf-client-secret': { type: 'string' }, 'sf-api-version': { type: 'string' },
      'dry-run': { type: 'boolean' }, checkpoint: { type: 'string' }, restart: { type: 'boolean' },
      'chunk-size': { type: 'string' }, concurrency: { type: 'string' }, progress: { type: 'string' }, 'sn-writes': { type: 'string' }, 'max-api-share': { type: 'string' },
      json: { type: 'boolean' }, help: { type: 'boolean' }, 'stop-after': { type: 'string' },
    },
    strict: true,
  });
  if (values.help) return { help: true, problems: [], config: null };
  /** @type {string[]} */ const problems = [];
  const pick = (/** @type {string | undefined} */ flag, /** @type {string} */ envName) => flag ?? env[envName] ?? '';
  const url = (/** @type {string} */ name, /** @type {string} */ v) => {
    if (!v) problems.push(`${name} is missing; pass it or set its environment variable (see --help)`);
    else if (!/^https?:\/\/[^\s/]+/.test(v)) problems.push(`${name} "${v}" is not an http(s) URL; use e.g. https://example.service-now.com`);
    return v.replace(/\/+$/, '');
  };
  const int = (/** @type {string} */ name, /** @type {string | undefined} */ v, /** @type {number} */ min, /** @type {number} */ max, /** @type {number} */ dflt) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) { problems.push(`${name} "${v}" must be a whole number from ${min} to ${max}`); return dflt; }
    return n;
  };
  const servicenow = {
    url: url('--sn-url', pick(values['sn-url'], 'SEAM_SN_URL')),
    user: pick(values['sn-user'], 'SEAM_SN_USER') || undefined,
    password: pick(values['sn-password'], 'SEAM_SN_PASSWORD') || undefined,
    clientId: pick(values['sn-client-id'], 'SEAM_SN_CLIENT_ID') || undefined,
    clientSecret: pick(values['sn-client-secret'], 'SEAM_SN_CLIENT_SECRET') || undefined,
  };
  if (!servicenow.user && !servicenow.clientId) problems.push('ServiceNow credentials are missing; set --sn-user with SEAM_SN_PASSWORD, or --sn-client-id with SEAM_SN_CLIENT_SECRET');
  if (servicenow.user && !servicenow.password) problems.push('SEAM_SN_PASSWORD is missing for --sn-user');
  if (!servicenow.user && servicenow.clientId && !servicenow.clientSecret) problems.push('SEAM_SN_CLIENT_SECRET is missing for --sn-client-id');
  const salesforce = {
    url: url('--sf-url', pick(values['sf-url'], 'SEAM_SF_URL')),
    clientId: pick(values['sf-client-id'], 'SEAM_SF_CLIENT_ID'),
    clientSecret: pick(values['sf-client-secret'], 'SEAM_SF_CLIENT_SECRET'),
    apiVersion: values['sf-api-version'] ?? '62.0',
  };
  if (!salesforce.clientId) problems.push('--sf-client-id (or SEAM_SF_CLIENT_ID) is missing');
  if (!salesforce.clientSecret) problems.push('SEAM_SF_CLIENT_SECRET is missing');
  if (!/^\d+\.0$/.test(salesforce.apiVersion)) problems.push(`--sf-api-version "${salesforce.apiVersion}" must look like 62.0`);
  const snWrites = values['sn-writes'] ?? 'api';
  if (!['api', 'table'].includes(snWrites)) problems.push(`--sn-writes "${snWrites}" must be api or table`);
  const share = values['max-api-share'] === undefined ? undefined : Number(values['max-api-share']);
  if (share !== undefined && !(share > 0 && share <= 1)) problems.push(`--max-api-share "${values['max-api-share']}" must be a number in (0, 1], e.g. 0.8`);
  const progress = values.progress ?? 'auto';
  if (!['auto', 'bar', 'plain', 'none'].includes(progress)) problems.push(`--progress "${progress}" must be auto, bar, plain or none`);
  return {
    help: false,
    problems,
    json: Boolean(values.json),
    progress: /** @type {'auto' | 'bar' | 'plain' | 'none'} */ (progress),
    // Test hook: stop cleanly after N scanned records (at a chunk boundary), as a kill would, but politely.
    stopAfter: values['stop-after'] === undefined ? undefined : int('--stop-after', values['stop-after'], 1, Number.MAX_SAFE_INTEGER, 1),
    config: {
      servicenow, salesforce,
      dryRun: Boolean(values['dry-run']),
      restart: Boolean(values.restart),
      checkpointFile: values.checkpoint ?? '.seam/backfill-checkpoint.json',
      chunkSize: int('--chunk-size', values['chunk-size'], 1, 200, 200),
      concurrency: int('--concurrency', values.concurrency, 1, 32, 4),
      snWrites: /** @type {'api' | 'table'} */ (snWrites),
      maxApiShare: share,
    },
  };
}
