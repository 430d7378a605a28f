/**
 * Salesforce REST through the `Seam Salesforce` REST message (OAuth 2.0 client credentials,
 * token handled by the platform's OAuth profile). Translates HTTP into plain results; callers
 * decide what a failure means.
 */
import type { Settings } from '../config';
import type { HttpClient, HttpResponse } from '../ports';

/** The sObject Collections limit per call. */
export const COLLECTION_LIMIT = 200;

/** An sObject as sObject Collections wants it: `attributes.type` plus fields. */
export interface SObjectRecord {
    readonly attributes: { readonly type: string };
    readonly [field: string]: unknown;
}

export interface SaveResult {
    readonly success: boolean;
    readonly id?: string;
    /** `STATUS_CODE: message (fields)`, joined. */
    readonly error?: string;
}

export type CollectionsOutcome =
    | { readonly ok: true; readonly status: number; readonly results: readonly SaveResult[] }
    | { readonly ok: false; readonly status: number; readonly error: string };

type SfSettings = Pick<Settings, 'salesforceUrl' | 'salesforceApiVersion'>;

const base = (s: SfSettings): string => `${s.salesforceUrl}/services/data/${s.salesforceApiVersion}`;

function describeFailure(res: HttpResponse): string {
    if (res.status === 0) return `no HTTP answer: ${res.error ?? 'transport error'}`;
    let detail = res.body.slice(0, 500);
    try {
        const parsed = JSON.parse(res.body) as unknown;
        if (Array.isArray(parsed)) {
            detail = parsed
                .map((e) => (e && typeof e === 'object' ? `${String((e as { errorCode?: unknown }).errorCode)}: ${String((e as { message?: unknown }).message)}` : String(e)))
                .join('; ');
        }
    } catch {
        // not JSON: keep the raw text
    }
    return `HTTP ${res.status}: ${detail}`;
}

/**
 * One sObject Collections create call (`allOrNone: false`) for up to 200 records; the results
 * come back in request order, one per record.
 */
export function createRecords(http: HttpClient, settings: SfSettings, records: readonly SObjectRecord[], fn = 'publishEvents'): CollectionsOutcome {
    if (records.length === 0) return { ok: true, status: 200, results: [] };
    if (records.length > COLLECTION_LIMIT) {
        throw new RangeError(`createRecords: ${records.length} records; sObject Collections takes at most ${COLLECTION_LIMIT} per call`);
    }
    if (!settings.salesforceUrl) {
        return { ok: false, status: 0, error: 'x_seam_bridge.salesforce.instance_url is empty: set it to the Salesforce My Domain URL' };
    }
    const res = http.send({
        message: 'Seam Salesforce',
        fn,
        method: 'POST',
        endpoint: `${base(settings)}/composite/sobjects`,
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ allOrNone: false, records }),
    });
    if (res.status < 200 || res.status >= 300) return { ok: false, status: res.status, error: describeFailure(res) };
    let parsed: unknown;
    try {
        parsed = JSON.parse(res.body);
    } catch {
        return { ok: false, status: res.status, error: `HTTP ${res.status} with a body that is not JSON` };
    }
    if (!Array.isArray(parsed) || parsed.length !== records.length) {
        return { ok: false, status: res.status, error: `expected ${records.length} save results, got ${Array.isArray(parsed) ? parsed.length : 'no array'}` };
    }
    const results = parsed.map((r): SaveResult => {
        const o = (r ?? {}) as { success?: unknown; id?: unknown; errors?: unknown };
        if (o.success === true) return { success: true, id: typeof o.id === 'string' ? o.id : undefined };
        const errors = Array.isArray(o.errors) ? o.errors : [];
        const text = errors
            .map((e) => {
                const x = (e ?? {}) as { statusCode?: unknown; message?: unknown; fields?: unknown };
                const fields = Array.isArray(x.fields) && x.fields.length ? ` (${x.fields.join(', ')})` : '';
                return `${String(x.statusCode ?? 'ERROR')}: ${String(x.message ?? '')}${fields}`;
            })
            .join('; ');
        return { success: false, error: text || 'rejected without an error message' };
    });
    return { ok: true, status: res.status, results };
}

export type QueryOutcome =
    | { readonly ok: true; readonly records: readonly Record<string, unknown>[] }
    | { readonly ok: false; readonly status: number; readonly error: string };

/** A SOQL query (first page; callers bound their queries with LIMIT). */
export function query(http: HttpClient, settings: SfSettings, soql: string): QueryOutcome {
    if (!settings.salesforceUrl) {
        return { ok: false, status: 0, error: 'x_seam_bridge.salesforce.instance_url is empty: set it to the Salesforce My Domain URL' };
    }
    const res = http.send({
        message: 'Seam Salesforce',
        fn: 'query',
        method: 'GET',
        endpoint: `${base(settings)}/query?q=${encodeURIComponent(soql)}`,
        headers: { Accept: 'application/json' },
    });
    if (res.status !== 200) return { ok: false, status: res.status, error: describeFailure(res) };
    try {
        const parsed = JSON.parse(res.body) as { records?: unknown };
        return { ok: true, records: Array.isArray(parsed.records) ? (parsed.records as Record<string, unknown>[]) : [] };
    } catch {
        return { ok: false, status: res.status, error: 'query answer is not JSON' };
    }
}

/** Quotes a string literal for SOQL. */
export function soqlString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
