#!/usr/bin/env node
// @ts-check
/**
 * Runs the Salesforce twin on its own: `node test/twins/salesforce/serve.js [--port 8081] [--state file]`.
 * The sandbox (`npm start`) starts it in-process instead; this is for poking at it with curl or jsforce.
 */
import { parseArgs } from 'node:util';
import { createSalesforceTwin } from './index.js';

const { values } = parseArgs({ options: { port: { type: 'string', default: '0' }, state: { type: 'string' }, 'client-id': { type: 'string' }, 'client-secret': { type: 'string' } } });
const twin = await createSalesforceTwin({
  port: Number(values.port), stateFile: values.state, clientId: values['client-id'], clientSecret: values['client-secret'],
  onOutbound: (item) => console.log(`outbound ${item.kind} ${item.message.messageId} case ${item.message.caseId}`),
});
console.log(`Salesforce twin on ${twin.url}`);
console.log(`  token: curl -s -d grant_type=client_credentials -d client_id=${twin.clientId} -d client_secret=${twin.clientSecret} ${twin.url}/services/oauth2/token`);
console.log(`  events: curl -N -H 'accept: text/event-stream' ${twin.url}/seam-twin/events`);
const stop = async () => { await twin.close(); process.exit(0); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
