/** Clock, properties, log and session over gs and GlideDateTime. */
import { GlideDateTime, GlideRecord, gs } from '@servicenow/glide';
import type { Clock, EventQueue, Logger, PropertySource, Session } from '../ports';

interface GsLike {
    getProperty(name: string, fallback?: unknown): string | null | undefined;
    info(message: string): void;
    error(message: string): void;
    getUserName(): string;
    addInfoMessage(message: string): void;
    addErrorMessage(message: string): void;
    eventQueue(name: string, record: unknown, parm1: string, parm2: string): void;
    setProperty(name: string, value: string, description?: string): void;
    hasRole(role: string): boolean;
}
interface GlideDateTimeLike {
    getNumericValue(): number;
}
const system = gs as unknown as GsLike;
const GDT = GlideDateTime as unknown as new () => GlideDateTimeLike;

/** A value no property holds, to tell "missing" from "empty". */
const MISSING = '\u0000seam-missing';

export const glideClock: Clock = { nowMs: () => Number(new GDT().getNumericValue()) };

export const glideProperties: PropertySource = {
    get(name: string): string | undefined {
        const v = system.getProperty(name, MISSING);
        return v === MISSING || v === null || v === undefined ? undefined : String(v);
    },
};

/** gs.setProperty: a scoped app sets the properties of its own scope. */
export const glidePropertyWriter = { set: (name: string, value: string): void => system.setProperty(name, value) };

/** gs.hasRole of the session user (the platform admin role passes every check). */
export const glideHasRole = (role: string): boolean => Boolean(system.hasRole(role));

export const glideLogger: Logger = {
    info: (message: string) => system.info(message),
    error: (message: string) => system.error(message),
};

export const glideSession: Session = { userName: () => String(system.getUserName() ?? 'system') };

/** Messages shown to the user on the form after a UI action. */
export const glideMessages = {
    info: (message: string) => system.addInfoMessage(message),
    error: (message: string) => system.addErrorMessage(message),
};

interface GlideRecordLike {
    get(sysId: string): boolean;
}
const GR = GlideRecord as unknown as new (table: string) => GlideRecordLike;

export const glideEvents: EventQueue = {
    queue(name: string, table: string, sysId: string, parm1: string, parm2: string): void {
        const gr = new GR(table);
        system.eventQueue(name, gr.get(sysId) ? gr : null, parm1, parm2);
    },
};
