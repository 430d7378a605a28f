#!/usr/bin/env node
// @ts-check
/**
 * The sync rows of `npm run bench` (scripts/bench.mjs runs this file), measured on the sandbox:
 * the proxy, the Salesforce twin and the ServiceNow twin running the real built app.
 *
 * - API calls per synced change, each direction (one change at a time; the floor is 1), counted
 *   by the receivers: ServiceNow inbound calls at the delivery path, Salesforce from its own
 *   api-usage counter.
 * - A burst of 1,000 incident updates: Salesforce API calls used with the app's defaults (batch
 *   size 200, the debounced send: x_seam_bridge.outbox.debounce_ms 1000) and the naive path
 *   (batch size 1, debounce 0: one call per update, sent as each rule runs), and the latency from
 *   each change to Salesforce updated, p50/p99, for both.
 * - Single-change latency p50/p99 each direction.
 *
 * ServiceNow → Salesforce runs as on an instance: the async rules queue and schedule the one-shot
 * drain, and the bench runs only what is due (the twin's own 250 ms tick does too), so the
 * latencies include the debounce; the every-minute job is never due during the measurements.
 * Prints `BENCH {json}` lines (scripts/bench/emit.mjs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../sandbox/sandbox.js';
import { salesforceClient, serviceNowClient } from '../faults/lib/clients.mjs';
import { emit } from '../../scripts/bench/emit.mjs';

const GROUP = 'sync on twins';
const LINKS = 200;
const SINGLE = Number(process.env.SEAM_BENCH_SINGLE ?? 60);
const ROUNDS = 5; // LINKS × ROUNDS = 1,000 incident updates in the burst

/** @param {number[]} xs @param {number} q */
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};
const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'seam-bench-'));
const sb = await createSandbox({ stateDir: dir, reset: true, pumpMs: 100_000 });
try {
  const sf = salesforceClient({ url: sb.urls.salesforce, clientId: sb.salesforce.clientId, clientSecret: sb.salesforce.clientSecret });
  const admin = serviceNowClient(sb.urls.servicenow, sb.credentials.servicenow.admin);
  const agent = serviceNowClient(sb.urls.servicenow, sb.credentials.servicenow.agent);

  // Count ServiceNow inbound calls and see when each case message was answered.
  const original = sb.salesforce.dispatchOutbox.bind(sb.salesforce);
  let snCalls = 0;
  /** @type {Map<string, number>} caseId → time its last message was answered 200 */
  const answered = new Map();
  sb.salesforce.dispatchOutbox = (send) => original(async (request) => {
    snCalls++;
    const r = await send(request);
    if (r.status === 200) for (const m of request.messages) answered.set(String(m.caseId), performance.now());
    return r;
  });
  // Salesforce side: when each case got an Incident_Update__e applied (the twin applies on publish).
  /** @type {Array<{ caseId: string, at: number, fields: string }>} */
  const arrivals = [];
  sb.salesforce.events.subscribe((e) => {
    if (e.type === 'Incident_Update__e') arrivals.push({ caseId: String(e.payload.Case_Id__c), at: performance.now(), fields: String(e.payload.Fields_Json__c ?? '') });
  });

  // ---- links --------------------------------------------------------------------------------------
  process.stderr.write(`sync bench: creating ${LINKS} linked cases …\n`);
  for (let i = 0; i < LINKS; i++) {
    await sf.request('POST', '/sobjects/Case', { Subject: `VPN error 809 when connecting to the corporate network (${i})`, Description: 'VPN client fails with error 809 since the update.', Priority: 'Low' });
  }
  await sb.settle({ maxRounds: 40 });
  const incidents = await admin.rows('incident', 'x_seam_bridge_sf_case_idISNOTEMPTY', 'sys_id,x_seam_bridge_sf_case_id');
  const links = incidents.map((i) => ({ sysId: String(i.sys_id), caseId: String(i.x_seam_bridge_sf_case_id) }));
  if (links.length < LINKS) throw new Error(`only ${links.length} of ${LINKS} cases were linked`);

  // ---- Salesforce → ServiceNow, one change at a time -------------------------------------------------
  const sfLat = [];
  const calls0 = snCalls;
  for (let i = 0; i < SINGLE; i++) {
    const l = links[i % links.length];
    answered.delete(l.caseId);
    const t0 = performance.now();
    await sf.request('PATCH', `/sobjects/Case/${l.caseId}`, { Subject: `VPN error 809, still failing (${i})` });
    await sb.pump();
    while (!answered.has(l.caseId)) { await sb.pump(); await sleep(1); }
    sfLat.push(/** @type {number} */ (answered.get(l.caseId)) - t0);
  }
  emit(GROUP, 'SF→SN API calls per synced change (one at a time)', (snCalls - calls0) / SINGLE, 'calls', `ServiceNow inbound calls / ${SINGLE} Case updates; floor 1`);
  emit(GROUP, 'SF→SN latency p50 (Case update → ServiceNow answered)', quantile(sfLat, 0.5), 'ms', `${SINGLE} sequential changes`);
  emit(GROUP, 'SF→SN latency p99', quantile(sfLat, 0.99), 'ms', '');

  // ---- ServiceNow → Salesforce, one change at a time -------------------------------------------------
  await sb.servicenow.runJobs({ allJobs: true }); // the minute job's next run is a minute away
  const snLat = [];
  const usage0 = sb.salesforce.apiUsage;
  for (let i = 0; i < SINGLE; i++) {
    const l = links[i % links.length];
    const seen = arrivals.length;
    const t0 = performance.now();
    await agent.request('PATCH', `/api/now/table/incident/${l.sysId}`, { close_notes: `single ${i}` });
    for (;;) {
      await sb.servicenow.runJobs(); // async rules and due triggers only
      if (arrivals.slice(seen).some((a) => a.caseId === l.caseId && a.fields.includes(`single ${i}`))) break;
      await sleep(10);
    }
    snLat.push(/** @type {any} */ (arrivals.slice(seen).find((a) => a.caseId === l.caseId && a.fields.includes(`single ${i}`))).at - t0);
  }
  emit(GROUP, 'SN→SF API calls per synced change (one at a time)', (sb.salesforce.apiUsage - usage0) / SINGLE, 'calls', `Salesforce api-usage / ${SINGLE} incident updates; floor 1`);
  emit(GROUP, 'SN→SF latency p50 (incident update → Case updated)', quantile(snLat, 0.5), 'ms', 'includes the debounce (1 s default): one-shot drain, not the minute job');
  emit(GROUP, 'SN→SF latency p99', quantile(snLat, 0.99), 'ms', '');

  // ---- a burst of 1,000 incident updates, batched and naive ----------------------------------------
  for (const naive of [false, true]) {
    // Batched: the app's defaults (batch size 200, debounce 1000 ms). Naive: one call per update.
    await sb.servicenow.setProperties(naive
      ? { 'x_seam_bridge.outbox.batch_size': '1', 'x_seam_bridge.outbox.debounce_ms': '0', 'x_seam_bridge.outbox.batches_per_run': '50' }
      : { 'x_seam_bridge.outbox.batch_size': '200', 'x_seam_bridge.outbox.debounce_ms': '1000', 'x_seam_bridge.outbox.batches_per_run': '5' });
    await sb.servicenow.runJobs({ allJobs: true }); // empties the queues; the drain's next scheduled run is a minute away
    const tag = naive ? 'burstnaive' : 'burstbatched';
    /** @type {Map<string, number>} `${caseId}|${round}` → change time */
    const changed = new Map();
    const usage = sb.salesforce.apiUsage;
    const seen = arrivals.length;
    const t0 = performance.now();
    for (let round = 0; round < ROUNDS; round++) {
      for (const l of links) {
        changed.set(`${l.caseId}|${round}`, performance.now());
        await agent.request('PATCH', `/api/now/table/incident/${l.sysId}`, { close_notes: `${tag} r${round}` });
      }
      // Async rules and due one-shot drains only; the minute job is not due.
      await sb.servicenow.runJobs();
    }
    /** @type {Map<string, number>} */
    const landed = new Map();
    const collect = () => {
      for (const a of arrivals.slice(seen)) {
        const m = a.fields.match(new RegExp(`${tag} r(\\d)`));
        if (m && !landed.has(`${a.caseId}|${m[1]}`)) landed.set(`${a.caseId}|${m[1]}`, a.at);
      }
    };
    // The tail: the last one-shot drain (≤ debounce + one drain after the last change), never the minute job.
    for (const deadline = performance.now() + 30_000; landed.size < changed.size && performance.now() < deadline;) {
      await sb.servicenow.runJobs();
      collect();
      await sleep(20);
    }
    const lastChange = Math.max(...changed.values());
    const lastLanded = Math.max(...landed.values());
    const total = performance.now() - t0;
    const lat = [...landed].map(([k, at]) => at - /** @type {number} */ (changed.get(k)));
    const label = naive ? 'naive (batch size 1, debounce 0)' : 'batched (defaults: 200 per call, debounce 1 s)';
    emit(GROUP, `burst of 1,000 incident updates: Salesforce API calls, ${label}`, sb.salesforce.apiUsage - usage, 'calls', naive ? 'one call per update' : 'floor 5; about one drain per debounce while the burst lasts');
    emit(GROUP, `burst: updates delivered, ${label}`, landed.size, 'updates', `of ${changed.size}`);
    emit(GROUP, `burst latency p50, ${label}`, quantile(lat, 0.5), 'ms', 'change → Case updated');
    emit(GROUP, `burst latency p99, ${label}`, quantile(lat, 0.99), 'ms', '');
    emit(GROUP, `burst wall time, ${label}`, total, 'ms', 'first change → last Case updated');
    emit(GROUP, `burst tail, ${label}`, lastLanded - lastChange, 'ms', 'last change → last Case updated (bound: debounce + one drain)');
    if (landed.size < changed.size) throw new Error(`burst (${label}): only ${landed.size} of ${changed.size} updates reached Salesforce within 30 s without the minute job`);
  }
} finally {
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
}
