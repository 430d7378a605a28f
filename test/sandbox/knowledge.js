// @ts-check
/**
 * Knowledge in the sandbox: both twins' knowledge bases seeded with real public articles, then the
 * real ingestion (@seam/knowledge: Table API on kb_knowledge, SOQL on Knowledge__kav, checkpoint,
 * progress) into the on-disk index the proxy answers from.
 *
 * Data: the StackExchange FAQ set the knowledge package ships (knowledge/eval/stackexchange-faq.xml;
 * 125 webapps.stackexchange.com threads, user content under CC BY-SA, attribution in
 * knowledge/README.md): each thread's question and answers are one article, alternating between
 * ServiceNow KB and Salesforce Knowledge, as if half lived in each knowledge base.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from '../twins/salesforce/store.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const KNOWLEDGE_DATA = join(REPO, 'knowledge/eval/stackexchange-faq.xml');
const DIST = join(REPO, 'knowledge/dist');

/** @returns {string[]} the build outputs knowledge needs (empty when all are there) */
export function missingKnowledgeOutputs() {
  return [join(DIST, 'index.js'), join(DIST, 'ingest/run.js'), join(DIST, 'eval/stackfaq.js'), KNOWLEDGE_DATA].filter((p) => !existsSync(p));
}

/** @param {string} rel */
const load = (rel) => import(pathToFileURL(join(DIST, rel)).href);

/** Opens the sandbox's on-disk index. @param {string} file */
export async function openSandboxIndex(file) {
  const mod = await load('index.js');
  return mod.openKnowledgeIndex({ backend: 'sqlite', path: file, embedder: null });
}

/** @param {string} title */
const slug = (title) => title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80) || 'article';

/**
 * Seeds both twins once (a second start finds the articles and adds none).
 * @param {{ serviceNowUrl: string, adminAuth: string, salesforce: { store: any }, limit?: number }} o
 * @returns {Promise<{ servicenow: number, salesforce: number, seeded: boolean }>}
 */
export async function seedKnowledgeArticles(o) {
  const { parseStackFaq } = await load('eval/stackfaq.js');
  const { docs } = parseStackFaq(readFileSync(KNOWLEDGE_DATA, 'utf8'));
  const articles = docs.slice(0, o.limit ?? docs.length);
  const headers = { authorization: o.adminAuth, accept: 'application/json', 'content-type': 'application/json' };
  const existing = await fetch(`${o.serviceNowUrl}/api/now/table/kb_knowledge?sysparm_limit=1&sysparm_fields=sys_id`, { headers });
  if (!existing.ok) throw new Error(`sandbox: reading kb_knowledge failed: HTTP ${existing.status} ${await existing.text()}`);
  const sfHas = o.salesforce.store.all('Knowledge__kav').length > 0;
  const snHas = (/** @type {{ result: unknown[] }} */ (await existing.json())).result.length > 0;
  let servicenow = 0;
  let salesforce = 0;
  const ctx = { userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] };
  for (const d of articles) {
    if (d.platform === 'servicenow' && !snHas) {
      const res = await fetch(`${o.serviceNowUrl}/api/now/table/kb_knowledge`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ short_description: d.title, text: d.body, workflow_state: 'published', article_type: 'html', source: 'webapps.stackexchange.com (CC BY-SA)' }),
      });
      if (!res.ok) throw new Error(`sandbox: creating kb_knowledge failed: HTTP ${res.status} ${await res.text()}`);
      servicenow += 1;
    } else if (d.platform === 'salesforce' && !sfHas) {
      // Published through the store: the API cannot set PublishStatus (the twin's README says so).
      o.salesforce.store.create('Knowledge__kav', { Title: d.title.slice(0, 255), UrlName: `${slug(d.title)}-${salesforce + 1}`, Answer__c: d.body, PublishStatus: 'Online' }, ctx);
      salesforce += 1;
    }
  }
  return { servicenow, salesforce, seeded: servicenow + salesforce > 0 };
}

/**
 * Runs the real incremental ingestion from both twins into `index`, with its checkpoint (a restart
 * reads only what changed) and its progress output.
 * @param {{ index: any, checkpointFile: string, serviceNowUrl: string, integrationAuth: string, salesforceUrl: string, clientId: string, clientSecret: string, progress?: 'plain' | 'bar' | 'none' }} o
 */
export async function ingestFromTwins(o) {
  const { ingest, progressBar } = await load('ingest/run.js');
  const tokenRes = await fetch(`${o.salesforceUrl}/services/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: o.clientId, client_secret: o.clientSecret }),
  });
  if (!tokenRes.ok) throw new Error(`sandbox: Salesforce token failed: HTTP ${tokenRes.status}`);
  const token = /** @type {{ access_token: string }} */ (await tokenRes.json()).access_token;
  return ingest({
    index: o.index,
    checkpointFile: o.checkpointFile,
    servicenow: { url: o.serviceNowUrl, authorization: o.integrationAuth },
    salesforce: { url: o.salesforceUrl, authorization: `Bearer ${token}` },
    progress: progressBar(process.stderr, o.progress ?? 'plain'),
  });
}
