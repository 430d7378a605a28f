/**
 * RecordStore over GlideRecord. Thin on purpose: only addEncodedQuery / orderBy / setLimit /
 * query / next / get / initialize / setValue / insert / update / getValue / getUniqueValue,
 * so the same code runs on an instance and on a Glide-compatible local twin.
 */
import { GlideRecord } from '@servicenow/glide';
import type { FindOptions, RecordStore, Row, RowValues } from '../ports';
import { TABLE_FIELDS } from '../fields';

/** The GlideRecord surface this adapter uses. */
interface GlideRecordLike {
    addEncodedQuery(query: string): void;
    orderBy(field: string): void;
    orderByDesc(field: string): void;
    setLimit(limit: number): void;
    query(): void;
    next(): boolean;
    get(sysId: string): boolean;
    initialize(): void;
    setValue(field: string, value: unknown): void;
    getValue(field: string): string | null;
    getDisplayValue(field: string): string | null;
    getUniqueValue(): string;
    insert(): string | null;
    update(): string | null;
    getElement(field: string): { getED(): { getLength(): number } } | null;
}

type GlideRecordCtor = new (table: string) => GlideRecordLike;
const open = (table: string): GlideRecordLike => new (GlideRecord as unknown as GlideRecordCtor)(table);

function read(gr: GlideRecordLike, fields: readonly string[], displayValues: readonly string[] = []): Row {
    const row: Record<string, string> = { sys_id: gr.getUniqueValue() };
    for (const f of fields) {
        const v = displayValues.indexOf(f) >= 0 ? gr.getDisplayValue(f) : gr.getValue(f);
        row[f] = v === null || v === undefined ? '' : String(v);
    }
    return row;
}

function write(gr: GlideRecordLike, values: RowValues): void {
    for (const key of Object.keys(values)) {
        const v = values[key];
        gr.setValue(key, v === null ? '' : String(v));
    }
}

const fieldsFor = (table: string, fields?: readonly string[]): readonly string[] => fields ?? TABLE_FIELDS[table] ?? [];

export const glideRecordStore: RecordStore = {
    find(table: string, encodedQuery: string, options: FindOptions = {}): Row[] {
        const gr = open(table);
        if (encodedQuery) gr.addEncodedQuery(encodedQuery);
        if (options.orderBy) gr.orderBy(options.orderBy);
        if (options.orderByDesc) gr.orderByDesc(options.orderByDesc);
        if (options.limit !== undefined) gr.setLimit(options.limit);
        gr.query();
        const rows: Row[] = [];
        const fields = fieldsFor(table, options.fields);
        while (gr.next()) rows.push(read(gr, fields, options.displayValues));
        return rows;
    },
    get(table: string, sysId: string, fields?: readonly string[], displayValues?: readonly string[]): Row | null {
        const gr = open(table);
        return gr.get(sysId) ? read(gr, fieldsFor(table, fields), displayValues) : null;
    },
    insert(table: string, values: RowValues): string {
        const gr = open(table);
        gr.initialize();
        write(gr, values);
        const sysId = gr.insert();
        if (!sysId) throw new Error(`insert into ${table} was refused (a business rule or data policy aborted it)`);
        return sysId;
    },
    update(table: string, sysId: string, values: RowValues): void {
        const gr = open(table);
        if (!gr.get(sysId)) throw new Error(`update of ${table}/${sysId}: no such record`);
        write(gr, values);
        gr.update();
    },
    // Scoped API: GlideElement.getED() → GlideElementDescriptor.getLength() (the dictionary max_length).
    maxLength(table: string, field: string): number {
        const gr = open(table);
        gr.initialize();
        const element = gr.getElement(field);
        const length = element ? Number(element.getED().getLength()) : 0;
        return Number.isFinite(length) && length > 0 ? length : 0;
    },
};
