// The fault campaign at a small size inside `npm test` (the full run is `npm run test:faults`).
// It runs the sandbox (proxy, Salesforce twin, ServiceNow twin with the real built app) under
// seeded faults and checks the invariants; no timing is asserted.
import { describe, expect, it } from 'vitest';
import { failures, formatReport, runCampaign } from './campaign.mjs';

interface Report {
  duplicatesCreated: number; echoWrites: number; changesLost: number; fieldMismatches: number; fieldsCompared: number; links: number;
  faultsByKind: Record<string, number>;
  driven: Record<string, number>;
  messages: { sent: { salesforceToServiceNow: number; serviceNowToSalesforce: number }; retried: { salesforce: number; servicenow: number }; deadLettered: { salesforce: number; salesforceFiles: number; servicenow: number }; replayed: number };
  deliveryFaults: { caseDelivery: { faulted: number } };
  files: { big: number; bigDeadLetteredWithHeapReason: number; bigDelivered: number; small: number; smallDelivered: number; lost: number; reasons: string[] };
  slowModel: { cases: number; triageQueued: number; linked: number; notLinked: number; deadLetteredForTimeout: number; transactionsCancelled: number };
  eventBatches: { faults: number; events: number; limitExceptions: number; resumedAfterCheckpoint: number; retriedWhole: number; notAppliedOnce: number; eventsDropped: number };
}

/** What every campaign must end with: nothing twice, no echo, nothing lost, both sides on the owners' values. */
function expectTheInvariants(report: Report): void {
    expect(report.duplicatesCreated).toBe(0);
    expect(report.echoWrites).toBe(0);
    expect(report.changesLost).toBe(0);
    expect(report.fieldMismatches).toBe(0);
    expect(failures(report)).toEqual([]);
}

describe('fault campaign (150 changes, seed 20261123)', () => {
  it('loses nothing, duplicates nothing, never echoes, and both sides hold the owners’ values', async () => {
    // Besides the seeded random faults, an outage each way and a restart of each piece at fixed steps,
    // so the dead letter, the replay and the restart paths run in every test run; and issue 15's three:
    // a 4 MB file, a model slower than the REST quota, a PE batch whose save fails mid-way.
    const scheduled = {
      20: 'big_file', 30: 'sf_down_until_dead_letter', 45: 'sf_restart', 60: 'sn_restart', 75: 'proxy_restart', 90: 'sn_down_until_dead_letter',
      100: 'model_slower_than_quota', 120: 'pe_limit_midway',
    };
    const { report } = (await runCampaign({ seed: 20261123, changes: 150, links: 10, faultRate: 0.2, scheduled })) as { report: Report };
    console.log(formatReport(report));
    // The run did exercise the seam: changes from both sides, faults that forced retries.
    expect(report.driven.sf_update + report.driven.sf_comment).toBeGreaterThan(0);
    expect(report.driven.sn_update + report.driven.sn_comment).toBeGreaterThan(0);
    expect(report.deliveryFaults.caseDelivery.faulted + report.messages.retried.servicenow).toBeGreaterThan(0);
    for (const k of ['sn_restart', 'sf_restart', 'proxy_restart', 'big_file', 'model_slower_than_quota', 'pe_limit_midway']) expect(report.faultsByKind[k]).toBeGreaterThanOrEqual(1);
    // The 4 MB file ends as a dead letter that names the heap; the small file queued after it is delivered.
    expect(report.files.big).toBeGreaterThanOrEqual(1);
    expect(report.files.bigDeadLetteredWithHeapReason + report.files.bigDelivered).toBe(report.files.big);
    expect(report.files.reasons.join(' ')).toMatch(/12 MB heap/);
    expect(report.files.smallDelivered).toBe(report.files.small);
    // The slow model: the request deferred triage, every case got its incident, nothing cancelled or dead-lettered for it.
    expect(report.slowModel.cases).toBeGreaterThanOrEqual(3);
    expect(report.slowModel.triageQueued).toBeGreaterThan(0);
    expect(report.slowModel.linked).toBe(report.slowModel.cases);
    expect(report.slowModel.deadLetteredForTimeout + report.slowModel.transactionsCancelled).toBe(0);
    // The PE batch: more than one chunk, the limit hit after a checkpoint, every event applied exactly once.
    expect(report.eventBatches.events).toBeGreaterThan(200);
    expect(report.eventBatches.limitExceptions).toBeGreaterThanOrEqual(1);
    expect(report.eventBatches.resumedAfterCheckpoint).toBe(report.eventBatches.limitExceptions);
    // The locked row: the whole batch again (EventBus.RetryableException), still applied exactly once.
    expect(report.eventBatches.retriedWhole).toBeGreaterThanOrEqual(1);
    expect(report.eventBatches.notAppliedOnce).toBe(0);
    expect(report.eventBatches.eventsDropped).toBe(0);
    expect(report.messages.deadLettered.salesforce).toBeGreaterThan(0);
    // A ServiceNow dead letter happened: kept to the end, or replayed by the admin before the PE burst.
    expect(report.messages.deadLettered.servicenow + report.messages.replayedMidRun).toBeGreaterThan(0);
    expect(report.messages.replayed).toBe(report.messages.deadLettered.salesforce + report.messages.deadLettered.salesforceFiles + report.messages.deadLettered.servicenow);
    expect(report.fieldsCompared).toBe(report.links);
    expectTheInvariants(report);
  }, 120_000);
});

describe('fault campaign --pe-first-chunk (30 changes, seed 7)', () => {
  it('a PE batch dropped by a limit exception on its first event is republished by ServiceNow: nothing lost, nothing twice', async () => {
    const { report } = (await runCampaign({ seed: 7, changes: 30, links: 10, faultRate: 0, scheduled: { 10: 'pe_limit_midway' }, peFirstChunk: true })) as {
      report: Report & { messages: { republished: number; unconfirmed: number }; eventBatches: { droppedRecovered: number } };
    };
    console.log(formatReport(report));
    // The platform dropped the whole batch (no checkpoint before the first event) ...
    expect(report.eventBatches.events).toBeGreaterThan(200);
    expect(report.eventBatches.resumedAfterCheckpoint).toBe(0);
    expect(report.eventBatches.eventsDropped).toBe(report.eventBatches.events);
    // ... and every event of it came back through ServiceNow's receipts, applied exactly once.
    expect(report.messages.republished).toBeGreaterThanOrEqual(report.eventBatches.events);
    expect(report.eventBatches.droppedRecovered).toBe(report.eventBatches.eventsDropped);
    expect(report.eventBatches.notAppliedOnce).toBe(0);
    expect(report.messages.unconfirmed).toBe(0);
    expectTheInvariants(report);
  }, 120_000);
});
