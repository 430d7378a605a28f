/** Builds the ports and settings for one transaction; configuration problems go to the log. */
import { glidePorts } from '../adapters/runtime';
import { guardedHttp } from '../clients/guard';
import { midRouted } from '../clients/mid';
import { loadSettings, type Settings } from '../config';
import { loadOpsSettings, type OpsSettings } from '../ops/settings';
import type { Ports } from '../ports';
import { loadGovernanceSettings, type GovernanceSettings } from '../governance/settings';

export interface Context {
    readonly ports: Ports;
    readonly settings: Settings;
    /** The sweep and API budget knobs (src/fluent/properties/ops.now.ts). */
    readonly ops: OpsSettings;
    /** Metrics window and the triage drift alert (src/fluent/properties/governance.now.ts). */
    readonly governance: GovernanceSettings;
}

export function context(): Context {
    const base = glidePorts();
    const { settings, problems } = loadSettings(base.properties);
    const opsLoaded = loadOpsSettings(base.properties);
    const governance = loadGovernanceSettings(base.properties, settings.triagePolicy.reviewBelow);
    for (const p of problems.concat(opsLoaded.problems, governance.problems)) base.log.error(`Seam property ${p.field} ${p.problem}; fix: ${p.fix}. Using the default.`);
    // Every Salesforce call: usage recorded, one token refresh on 401, pause on a refused grant.
    // Egress through a MID Server when configured, then usage, token refresh and credential pause.
    const ports: Ports = { ...base, http: guardedHttp(midRouted(base.http, settings), base, opsLoaded.settings.budget) };
    return { ports, settings, ops: opsLoaded.settings, governance: governance.settings };
}

/** The surface of `current` the entry points use. */
export interface CurrentRecord {
    getUniqueValue(): string;
    getValue(field: string): string | null;
    setValue(field: string, value: unknown): void;
    update(): unknown;
}
