// @ts-check
/**
 * The governance dashboard's data: the routing metrics over time, computed with the shared core's
 * `computeRoutingMetrics` (the same function ServiceNow's GET /v1/metrics runs) over rows read
 * through the Table API, one point per time bucket, plus the drift alert's state. Every number is
 * from the rows; the answer lists the queries that produced them.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
/** @type {Promise<any>} */
const core = import(pathToFileURL(join(REPO, 'shared/dist/seam-core.mjs')).href);

export const DASHBOARD_ROW_LIMIT = 10000;

/** `YYYY-MM-DD HH:MM:SS` (UTC) → epoch ms. @param {string} v */
export const glideMs = (v) => (v ? Date.parse(`${String(v).replace(' ', 'T')}Z`) : NaN);

/** Readable bucket sizes, so the axis says "1 min", not "53 s". */
const NICE_MS = [1000, 2000, 5000, 10_000, 30_000, 60_000, 300_000, 900_000, 3_600_000, 21_600_000, 86_400_000, 604_800_000];

/** @param {number} spanMs @param {number} buckets */
export function bucketSize(spanMs, buckets) {
  const want = Math.max(1, spanMs / Math.max(1, buckets));
  return NICE_MS.find((n) => n >= want) ?? NICE_MS[NICE_MS.length - 1];
}

export const INSIGHT_SOQL = 'SELECT Id, Priority, IsClosed, Seam_Triage_Route__c, Seam_Incident_Number__c, Seam_CI__c FROM Case ORDER BY CreatedDate DESC LIMIT 2000';
const INSIGHT_INCIDENTS = { table: 'incident', query: 'x_seam_bridge_sf_case_idISNOTEMPTY', fields: ['number', 'x_seam_bridge_sf_case_id', 'state', 'assignment_group', 'sys_updated_on'] };

/**
 * The proxy's `POST /v1/insights/phrase`: the template sentences in, each sentence back either as
 * the model phrased it (its numbers checked against the template's) or as the template, with why.
 * The key is the sentences' hash, so a reload with unchanged numbers is a cache hit, not a model call.
 * @param {{ url: string, secret: string }} proxy
 * @param {{ id: string, text: string }[]} insights
 */
export async function phraseInsights(proxy, insights) {
  const key = createHash('sha256').update(JSON.stringify(insights)).digest('hex').slice(0, 40);
  const res = await fetch(`${proxy.url}/v1/insights/phrase`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${proxy.secret}` },
    body: JSON.stringify({ idempotencyKey: `console-insights-${key}`, correlationId: 'console-insights', insights }),
  });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(`the proxy's /v1/insights/phrase answered HTTP ${res.status}: ${body?.error?.message ?? 'no body'}${body?.error?.problems?.[0] ? ` (${body.error.problems[0].field}: ${body.error.problems[0].problem})` : ''}`);
  return /** @type {{ engine: 'llm' | 'embedded', fallbackReason?: string, insights: { id: string, text: string, phrasedBy: 'llm' | 'template', fallbackReason?: string }[] }} */ (body);
}

/**
 * @param {ReturnType<typeof import('./clients.js').serviceNowClient>} servicenow
 * @param {ReturnType<typeof import('./clients.js').salesforceClient>} [salesforce] for the cross-platform insights
 * @param {{ url: string, secret: string }} [proxy] phrases the insights (`POST /v1/insights/phrase`); absent: the template sentences
 */
export function createDashboard(servicenow, salesforce, proxy) {
  const QUERIES = {
    audit: { table: 'x_seam_bridge_audit', query: 'ORDERBYsys_created_on', fields: ['sys_created_on', 'direction', 'operation', 'sf_case_id', 'target_id', 'result', 'idempotency_key', 'detail', 'new_values'] },
    links: { table: 'x_seam_bridge_link', query: '', fields: ['sf_case_id', 'incident'] },
    reviews: { table: 'x_seam_bridge_triage_review', query: '', fields: ['sys_created_on', 'sys_updated_on', 'sf_case_id', 'status', 'proposed_action'] },
    outbox: { table: 'x_seam_bridge_outbox', query: 'statusINdead_letter,failed,sent', fields: ['sys_created_on', 'sys_updated_on', 'status'] },
    drift: { table: 'x_seam_bridge_ops_state', query: 'name=triage_drift', fields: ['status', 'value', 'detail', 'updated_at'] },
  };
  /** @param {keyof typeof QUERIES} key */
  const read = (key) => servicenow.list(QUERIES[key].table, { query: QUERIES[key].query, fields: QUERIES[key].fields, limit: DASHBOARD_ROW_LIMIT, display: 'false' });

  return {
    /**
     * Cross-platform insights: the shared `crossPlatformInsights` over Salesforce cases (one SOQL
     * query) and the linked ServiceNow incidents (one Table API query); each with its queries.
     * @param {{ nowMs?: number, stallHours?: number }} [options]
     */
    async insights({ nowMs = Date.now(), stallHours = 24 } = {}) {
      if (!salesforce) throw new Error('insights need the Salesforce client: createDashboard(servicenow, salesforce)');
      const { crossPlatformInsights } = await core;
      const [caseRows, incidentRows] = await Promise.all([
        salesforce.query(INSIGHT_SOQL),
        servicenow.list(INSIGHT_INCIDENTS.table, { query: INSIGHT_INCIDENTS.query, fields: INSIGHT_INCIDENTS.fields, limit: DASHBOARD_ROW_LIMIT, display: 'all' }),
      ]);
      const cell = (/** @type {any} */ v, /** @type {'value' | 'display_value'} */ k) => (v && typeof v === 'object' ? v[k] ?? '' : v ?? '');
      const cases = caseRows.map((/** @type {any} */ c) => ({ id: c.Id, priority: c.Priority ?? '', isClosed: c.IsClosed === true, triageRoute: c.Seam_Triage_Route__c ?? '', incidentNumber: c.Seam_Incident_Number__c ?? '', ci: c.Seam_CI__c ?? '' }));
      const incidents = incidentRows.map((/** @type {any} */ r) => ({
        number: cell(r.number, 'value'), caseId: cell(r.x_seam_bridge_sf_case_id, 'value'), state: cell(r.state, 'value'),
        assignmentGroup: cell(r.assignment_group, 'display_value'), updatedAtMs: glideMs(cell(r.sys_updated_on, 'value')),
      }));
      const queries = {
        cases: `SOQL (Salesforce): ${INSIGHT_SOQL}`,
        incidents: `GET /api/now/table/${INSIGHT_INCIDENTS.table}?sysparm_query=${INSIGHT_INCIDENTS.query}&sysparm_fields=${INSIGHT_INCIDENTS.fields.join(',')} (ServiceNow)`,
      };
      const computed = crossPlatformInsights(cases, incidents, nowMs, { stallHours, topN: 3 }).map((/** @type {any} */ i) => ({ ...i, template: i.text, queries: i.reads.map((/** @type {'cases' | 'incidents'} */ r) => queries[r]) }));
      // Every number is computed above; the proxy may only reword the sentences (it checks that
      // each keeps exactly the template's numbers). Without it, or when it fails, the templates stand.
      /** @type {{ engine: string, fallbackReason?: string, phrasingError?: string }} */
      let how = { engine: 'none' };
      if (proxy) {
        try {
          const phrased = await phraseInsights(proxy, computed.map((/** @type {any} */ i) => ({ id: i.id, text: i.text })));
          const byId = new Map(phrased.insights.map((p) => [p.id, p]));
          for (const i of computed) {
            const p = byId.get(i.id);
            if (!p) continue;
            i.text = p.text;
            i.phrasedBy = p.phrasedBy;
            if (p.fallbackReason) i.fallbackReason = p.fallbackReason;
          }
          how = { engine: phrased.engine, ...(phrased.fallbackReason ? { fallbackReason: phrased.fallbackReason } : {}) };
        } catch (e) {
          how = { engine: 'none', phrasingError: e instanceof Error ? e.message : String(e) };
        }
      }
      for (const i of computed) i.phrasedBy ??= 'template';
      return {
        generatedAt: new Date(nowMs).toISOString(),
        phrasing: how,
        insights: computed,
      };
    },

    /** @param {{ buckets?: number, nowMs?: number }} [options] */
    async data({ buckets = 12, nowMs = Date.now() } = {}) {
      const { computeRoutingMetrics } = await core;
      const [auditRows, linkRows, reviewRows, outboxRows, driftRows] = await Promise.all([read('audit'), read('links'), read('reviews'), read('outbox'), read('drift')]);
      const audit = auditRows.map((/** @type {any} */ r) => ({
        atMs: glideMs(r.sys_created_on), direction: r.direction, operation: r.operation, caseId: r.sf_case_id, targetId: r.target_id,
        result: r.result, idempotencyKey: r.idempotency_key, detail: r.detail, newValues: r.new_values,
      }));
      const links = linkRows.map((/** @type {any} */ r) => ({ caseId: r.sf_case_id, incident: r.incident }));
      const reviews = reviewRows.map((/** @type {any} */ r) => ({ caseId: r.sf_case_id, status: r.status, proposedAction: r.proposed_action, createdAtMs: glideMs(r.sys_created_on), updatedAtMs: glideMs(r.sys_updated_on) }));
      const outbox = outboxRows.map((/** @type {any} */ r) => ({ status: r.status, createdAtMs: glideMs(r.sys_created_on), updatedAtMs: glideMs(r.sys_updated_on) }));

      const start = audit.length ? Math.min(...audit.map((/** @type {any} */ r) => r.atMs)) : nowMs;
      const size = bucketSize(Math.max(1000, nowMs - start), buckets);
      const first = Math.floor(start / size) * size;
      const points = [];
      for (let t0 = first; t0 <= nowMs; t0 += size) {
        const t1 = t0 + size;
        // Cases routed in this bucket, with their earlier rows (time to route starts at the case's first row).
        const routed = new Set(audit.filter((/** @type {any} */ r) => r.operation === 'case:create_incident' && r.atMs >= t0 && r.atMs < t1).map((/** @type {any} */ r) => r.caseId));
        const rows = audit.filter((/** @type {any} */ r) => r.atMs < t1 && (r.atMs >= t0 || routed.has(r.caseId)));
        const m = computeRoutingMetrics({ audit: rows, links, reviews, outbox: [], nowMs: Math.min(t1, nowMs) });
        // Point-in-time gauges at the bucket's end, approximated from today's rows: a review is taken as
        // waiting from its creation until its last update (or now, if still open); a dead letter since its last update.
        const at = Math.min(t1, nowMs);
        const open = (/** @type {any} */ r) => r.status === 'pending' || r.status === 'approval_pending';
        const reviewQueue = reviews.filter((/** @type {any} */ r) => r.createdAtMs <= at && (open(r) || r.updatedAtMs > at)).length;
        const deadLetters = outbox.filter((/** @type {any} */ r) => r.status === 'dead_letter' && r.updatedAtMs <= at).length;
        /** @type {Record<string, number>} */
        const meanConfidence = {};
        for (const [route, h] of Object.entries(/** @type {Record<string, { count: number, sum: number }>} */ (m.confidenceByRoute))) meanConfidence[route] = h.sum / h.count;
        points.push({
          at: new Date(t0).toISOString(),
          casesRouted: m.casesRouted,
          timeToRouteMeanSeconds: m.timeToRouteMeanSeconds,
          timeToRouteP90Seconds: m.timeToRouteP90Seconds,
          manualTransferRate: m.manualTransferRate,
          linkageAccuracy: m.linkageAccuracy,
          apiCallsPerChange: m.apiCallsPerChange,
          triaged: Object.values(/** @type {Record<string, { count: number }>} */ (m.confidenceByRoute)).reduce((a, h) => a + h.count, 0),
          meanConfidence,
          reviewQueue,
          deadLetters,
        });
      }
      const current = computeRoutingMetrics({ audit, links, reviews, outbox: outbox.filter((/** @type {any} */ r) => r.status === 'dead_letter'), nowMs });
      const d = driftRows[0];
      let driftValue = null;
      try { driftValue = d?.value ? JSON.parse(d.value) : null; } catch { driftValue = null; }
      return {
        generatedAt: new Date(nowMs).toISOString(),
        bucketMs: size,
        points,
        current,
        drift: d ? { status: d.status, detail: d.detail, updatedAt: d.updated_at, window: driftValue?.window ?? null, baseline: driftValue?.baseline ?? null } : null,
        truncated: [auditRows, linkRows, reviewRows, outboxRows].some((rows) => rows.length >= DASHBOARD_ROW_LIMIT),
        queries: Object.values(QUERIES).map((q) => `GET /api/now/table/${q.table}?sysparm_query=${q.query}&sysparm_fields=${q.fields.join(',')}&sysparm_limit=${DASHBOARD_ROW_LIMIT}`),
      };
    },
  };
}
