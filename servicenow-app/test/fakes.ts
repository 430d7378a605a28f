/**
 * In-memory fakes of the ports. The record store understands the encoded-query subset the
 * logic uses (`a=b`, `^`, `^OR`, `aINx,y`, `aISNOTEMPTY`, `a>b`/`a>=b`/`a<b`/`a<=b` as text, dot-walked names as plain keys), and keeps
 * every row as strings, like GlideRecord.getValue.
 */
import type { FindOptions, HttpClient, HttpRequest, HttpResponse, Ports, RecordStore, Row, RowValues } from '../src/server/ports';

type Table = Map<string, Record<string, string>>;

const str = (v: string | number | boolean | null): string => (v === null ? '' : String(v));

function matches(row: Record<string, string>, query: string): boolean {
    if (!query) return true;
    const parts = query.replace(/\^\^/g, '\u0001').split('^').map((p) => p.replace(/\u0001/g, '^'));
    // `^OR` binds to its neighbour only (a^ORb^c = (a OR b) AND c), as on the platform.
    const groups: string[][] = [];
    for (const p of parts) {
        if (p.startsWith('OR') && groups.length) groups[groups.length - 1].push(p.slice(2));
        else groups.push([p]);
    }
    return groups.every((alternatives) => alternatives.some((cond) => one(row, cond)));
}

function one(row: Record<string, string>, cond: string): boolean {
    let m = /^([\w.]+)ISNOTEMPTY$/.exec(cond);
    if (m) return (row[m[1]] ?? '') !== '';
    m = /^([\w.]+)ISEMPTY$/.exec(cond);
    if (m) return (row[m[1]] ?? '') === '';
    m = /^([\w.]+)IN(.*)$/.exec(cond);
    if (m) return m[2].split(',').indexOf(row[m[1]] ?? '') >= 0;
    m = /^([\w.]+)(>=|>|<=|<)(.*)$/.exec(cond);
    if (m) {
        const v = row[m[1]] ?? '';
        return v !== '' && (m[2] === '>' ? v > m[3] : m[2] === '>=' ? v >= m[3] : m[2] === '<' ? v < m[3] : v <= m[3]);
    }
    m = /^([\w.]+)!=(.*)$/.exec(cond);
    if (m) return (row[m[1]] ?? '') !== m[2];
    m = /^([\w.]+)=(.*)$/.exec(cond);
    if (m) return (row[m[1]] ?? '') === m[2];
    throw new Error(`fake store: unsupported condition ${cond}`);
}

export class FakeStore implements RecordStore {
    readonly tables = new Map<string, Table>();
    private seq = 0;
    /** Every write, in order: for "nothing was written" assertions. */
    readonly writes: { op: 'insert' | 'update'; table: string; sysId: string; values: RowValues }[] = [];
    /** Dictionary max_length by "table.field" (0 / absent = unknown), for maxLength reads. */
    readonly lengths: Record<string, number> = {};
    maxLength(table: string, field: string): number {
        return this.lengths[`${table}.${field}`] ?? 0;
    }
    /** Display values of references, by the stored value (sys_id → name), for `displayValues` reads. */
    readonly displayNames: Record<string, string> = {};
    /** Hooks run on insert (e.g. to give incidents a number). */
    onInsert: (table: string, row: Record<string, string>) => void = (table, row) => {
        if (table === 'incident' && !row.number) row.number = `INC${String(1000000 + this.seq).padStart(7, '0')}`;
    };

    table(name: string): Table {
        let t = this.tables.get(name);
        if (!t) {
            t = new Map();
            this.tables.set(name, t);
        }
        return t;
    }

    rows(name: string): Record<string, string>[] {
        return Array.from(this.table(name).values());
    }

    seed(name: string, values: RowValues & { sys_id?: string }): string {
        const sysId = values.sys_id ? String(values.sys_id) : this.newId();
        const row: Record<string, string> = { sys_id: sysId };
        for (const k of Object.keys(values)) row[k] = str(values[k]);
        this.table(name).set(sysId, row);
        return sysId;
    }

    private newId(): string {
        this.seq += 1;
        return this.seq.toString(16).padStart(32, '0');
    }

    find(table: string, encodedQuery: string, options: FindOptions = {}): Row[] {
        let rows = this.rows(table).filter((r) => matches(r, encodedQuery));
        if (options.orderBy) {
            const f = options.orderBy;
            rows = rows.slice().sort((a, b) => ((a[f] ?? '') < (b[f] ?? '') ? -1 : (a[f] ?? '') > (b[f] ?? '') ? 1 : 0));
        }
        if (options.orderByDesc) {
            const f = options.orderByDesc;
            rows = rows.slice().sort((a, b) => ((a[f] ?? '') > (b[f] ?? '') ? -1 : (a[f] ?? '') < (b[f] ?? '') ? 1 : 0));
        }
        if (options.limit !== undefined) rows = rows.slice(0, options.limit);
        return rows.map((r) => this.shown(r, options.displayValues));
    }

    get(table: string, sysId: string, _fields?: readonly string[], displayValues?: readonly string[]): Row | null {
        const r = this.table(table).get(sysId);
        return r ? this.shown(r, displayValues) : null;
    }

    /** A copy of `row` with `displayValues` fields shown as Glide's getDisplayValue would (unknown ids show as themselves). */
    private shown(row: Record<string, string>, displayValues: readonly string[] = []): Row {
        const out = { ...row };
        for (const f of displayValues) if (out[f]) out[f] = this.displayNames[out[f]] ?? out[f];
        return out;
    }

    insert(table: string, values: RowValues): string {
        const sysId = this.newId();
        const row: Record<string, string> = { sys_id: sysId };
        for (const k of Object.keys(values)) row[k] = str(values[k]);
        this.onInsert(table, row);
        this.table(table).set(sysId, row);
        this.writes.push({ op: 'insert', table, sysId, values });
        return sysId;
    }

    update(table: string, sysId: string, values: RowValues): void {
        const row = this.table(table).get(sysId);
        if (!row) throw new Error(`fake store: no ${table}/${sysId}`);
        for (const k of Object.keys(values)) {
            // A journal field appends an entry instead of replacing a value, as on the platform.
            if (table === 'incident' && (k === 'comments' || k === 'work_notes')) {
                this.insert('sys_journal_field', { name: 'incident', element: k, element_id: sysId, value: str(values[k]) });
                continue;
            }
            row[k] = str(values[k]);
        }
        this.writes.push({ op: 'update', table, sysId, values });
    }
}

export type Route = (req: HttpRequest) => HttpResponse;

export class FakeHttp implements HttpClient {
    readonly requests: HttpRequest[] = [];
    constructor(public route: Route = () => ({ status: 500, body: 'no route' })) {}
    send(request: HttpRequest): HttpResponse {
        this.requests.push(request);
        return this.route(request);
    }
}

export interface FakePorts extends Ports {
    readonly records: FakeStore;
    readonly http: FakeHttp;
    readonly logs: string[];
    /** gs.eventQueue calls, in order. */
    readonly queuedEvents: { name: string; table: string; sysId: string; parm1: string; parm2: string }[];
    now: number;
    properties: { get(name: string): string | undefined } & { values: Record<string, string> };
}

export function fakePorts(init: { now?: number; random?: number; properties?: Record<string, string>; route?: Route } = {}): FakePorts {
    const logs: string[] = [];
    const queuedEvents: FakePorts['queuedEvents'] = [];
    const values: Record<string, string> = { ...(init.properties ?? {}) };
    const ports: FakePorts = {
        records: new FakeStore(),
        http: new FakeHttp(init.route),
        logs,
        now: init.now ?? Date.UTC(2026, 10, 23, 12, 0, 0),
        clock: { nowMs: () => ports.now },
        properties: { values, get: (name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? values[name] : undefined) },
        log: { info: (m: string) => logs.push(`info ${m}`), error: (m: string) => logs.push(`error ${m}`) },
        session: { userName: () => 'jane.agent' },
        random: () => init.random ?? 0.5,
        queuedEvents,
        events: { queue: (name, table, sysId, parm1, parm2) => { queuedEvents.push({ name, table, sysId, parm1, parm2 }); } },
    };
    return ports;
}

export const json = (status: number, body: unknown): HttpResponse => ({ status, body: JSON.stringify(body) });

/** Valid 18-character Case ids (checksum suffix computed by the shared core). */
export const CASE_A = '500000000000001AAA';
