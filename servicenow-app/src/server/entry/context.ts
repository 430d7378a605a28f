/** Builds the ports and settings for one transaction; configuration problems go to the log. */
import { glidePorts } from '../adapters/runtime';
import { loadSettings, type Settings } from '../config';
import type { Ports } from '../ports';

export interface Context {
    readonly ports: Ports;
    readonly settings: Settings;
}

export function context(): Context {
    const ports = glidePorts();
    const { settings, problems } = loadSettings(ports.properties);
    for (const p of problems) ports.log.error(`Seam property ${p.field} ${p.problem}; fix: ${p.fix}. Using the default.`);
    return { ports, settings };
}

/** The surface of `current` the entry points use. */
export interface CurrentRecord {
    getUniqueValue(): string;
    getValue(field: string): string | null;
    setValue(field: string, value: unknown): void;
    update(): unknown;
}
