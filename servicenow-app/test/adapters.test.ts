/**
 * The Glide adapters against a minimal Glide double (the documented GlideRecord, gs,
 * GlideDateTime and sn_ws.RESTMessageV2 calls only), standing in for the instance.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const db = new Map<string, Map<string, Record<string, string>>>();
const restCalls: { message: string; fn: string; endpoint?: string; method?: string; headers: Record<string, string>; body?: string }[] = [];
let restAnswer: { status: number; body: string; error?: string; throws?: boolean; headers?: Record<string, string> } = { status: 200, body: '{}' };
let nextId = 0;

vi.mock('@servicenow/glide', () => {
    class GlideRecord {
        private rows: Record<string, string>[] = [];
        private i = -1;
        private current: Record<string, string> = {};
        private conditions: [string, string][] = [];
        private limit = Infinity;
        private order = '';
        constructor(private table: string) {}
        private t() {
            if (!db.has(this.table)) db.set(this.table, new Map());
            return db.get(this.table)!;
        }
        addEncodedQuery(q: string) {
            for (const c of q.split('^')) {
                const [f, v] = c.split('=');
                this.conditions.push([f, v]);
            }
        }
        orderBy(f: string) { this.order = f; }
        setLimit(n: number) { this.limit = n; }
        query() {
            this.rows = Array.from(this.t().values()).filter((r) => this.conditions.every(([f, v]) => r[f] === v));
            if (this.order) this.rows.sort((a, b) => (a[this.order] < b[this.order] ? -1 : 1));
            this.rows = this.rows.slice(0, this.limit);
        }
        next() {
            this.i += 1;
            this.current = this.rows[this.i];
            return this.i < this.rows.length;
        }
        get(id: string) {
            const r = this.t().get(id);
            if (r) this.current = r;
            return !!r;
        }
        initialize() { this.current = {}; }
        setValue(f: string, v: unknown) { this.current[f] = String(v); }
        getValue(f: string) { return f in this.current ? this.current[f] : null; }
        // A reference shows its target's name; the mock keeps names in a `<field>.name` column.
        getDisplayValue(f: string) { return `${f}.name` in this.current ? this.current[`${f}.name`] : this.getValue(f); }
        getUniqueValue() { return this.current.sys_id; }
        insert() {
            if (this.table === 'refuses') return null;
            nextId += 1;
            const id = `id${nextId}`;
            this.t().set(id, { ...this.current, sys_id: id });
            return id;
        }
        update() { this.t().set(this.current.sys_id, this.current); return this.current.sys_id; }
    }
    const props: Record<string, string> = { 'x_seam_bridge.outbox.batch_size': '50', 'x_seam_bridge.proxy.url': '' };
    const gs = {
        getProperty: (n: string, fallback: unknown) => (n in props ? props[n] : fallback),
        info: vi.fn(),
        error: vi.fn(),
        getUserName: () => 'admin',
    };
    class GlideDateTime {
        getNumericValue() { return 1_700_000_000_000; }
    }
    return { GlideRecord, gs, GlideDateTime };
});

vi.mock('@servicenow/glide/sn_ws', () => {
    class RESTMessageV2 {
        private call: (typeof restCalls)[number];
        constructor(message: string, fn: string) {
            this.call = { message, fn, headers: {} };
        }
        setEndpoint(e: string) { this.call.endpoint = e; }
        setHttpMethod(m: string) { this.call.method = m; }
        setRequestHeader(n: string, v: string) { this.call.headers[n] = v; }
        setRequestBody(b: string) { this.call.body = b; }
        execute() {
            restCalls.push(this.call);
            if (restAnswer.throws) throw new Error('java.net.UnknownHostException: proxy.invalid');
            const a = restAnswer;
            return { getStatusCode: () => a.status, getBody: () => a.body, haveError: () => !!a.error, getErrorMessage: () => a.error ?? '', getHeader: (n: string) => (a.headers ?? {})[n] ?? null };
        }
    }
    return { RESTMessageV2 };
});

const { glideRecordStore } = await import('../src/server/adapters/glide-records');
const { glideHttpClient } = await import('../src/server/adapters/glide-http');
const { glideClock, glideProperties, glideSession } = await import('../src/server/adapters/glide-system');
const { glidePorts } = await import('../src/server/adapters/runtime');

beforeEach(() => {
    db.clear();
    restCalls.length = 0;
    restAnswer = { status: 200, body: '{}' };
});

describe('glideRecordStore', () => {
    it('inserts, reads with the table field list, queries, orders, limits and updates', () => {
        const a = glideRecordStore.insert('x_seam_bridge_outbox', { status: 'pending', attempts: 0, next_attempt_at: '2026-01-02 00:00:00' });
        glideRecordStore.insert('x_seam_bridge_outbox', { status: 'pending', attempts: 1, next_attempt_at: '2026-01-01 00:00:00' });
        glideRecordStore.insert('x_seam_bridge_outbox', { status: 'sent', attempts: 1 });
        const rows = glideRecordStore.find('x_seam_bridge_outbox', 'status=pending', { orderBy: 'next_attempt_at', limit: 1 });
        expect(rows).toHaveLength(1);
        expect(rows[0]).toMatchObject({ attempts: '1', status: 'pending', last_error: '' });
        glideRecordStore.update('x_seam_bridge_outbox', a, { status: 'sent', last_error: null });
        expect(glideRecordStore.get('x_seam_bridge_outbox', a)).toMatchObject({ sys_id: a, status: 'sent', attempts: '0' });
        expect(glideRecordStore.get('x_seam_bridge_outbox', 'nope')).toBeNull();
    });

    it('reads the displayValues fields with getDisplayValue and the others with getValue', () => {
        const id = glideRecordStore.insert('incident', { assigned_to: '6816f79cc0a8016401c5a33be04be441', 'assigned_to.name': 'Beth Anglin', state: '2' });
        expect(glideRecordStore.get('incident', id, ['assigned_to', 'state'], ['assigned_to'])).toEqual({ sys_id: id, assigned_to: 'Beth Anglin', state: '2' });
        expect(glideRecordStore.get('incident', id, ['assigned_to'])).toEqual({ sys_id: id, assigned_to: '6816f79cc0a8016401c5a33be04be441' });
        expect(glideRecordStore.find('incident', `sys_id=${id}`, { fields: ['assigned_to'], displayValues: ['assigned_to'] })).toEqual([{ sys_id: id, assigned_to: 'Beth Anglin' }]);
    });

    it('throws with the table named when an insert is refused or an update target is missing', () => {
        expect(() => glideRecordStore.insert('refuses', { a: 1 })).toThrow(/insert into refuses was refused/);
        expect(() => glideRecordStore.update('incident', 'missing', { a: 1 })).toThrow(/incident\/missing: no such record/);
    });
});

describe('glideHttpClient', () => {
    it('starts from the named REST message function and sets endpoint, method, headers and body', () => {
        restAnswer = { status: 201, body: '[]', headers: { 'Sforce-Limit-Info': 'api-usage=12/15000' } };
        expect(glideHttpClient.send({ message: 'Seam Salesforce', fn: 'query', method: 'GET', endpoint: 'https://x/limits' }).headers).toEqual({ 'sforce-limit-info': 'api-usage=12/15000' });
        restCalls.length = 0;
        restAnswer = { status: 201, body: '[]' };
        const res = glideHttpClient.send({ message: 'Seam Salesforce', fn: 'publishEvents', method: 'POST', endpoint: 'https://x/composite/sobjects', headers: { A: '1' }, body: '{}' });
        expect(res).toEqual({ status: 201, body: '[]' });
        expect(restCalls[0]).toEqual({ message: 'Seam Salesforce', fn: 'publishEvents', endpoint: 'https://x/composite/sobjects', method: 'post', headers: { A: '1' }, body: '{}' });
    });

    it('turns transport failures into status 0 with the error text instead of throwing', () => {
        restAnswer = { status: 200, body: '', throws: true };
        const res = glideHttpClient.send({ message: 'Seam Proxy', fn: 'triage', method: 'POST', endpoint: 'https://proxy.invalid/v1/triage' });
        expect(res.status).toBe(0);
        expect(res.error).toContain('UnknownHostException');
        restAnswer = { status: 0, body: '', error: 'timeout' };
        expect(glideHttpClient.send({ message: 'Seam Proxy', fn: 'triage', method: 'POST', endpoint: 'https://p' })).toEqual({ status: 0, body: '', error: 'timeout' });
    });
});

describe('glide system adapters', () => {
    it('tells a missing property from an empty one, and reads clock and session', () => {
        expect(glideProperties.get('x_seam_bridge.outbox.batch_size')).toBe('50');
        expect(glideProperties.get('x_seam_bridge.proxy.url')).toBe('');
        expect(glideProperties.get('x_seam_bridge.nope')).toBeUndefined();
        expect(glideClock.nowMs()).toBe(1_700_000_000_000);
        expect(glideSession.userName()).toBe('admin');
        const ports = glidePorts();
        expect(ports.records).toBe(glideRecordStore);
        expect(typeof ports.random()).toBe('number');
    });
});
