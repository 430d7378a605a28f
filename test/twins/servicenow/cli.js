#!/usr/bin/env node
// @ts-check
/**
 * Runs the ServiceNow twin in its own process. Needed whenever the app's scripts call a server
 * that lives in the same process as the twin (RESTMessageV2.execute blocks the twin's thread).
 *
 *   node test/twins/servicenow/cli.js --app servicenow-app --port 8081 --store .seam/servicenow.json \
 *     --properties '{"x_seam_bridge.salesforce.instance_url":"http://127.0.0.1:8082"}'
 *
 * Prints one JSON line {"url": …} on stdout when listening; Ctrl-C saves the store and exits.
 */
import { parseArgs } from 'node:util';
import { createServiceNowTwin } from './index.js';

const { values } = parseArgs({
  options: {
    config: { type: 'string' },
    app: { type: 'string' },
    port: { type: 'string' },
    host: { type: 'string' },
    store: { type: 'string' },
    properties: { type: 'string' },
    'endpoint-map': { type: 'string' },
    'outbound-auth': { type: 'string' },
    'tick-ms': { type: 'string' },
  },
});

/** @param {string | undefined} text @param {string} flag */
const json = (text, flag) => {
  if (text === undefined) return undefined;
  try { return JSON.parse(text); } catch { throw new Error(`--${flag} must be JSON, e.g. --${flag} '{"key":"value"}'`); }
};

/** @type {import('./index.js').ServiceNowTwinOptions} */
const options = {
  tickMs: 250,
  ...json(values.config, 'config'),
  ...(values.app ? { app: values.app } : {}),
  ...(values.port ? { port: Number(values.port) } : {}),
  ...(values.host ? { host: values.host } : {}),
  ...(values.store ? { storeFile: values.store } : {}),
  ...(values.properties ? { properties: json(values.properties, 'properties') } : {}),
  ...(values['endpoint-map'] ? { endpointMap: json(values['endpoint-map'], 'endpoint-map') } : {}),
  ...(values['outbound-auth'] ? { outboundAuth: json(values['outbound-auth'], 'outbound-auth') } : {}),
  ...(values['tick-ms'] ? { tickMs: Number(values['tick-ms']) } : {}),
};

const twin = await createServiceNowTwin(options);
process.stdout.write(JSON.stringify({ url: twin.url, app: twin.app }) + '\n');
let closing = false;
const stop = async () => {
  if (closing) return;
  closing = true;
  await twin.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
