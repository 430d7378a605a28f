/**
 * Stand-in for Apex imports: `@salesforce/apex/Class.method` is a function returning a promise
 * and, as on the platform, also a wire adapter; `refreshApex(value)` re-runs the wire that
 * emitted `value`. Calls go through the console server, which forwards them to the Salesforce
 * twin's Aura endpoint.
 */
const wiresByValue = new WeakMap();

function toAuraError(status, body) {
    const message = body && (body.error || body.message) ? body.error || body.message : `HTTP ${status}`;
    return { status, body: { message }, headers: {} };
}

async function invoke(className, method, params) {
    const response = await fetch(`/api/apex/${encodeURIComponent(className)}/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(params || {})
    });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw toAuraError(response.status, body);
    return body;
}

export function apexMethod(className, method) {
    const call = (params) => invoke(className, method, params);
    call.adapter = class ApexWireAdapter {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.config = undefined;
            this.connected = false;
        }
        update(config) {
            this.config = config;
            return this.fetch();
        }
        connect() {
            this.connected = true;
        }
        disconnect() {
            this.connected = false;
        }
        async fetch() {
            const config = this.config || {};
            // The platform does not call a wired method while a reactive parameter is undefined.
            if (Object.values(config).some((v) => v === undefined)) return undefined;
            let value;
            try {
                value = { data: await invoke(className, method, config), error: undefined };
            } catch (error) {
                value = { data: undefined, error };
            }
            wiresByValue.set(value, this);
            this.dataCallback(value);
            return value;
        }
    };
    return call;
}

export function refreshApex(wiredValue) {
    const wire = wiredValue && wiresByValue.get(wiredValue);
    return wire ? wire.fetch().then(() => undefined) : Promise.resolve(undefined);
}

export function getSObjectValue(record, field) {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    return name.split('.').reduce((v, k) => (v == null ? undefined : v[k]), record);
}
