// Shared fixture of the backfill tests: both twins in this process (the backfill only calls them
// over HTTP; no ServiceNow script here calls Salesforce synchronously, the drain job is switched
// off), seeded directly in their stores as a previous connector or a manual load left them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServiceNowTwin } from '../twins/servicenow/index.js';
import { startTwin } from '../twins/salesforce/helpers';
import { INTEGRATION_USER_ID, INTEGRATION_USER_NAME } from '../twins/salesforce/store.js';

/** The ServiceNow build to load: SEAM_SANDBOX_APP (as the sandbox), else servicenow-app. */
export const APP_DIR = process.env.SEAM_SANDBOX_APP || fileURLToPath(new URL('../../servicenow-app', import.meta.url));
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

export type Kind = 'both' | 'incidentKey' | 'incidentCorrelation' | 'caseKey' | 'caseCorrelation';
/** How the keys of pair i are spread: all five ways a pair can be known. */
export const kindOf = (i: number): Kind => (['both', 'both', 'both', 'both', 'incidentKey', 'incidentKey', 'incidentKey', 'incidentCorrelation', 'caseKey', 'caseCorrelation'] as const)[i % 10];

export interface Seeded {
  pairs: { caseId: string; sysId: string; number: string }[];
  decoys: { caseId: string; sysId: string }[];
  closed: { caseId: string; sysId: string }[];
  conflicts: { caseId: string; sysId: string }[];
  preLinked: number;
}

export async function startTwins(options: { apiLimit?: number } = {}) {
  const sf = await startTwin(options);
  const sn = await createServiceNowTwin({ app: APP_DIR, tickMs: 0 });
  // Only async rules run in these tests (runJobs); the outbox drain would call Salesforce synchronously.
  for (const job of sn.host.jobs) job.active = false;
  const dir = mkdtempSync(join(tmpdir(), 'seam-backfill-'));
  const config = (over: Record<string, unknown> = {}) => ({
    servicenow: { url: sn.url, user: 'seam.integration', password: 'integration' },
    salesforce: { url: sf.url, clientId: sf.clientId, clientSecret: sf.clientSecret },
    checkpointFile: join(dir, 'checkpoint.json'),
    ...over,
  });
  return { sf, sn, dir, config, async close() { await sn.close(); await sf.close(); } };
}

type Twins = Awaited<ReturnType<typeof startTwins>>;

/** The twin store's write API (index.d.ts types only its read side). */
interface WritableStore {
  create(type: string, body: Record<string, unknown>, ctx: unknown): string;
  update(type: string, id: string, body: Record<string, unknown>, ctx: unknown): void;
  all(type: string): Array<Record<string, string | number | boolean | null>>;
}
const sfStore = (t: Twins) => t.sf.store as unknown as WritableStore;

const ctx = () => ({ userId: INTEGRATION_USER_ID, userName: INTEGRATION_USER_NAME, inbound: true, after: [] as Array<() => void> });

/**
 * `n` pairs known by key in the five ways, some with drifted owned fields, 100 already linked;
 * plus decoys with the same subject text and no keys, closed Cases and keys that contradict.
 */
export function seed(t: Twins, n: number): Seeded {
  const out: Seeded = { pairs: [], decoys: [], closed: [], conflicts: [], preLinked: 0 };
  const newCase = (subject: string, extra: Record<string, unknown> = {}) =>
    sfStore(t).create('Case', { Subject: subject, Status: 'New', Priority: 'Medium', Origin: 'Web', ...extra }, ctx());
  const newIncident = (subject: string, extra: Record<string, string> = {}) =>
    t.sn.store.insert('incident', { short_description: subject, state: '1', urgency: '2', impact: '2', priority: '3', ...extra }, 'admin');

  // Every 13th incident is assigned: the Case gets the assignee's name, not the sys_user sys_id.
  const beth = t.sn.store.insert('sys_user', { user_name: 'beth.anglin', name: 'Beth Anglin' }, 'admin');
  for (let i = 0; i < n; i++) {
    const subject = `Printer ${i} jammed`;
    // Every 7th pair has drifted: the incident moved on and the Case's priority changed since.
    const drift = i % 7 === 0;
    const caseId = newCase(subject, { Priority: drift ? 'High' : 'Medium' });
    // Every 11th incident carries a date-time (SOQL answers it as …000+0000: compared as an instant).
    const inc = newIncident(subject, {
      ...(drift ? { state: '2' } : {}),
      ...(i % 11 === 0 ? { resolved_at: '2026-11-20 08:00:00' } : {}),
      ...(i % 13 === 0 ? { assigned_to: beth.sys_id } : {}),
    });
    const correlation = `SNOW-${inc.number}|SFDC-${caseId}`;
    const kind = kindOf(i);
    const incKeys: Record<string, string> = {};
    const caseKeys: Record<string, unknown> = {};
    if (kind === 'both' || kind === 'incidentKey') incKeys.x_seam_bridge_sf_case_id = caseId;
    if (kind === 'both' || kind === 'incidentCorrelation') incKeys.x_seam_bridge_correlation_id = correlation;
    if (kind === 'both' || kind === 'caseKey') caseKeys.Seam_Incident_Sys_Id__c = inc.sys_id;
    if (kind === 'both' || kind === 'caseCorrelation') caseKeys.Seam_Correlation_Id__c = correlation;
    if (kind === 'both') Object.assign(caseKeys, { Seam_Incident_Number__c: inc.number });
    if (Object.keys(incKeys).length) t.sn.store.update('incident', inc.sys_id, incKeys, 'admin');
    if (Object.keys(caseKeys).length) sfStore(t).update('Case', caseId, caseKeys, ctx());
    out.pairs.push({ caseId, sysId: inc.sys_id, number: inc.number });
  }
  // 100 pairs an earlier run already linked (their rows must stay as they are, not be duplicated).
  for (const p of out.pairs.filter((_, i) => kindOf(i) === 'both').slice(0, 100)) {
    t.sn.store.insert('x_seam_bridge_link', { sf_case_id: p.caseId, incident: p.sysId, correlation_id: `SNOW-${p.number}|SFDC-${p.caseId}`, sync_state: 'in_sync' }, 'admin');
    out.preLinked++;
  }
  // Same text, no keys: must never be linked (linking is by key, never by description).
  for (let i = 0; i < 20; i++) {
    const subject = `Printer ${i} jammed`;
    out.decoys.push({ caseId: newCase(subject), sysId: newIncident(subject).sys_id });
  }
  // Keyed but the Case is closed: skipped.
  for (let i = 0; i < 10; i++) {
    const caseId = newCase(`Closed ${i}`, { Status: 'Closed' });
    const inc = newIncident(`Closed ${i}`, { x_seam_bridge_sf_case_id: caseId });
    out.closed.push({ caseId, sysId: inc.sys_id });
  }
  // The incident names a Case that names another incident: a conflict for a person.
  for (let i = 0; i < 5; i++) {
    const other = newIncident(`Other ${i}`);
    const caseId = newCase(`Conflict ${i}`, { Seam_Incident_Sys_Id__c: other.sys_id });
    const inc = newIncident(`Conflict ${i}`, { x_seam_bridge_sf_case_id: caseId });
    out.conflicts.push({ caseId, sysId: inc.sys_id });
  }
  return out;
}

export const links = (t: Twins) => [...t.sn.store.rows('x_seam_bridge_link').values()];
export const incidents = (t: Twins) => [...t.sn.store.rows('incident').values()];
export const cases = (t: Twins) => t.sf.store.all('Case');
export const outboxRows = (t: Twins) => [...t.sn.store.rows('x_seam_bridge_outbox').values()];
