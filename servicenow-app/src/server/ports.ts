/**
 * The ports between the seam's logic and the platform. Logic modules (sync/, api/, outbox/,
 * triage/, audit/) see only these plain interfaces; adapters/ implements them with Glide, and
 * tests implement them with in-memory fakes. No Glide type appears here.
 */

/** A row as Glide returns it: every value a string ("" for empty), always with `sys_id`. */
export type Row = Readonly<Record<string, string>>;

/** Values to write; `null` clears a field. */
export type RowValues = Readonly<Record<string, string | number | boolean | null>>;

export interface FindOptions {
    /** Upper bound on rows returned. */
    readonly limit?: number;
    /** Field to sort ascending by (Glide `orderBy`). */
    readonly orderBy?: string;
    /** Field to sort descending by (Glide `orderByDesc`): "the latest N rows". */
    readonly orderByDesc?: string;
    /** Fields to read; all of the table's fields the adapter knows when omitted. */
    readonly fields?: readonly string[];
    /**
     * Fields read as their display value (a reference shows its target's name, not its sys_id):
     * the ownership map's `display: 'reference'` copies. Each must also be in `fields` when given.
     */
    readonly displayValues?: readonly string[];
}

export interface RecordStore {
    /** Rows matching a Glide encoded query (`field=value^field2=value`). */
    find(table: string, encodedQuery: string, options?: FindOptions): Row[];
    get(table: string, sysId: string, fields?: readonly string[], displayValues?: readonly string[]): Row | null;
    /** Returns the new sys_id. */
    insert(table: string, values: RowValues): string;
    update(table: string, sysId: string, values: RowValues): void;
    /**
     * The dictionary max_length of a column, read at run time (GlideElementDescriptor.getLength);
     * 0 when unknown. Optional: stores that cannot tell never cut text.
     */
    maxLength?(table: string, field: string): number;
}

/** Files on records (GlideSysAttachment). */
export interface FileStore {
    /** Attaches a file (base64 bytes) to a record; the new sys_attachment sys_id, or null if refused. */
    write(table: string, recordSysId: string, fileName: string, contentType: string, base64: string): string | null;
}

/** The two outbound REST messages defined in src/fluent/rest-messages. */
export type RestMessageName = 'Seam Salesforce' | 'Seam Proxy' | 'Seam Chat Webhook';

export interface HttpRequest {
    readonly message: RestMessageName;
    /** The REST message function (sys_rest_message_fn) to start from. */
    readonly fn: string;
    readonly method: 'GET' | 'POST' | 'PATCH';
    /** Full URL; overrides the function's endpoint. */
    readonly endpoint: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
    /** HTTP timeout in ms (RESTMessageV2.setHttpTimeout); the message's default when absent. */
    readonly timeoutMs?: number;
    /** Route the call through this MID Server (RESTMessageV2.setMIDServer); direct when absent. */
    readonly midServer?: string;
}

export interface HttpResponse {
    /** 0 when the request never got an HTTP answer (DNS, TLS, timeout). */
    readonly status: number;
    readonly body: string;
    /** Transport error text, when there is one. */
    readonly error?: string;
    /** Response headers the seam reads (lower-case names), e.g. `sforce-limit-info`. */
    readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpClient {
    send(request: HttpRequest): HttpResponse;
}

export interface Clock {
    /** Epoch milliseconds. */
    nowMs(): number;
}

/** Reads system properties; `undefined` when the property does not exist. */
export interface PropertySource {
    get(name: string): string | undefined;
}

export interface Logger {
    info(message: string): void;
    error(message: string): void;
}

/** Who is acting (the session user), for the audit. */
export interface Session {
    userName(): string;
}

/** Platform events (`gs.eventQueue`): what notifications and script actions listen to. */
export interface EventQueue {
    /** Queues `name` against the row `table`/`sysId` (the notification's record). */
    queue(name: string, table: string, sysId: string, parm1: string, parm2: string): void;
}

/** Everything a logic module may touch, passed in once per transaction. */
export interface Ports {
    readonly records: RecordStore;
    readonly http: HttpClient;
    readonly clock: Clock;
    readonly properties: PropertySource;
    readonly log: Logger;
    readonly session: Session;
    /** Uniform in [0, 1): the jitter source for retry backoff. */
    readonly random: () => number;
    /** Absent in tests that do not look at events; alerts then only log. */
    readonly events?: EventQueue;
    /** Attaching files (the full text of a field cut to its column length); absent in some tests. */
    readonly files?: FileStore;
}
