/**
 * The backfill run: pages through keyed open incidents (Table API, ≤ 200 a page), reads their
 * Cases with one SOQL `Id IN (…)` per page, then through keyed open Cases whose incidents carry
 * no key; plans each pair (plan.mjs) and writes links and owned fields, checkpointing after
 * every chunk. A second run finds every pair linked and in sync and writes nothing.
 */
import { DEFAULT_BUDGET_POLICY, formatServiceNowDateTime, parseLimitInfo } from '@seam/shared';
import { salesforceClient, serviceNowClient } from './clients.mjs';
import { freshCheckpoint, loadCheckpoint, removeCheckpoint, saveCheckpoint } from './checkpoint.mjs';
import {
  CASE_FIELDS, INCIDENT_DISPLAY_FIELDS, INCIDENT_FIELDS, SF_CORRELATION_ID, SF_INCIDENT_SYS_ID, SN_CASE_ID, SN_CORRELATION_ID,
  caseIncidentRef, flattenSoql, incidentCaseRef, planPair,
} from './plan.mjs';

export const LINK_TABLE = 'x_seam_bridge_link';
/**
 * ServiceNow answers a Table API query with a Link header that repeats the whole query up to four
 * times (first/prev/next/last); Node's fetch refuses response headers past 16 KB. So IN lists
 * sent to ServiceNow stay at 40 ids (two lists of 40 stay near 10 KB of header).
 */
export const SN_IN_LIMIT = 40;
/** Keyed, open incidents: the pairs phase 1 walks. */
export const KEYED_INCIDENTS = `active=true^${SN_CASE_ID}ISNOTEMPTY^OR${SN_CORRELATION_ID}ISNOTEMPTY`;
/** Keyed, open Cases: phase 2 looks for their incidents that carry no key yet. */
export const KEYED_CASES = `IsClosed = false AND (${SF_INCIDENT_SYS_ID} != null OR ${SF_CORRELATION_ID} != null)`;

/**
 * @typedef {{
 *   servicenow: { url: string, user?: string, password?: string, clientId?: string, clientSecret?: string },
 *   salesforce: { url: string, clientId: string, clientSecret: string, apiVersion?: string },
 *   dryRun?: boolean, checkpointFile: string, restart?: boolean, chunkSize?: number, concurrency?: number, snWrites?: 'api' | 'table',
 *   maxApiShare?: number,
 * }} BackfillConfig
 * @typedef {{
 *   progress?: { update(p: { phase: string, done: number, total: number | null, linked: number, updated: number }): void, end(): void },
 *   log?: (line: string) => void,
 *   stopAfter?: number,
 *   now?: () => number,
 *   fetch?: typeof fetch,
 * }} BackfillHooks
 */

const soqlQuote = (/** @type {string} */ s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const chunks = (/** @type {any[]} */ xs, /** @type {number} */ n) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Runs `fn` over `items`, at most `limit` at a time. @template T @param {T[]} items @param {number} limit @param {(x: T) => Promise<void>} fn */
async function eachLimited(items, limit, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/** @param {BackfillConfig} config @param {BackfillHooks} [hooks] */
export async function runBackfill(config, hooks = {}) {
  const started = Date.now();
  const now = hooks.now ?? Date.now;
  const log = hooks.log ?? (() => {});
  const chunkSize = Math.min(200, Math.max(1, config.chunkSize ?? 200));
  const concurrency = Math.max(1, config.concurrency ?? 4);
  const dryRun = Boolean(config.dryRun);
  let useBatchRoute = (config.snWrites ?? 'api') === 'api';
  const sf = salesforceClient({ ...config.salesforce, fetch: hooks.fetch });
  const sn = serviceNowClient({ ...config.servicenow, fetch: hooks.fetch });
  const target = `${config.servicenow.url} <-> ${config.salesforce.url}`;

  // A dry run neither reads nor writes the checkpoint: it reports the whole job.
  let cp = dryRun || config.restart ? null : loadCheckpoint(config.checkpointFile, target);
  const resumed = cp !== null && cp.phase !== 'done';
  if (!cp || cp.phase === 'done') cp = freshCheckpoint(target, new Date(now()).toISOString());
  const totals = /** @type {Record<string, number>} */ ({
    scanned: 0, linksCreated: 0, linksUpdated: 0, alreadyLinked: 0, casesUpdated: 0, incidentsUpdated: 0, skipped: 0, conflicts: 0, problems: 0, failed: 0,
    ...cp.totals,
  });
  /** @type {string[]} */ const conflicts = [];
  /** @type {string[]} */ const failures = [];
  let scannedThisRun = 0;

  const incidentTotal = (await sn.page('incident', { query: KEYED_INCIDENTS, fields: ['sys_id'], limit: 1 })).total;
  const progress = (/** @type {string} */ phase, /** @type {number} */ done, /** @type {number | null} */ total) =>
    hooks.progress?.update({ phase, done, total, linked: totals.linksCreated, updated: totals.casesUpdated + totals.incidentsUpdated });

  /**
   * Plans and writes one chunk of pairs.
   * @param {Record<string, string>[]} incidents @param {Record<string, any>[]} cases
   * @param {(inc: Record<string, string>) => string | null} caseRefOf the Case each incident belongs to
   */
  async function processPairs(incidents, cases, caseRefOf = incidentCaseRef) {
    const byCase = new Map(cases.map((c) => [String(c.Id), c]));
    const caseIds = [...byCase.keys()];
    const sysIds = incidents.map((i) => i.sys_id);
    /** @type {Record<string, string>[]} */
    const links = [];
    for (let i = 0; i < Math.max(caseIds.length, sysIds.length); i += SN_IN_LIMIT) {
      const c = caseIds.slice(i, i + SN_IN_LIMIT);
      const s = sysIds.slice(i, i + SN_IN_LIMIT);
      const query = [c.length ? `sf_case_idIN${c.join(',')}` : '', s.length ? `incidentIN${s.join(',')}` : ''].filter(Boolean).join('^NQ');
      links.push(...(await sn.page(LINK_TABLE, { query, fields: ['sys_id', 'sf_case_id', 'incident', 'state'], limit: 1000 })).rows);
    }
    const linkByCase = new Map(links.map((l) => [l.sf_case_id, l]));
    const linkByIncident = new Map(links.map((l) => [l.incident, l]));
    const nowSn = formatServiceNowDateTime(now());
    const seenCase = new Set();
    const plans = [];
    for (const inc of incidents) {
      const caseId = caseRefOf(inc);
      const cs = caseId ? byCase.get(caseId) : undefined;
      if (!cs) {
        totals.skipped++;
        log(`skip incident ${inc.number}: its key names no Case this user can read (${caseId ?? 'no valid key'})`);
        continue;
      }
      const other = linkByIncident.get(inc.sys_id);
      if ((other && other.sf_case_id !== cs.Id) || seenCase.has(cs.Id)) {
        totals.conflicts++;
        conflicts.push(`incident ${inc.number} and Case ${cs.CaseNumber}: ${seenCase.has(cs.Id) ? 'two incidents name this Case' : `the incident is already linked to Case ${other?.sf_case_id}`}`);
        continue;
      }
      seenCase.add(cs.Id);
      const plan = planPair(inc, cs, linkByCase.get(cs.Id) ?? null, nowSn);
      if (plan.status === 'conflict') {
        totals.conflicts++;
        conflicts.push(`incident ${inc.number} and Case ${cs.CaseNumber}: ${plan.reason}`);
        continue;
      }
      if (plan.status === 'skip') { totals.skipped++; continue; }
      if (plan.problems.length) { totals.problems += plan.problems.length; for (const p of plan.problems) log(`problem incident ${inc.number}: ${p}`); }
      plans.push(plan);
    }

    const caseWrites = plans.filter((p) => Object.keys(p.caseUpdates).length > 0);
    const newLinks = plans.filter((p) => p.linkValues && !p.linkSysId);
    const linkUpdates = plans.filter((p) => p.linkValues && p.linkSysId);
    const incidentWrites = plans.filter((p) => Object.keys(p.incidentUpdates).length > 0);
    totals.alreadyLinked += plans.length - newLinks.length;
    if (dryRun) {
      totals.linksCreated += newLinks.length;
      totals.linksUpdated += linkUpdates.length;
      totals.casesUpdated += caseWrites.length;
      totals.incidentsUpdated += incidentWrites.length;
      return;
    }
    // Links first: the incident rule that our incident writes trigger then finds the link and its
    // snapshot, and sees nothing new to send back. The app's batch route does both in one call.
    const snWrites = plans.filter((p) => p.linkValues || Object.keys(p.incidentUpdates).length > 0);
    if (useBatchRoute && snWrites.length) {
      const results = await sn.backfillLinks(snWrites.map((p) => ({
        caseId: p.caseId, incidentSysId: p.incidentSysId, link: p.linkValues, linkSysId: p.linkSysId, incident: p.incidentUpdates,
      })));
      if (results === null) {
        useBatchRoute = false;
        log('the installed app has no POST /v1/backfill/links; writing through the Table API (one call per record)');
      } else {
        results.forEach((r, i) => {
          if (r.status !== 'ok') { totals.failed++; failures.push(`pair ${snWrites[i].caseId}: ${r.detail}`); return; }
          if (r.linkCreated) totals.linksCreated++;
          else if (snWrites[i].linkSysId && snWrites[i].linkValues) totals.linksUpdated++;
          if (r.incidentUpdated) totals.incidentsUpdated++;
        });
      }
    }
    if (!useBatchRoute) await tableApiWrites(newLinks, linkUpdates, incidentWrites);
    await salesforceWrites(caseWrites);
  }

  /** One Salesforce sObject Collections update per chunk (≤ 200). @param {import('./plan.mjs').PairPlan[]} caseWrites */
  async function salesforceWrites(caseWrites) {
    if (caseWrites.length) {
      const results = await sf.updateCollection(caseWrites.map((p) => ({ attributes: { type: 'Case' }, Id: p.caseId, ...p.caseUpdates })));
      results.forEach((r, i) => {
        if (r.success) totals.casesUpdated++;
        else { totals.failed++; failures.push(`Case ${caseWrites[i].caseId}: ${r.errors.map((e) => `${e.statusCode} ${e.message} (${e.fields.join(',')})`).join('; ')}`); }
      });
    }
  }

  /**
   * The Table API fallback: one call per record (an app without the batch route).
   * @param {import('./plan.mjs').PairPlan[]} newLinks @param {import('./plan.mjs').PairPlan[]} linkUpdates @param {import('./plan.mjs').PairPlan[]} incidentWrites
   */
  async function tableApiWrites(newLinks, linkUpdates, incidentWrites) {
    await eachLimited(newLinks, concurrency, async (p) => {
      try { await sn.insert(LINK_TABLE, /** @type {Record<string, unknown>} */ (p.linkValues)); totals.linksCreated++; } catch (e) { totals.failed++; failures.push(`link ${p.caseId}: ${/** @type {Error} */ (e).message}`); }
    });
    await eachLimited(linkUpdates, concurrency, async (p) => {
      try { await sn.update(LINK_TABLE, /** @type {string} */ (p.linkSysId), /** @type {Record<string, unknown>} */ (p.linkValues)); totals.linksUpdated++; } catch (e) { totals.failed++; failures.push(`link ${p.caseId}: ${/** @type {Error} */ (e).message}`); }
    });
    await eachLimited(incidentWrites, concurrency, async (p) => {
      try { await sn.update('incident', p.incidentSysId, p.incidentUpdates); totals.incidentsUpdated++; } catch (e) { totals.failed++; failures.push(`incident ${p.incidentSysId}: ${/** @type {Error} */ (e).message}`); }
    });
  }

  const checkpoint = () => {
    if (dryRun) return;
    cp.totals = totals;
    cp.updatedAt = new Date(now()).toISOString();
    saveCheckpoint(config.checkpointFile, cp);
  };
  const shouldStop = () => hooks.stopAfter !== undefined && scannedThisRun >= hooks.stopAfter;
  // The backfill is bulk traffic: it leaves the org's API allocation above this share to live sync
  // (Sforce-Limit-Info on every answer), stopping at a chunk boundary; run it again later to resume.
  const maxShare = config.maxApiShare ?? DEFAULT_BUDGET_POLICY.slowAt;
  /** @type {string | null} */
  let budgetStop = null;
  const overBudget = () => {
    const usage = parseLimitInfo(sf.stats.lastLimitInfo);
    if (!usage || usage.used / usage.max < maxShare) return false;
    budgetStop = `Salesforce API usage ${usage.used}/${usage.max} is at or above ${Math.round(maxShare * 100)}% of the daily allocation; stopped to leave the rest to live sync (run again later, or raise --max-api-share)`;
    log(budgetStop);
    return true;
  };
  const summary = (/** @type {boolean} */ stopped) => {
    hooks.progress?.end();
    return {
      dryRun, resumed, stopped, budgetStop, totals, conflicts: conflicts.slice(0, 100), failures: failures.slice(0, 100),
      calls: { salesforce: { ...sf.stats }, servicenow: { ...sn.stats } }, durationMs: Date.now() - started,
      checkpoint: dryRun ? null : config.checkpointFile,
    };
  };

  // Phase 1: keyed incidents, a Table API page at a time.
  if (cp.phase === 'incidents') {
    for (;;) {
      if (overBudget()) return summary(true);
      const { rows } = await sn.page('incident', { query: `${KEYED_INCIDENTS}^ORDERBYsys_id`, fields: INCIDENT_FIELDS, display: INCIDENT_DISPLAY_FIELDS, limit: chunkSize, offset: cp.incidentOffset });
      if (rows.length) {
        const ids = [...new Set(rows.map(incidentCaseRef).filter((x) => x !== null))];
        const cases = ids.length ? (await sf.queryAll(`SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE Id IN (${ids.map(soqlQuote).join(',')})`)).map(flattenSoql) : [];
        await processPairs(rows, cases);
        totals.scanned += rows.length;
        scannedThisRun += rows.length;
        cp.incidentOffset += rows.length;
      }
      if (rows.length < chunkSize) cp.phase = 'cases';
      checkpoint();
      progress('incidents', cp.incidentOffset, incidentTotal);
      if (cp.phase !== 'incidents') break;
      if (shouldStop()) return summary(true);
    }
  }

  // Phase 2: keyed Cases whose incident has no key yet (phase 1 could not see those).
  if (cp.phase === 'cases') {
    const after = cp.lastCaseId ? ` AND Id > ${soqlQuote(cp.lastCaseId)}` : '';
    let done = 0;
    for await (const page of sf.queryPages(`SELECT Id, ${SF_INCIDENT_SYS_ID}, ${SF_CORRELATION_ID} FROM Case WHERE ${KEYED_CASES}${after} ORDER BY Id`)) {
      for (const chunk of chunks(page, chunkSize)) {
        if (overBudget()) return summary(true);
        const refs = chunk.map(caseIncidentRef);
        const sysIds = refs.flatMap((r) => (r && 'sysId' in r ? [r.sysId] : []));
        const numbers = refs.flatMap((r) => (r && 'number' in r ? [r.number] : []));
        /** @type {Record<string, string>[]} */
        const unkeyed = [];
        for (let i = 0; i < Math.max(sysIds.length, numbers.length); i += SN_IN_LIMIT) {
          const s = sysIds.slice(i, i + SN_IN_LIMIT);
          const n = numbers.slice(i, i + SN_IN_LIMIT);
          const terms = [s.length ? `sys_idIN${s.join(',')}` : '', n.length ? `numberIN${n.join(',')}` : ''].filter(Boolean).join('^OR');
          unkeyed.push(...(await sn.page('incident', { query: `active=true^${SN_CASE_ID}ISEMPTY^${SN_CORRELATION_ID}ISEMPTY^${terms}`, fields: INCIDENT_FIELDS, display: INCIDENT_DISPLAY_FIELDS, limit: 2 * SN_IN_LIMIT })).rows);
        }
        if (unkeyed.length) {
          const bySys = new Map(unkeyed.map((i) => [i.sys_id, i]));
          const byNumber = new Map(unkeyed.map((i) => [i.number, i]));
          /** @type {Map<string, string>} incident sys_id → the Case that names it */
          const caseOf = new Map();
          chunk.forEach((c, i) => {
            const r = refs[i];
            const inc = r && 'sysId' in r ? bySys.get(r.sysId) : r ? byNumber.get(r.number) : undefined;
            if (inc && !caseOf.has(inc.sys_id)) caseOf.set(inc.sys_id, String(c.Id));
          });
          let found = unkeyed.filter((i) => caseOf.has(i.sys_id));
          // A Case another incident already names by key belongs to that incident (phase 1 saw it): a conflict.
          const candidateCases = [...new Set(found.map((i) => /** @type {string} */ (caseOf.get(i.sys_id))))];
          /** @type {Set<string>} */ const claimed = new Set();
          for (let i = 0; i < candidateCases.length; i += SN_IN_LIMIT) {
            const rows = (await sn.page('incident', { query: `${SN_CASE_ID}IN${candidateCases.slice(i, i + SN_IN_LIMIT).join(',')}`, fields: [SN_CASE_ID], limit: 1000 })).rows;
            for (const r of rows) claimed.add(r[SN_CASE_ID]);
          }
          for (const inc of found.filter((i) => claimed.has(/** @type {string} */ (caseOf.get(i.sys_id))))) {
            totals.conflicts++;
            conflicts.push(`incident ${inc.number}: Case ${caseOf.get(inc.sys_id)} names it, but another incident names that Case by key`);
          }
          found = found.filter((i) => !claimed.has(/** @type {string} */ (caseOf.get(i.sys_id))));
          if (found.length) {
            const ids = [...new Set(caseOf.values())];
            const cases = (await sf.queryAll(`SELECT ${CASE_FIELDS.join(', ')} FROM Case WHERE Id IN (${ids.map(soqlQuote).join(',')})`)).map(flattenSoql);
            // The incident's empty key is then an owned field to copy, like any other.
            await processPairs(found, cases, (inc) => caseOf.get(inc.sys_id) ?? null);
          }
        }
        totals.scanned += chunk.length;
        scannedThisRun += chunk.length;
        done += chunk.length;
        cp.lastCaseId = String(chunk[chunk.length - 1].Id);
        checkpoint();
        progress('cases', done, null);
        if (shouldStop()) return summary(true);
      }
    }
    cp.phase = 'done';
    checkpoint();
  }
  if (!dryRun) removeCheckpoint(config.checkpointFile);
  return summary(false);
}
