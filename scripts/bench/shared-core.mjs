// Throughput of the shared core's hot paths, from its Node build (the same bytes ServiceNow runs).
// Side by side: the pure SHA-256 that must run in ServiceNow's engine vs Node's native one.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { at } from '../lib/paths.mjs';
import { emit, opsPerSecond } from './emit.mjs';

const core = createRequire(import.meta.url)(at('shared/dist/seam-core.cjs'));
const G = 'shared core';

const incident = {
  sys_id: 'a'.repeat(32), number: 'INC0010001', state: '2', hold_reason: '', priority: '3', urgency: '2',
  assigned_to: 'beth.anglin', assignment_group: 'Network', sla_due: '2026-11-24 10:00:00', cmdb_ci: 'email-eu',
  rfc: '', close_code: '', close_notes: '', resolved_at: '', x_seam_bridge_correlation_id: 'SNOW-INC0010001|SFDC-500000000000001AAA',
};
let link = core.newLink({ incidentSysId: incident.sys_id, caseId: '500000000000001AAA' });
link = core.decideOutbound({ from: 'servicenow', current: incident, link, origin: 'local' }).link;

emit(G, 'decideOutbound, incident update (1 field changed)', opsPerSecond((i) =>
  core.decideOutbound({ from: 'servicenow', current: { ...incident, assigned_to: `u${i}` }, link, origin: 'local' })), 'ops/s');
emit(G, 'decideOutbound, echo of an inbound write (0 sent)', opsPerSecond(() =>
  core.decideOutbound({ from: 'servicenow', current: incident, link, origin: 'peer' })), 'ops/s');

const ticket = ('Customer Jane Doe (jane.doe@example.com, +44 20 7946 0958) cannot log in to the VPN from 10.1.2.3; ' +
  'card 4111 1111 1111 1111 was charged twice. ').repeat(8);
emit(G, `maskPii, ${ticket.length}-char ticket`, opsPerSecond(() => core.maskPii(ticket, { contactNames: ['Jane Doe'] })), 'ops/s');

const kb = 'x'.repeat(1024);
const pure = opsPerSecond(() => core.sha256Hex(kb));
const native = opsPerSecond(() => createHash('sha256').update(kb).digest('hex'));
emit(G, 'sha256Hex 1 KiB, pure ES2021 (runs on ServiceNow)', pure, 'ops/s');
emit(G, 'sha256 1 KiB, node:crypto (reference)', native, 'ops/s', `pure/native = ${(pure / native).toFixed(3)}`);
