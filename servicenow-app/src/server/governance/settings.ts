/**
 * The governance knobs (src/fluent/properties/governance.now.ts): the metrics window and the triage
 * drift alert. Parsed once per transaction; a bad value falls back to the default and is reported
 * with the property name and the fix.
 */
import { DEFAULT_DRIFT_SETTINGS, parseDriftSettings, type DriftSettings } from '../generated/seam-core';
import type { ConfigProblem } from '../config';
import type { PropertySource } from '../ports';

export const GOVERNANCE_PROPERTY = {
    metricsWindowDays: 'x_seam_bridge.metrics.window_days',
    accuracySampleSize: 'x_seam_bridge.accuracy.sample_size',
    driftEnabled: 'x_seam_bridge.drift.enabled',
    driftWindowSize: 'x_seam_bridge.drift.window_size',
    driftBaselineSize: 'x_seam_bridge.drift.baseline_size',
    driftConfidenceDrop: 'x_seam_bridge.drift.confidence_drop',
    driftReviewShareRise: 'x_seam_bridge.drift.review_share_rise',
    driftUnknownBelow: 'x_seam_bridge.drift.unknown_below',
    driftUnknownShareRise: 'x_seam_bridge.drift.unknown_share_rise',
} as const;

export interface GovernanceSettings {
    /** Routing metrics read the audit, link and review rows of this many days. */
    readonly metricsWindowDays: number;
    /** Routed cases sampled per week for accuracy review. */
    readonly accuracySampleSize: number;
    readonly driftEnabled: boolean;
    readonly drift: DriftSettings;
}

export const GOVERNANCE_DEFAULTS: GovernanceSettings = { metricsWindowDays: 30, accuracySampleSize: 20, driftEnabled: true, drift: DEFAULT_DRIFT_SETTINGS };

const DRIFT_FIELDS: readonly [keyof DriftSettings, string][] = [
    ['windowSize', GOVERNANCE_PROPERTY.driftWindowSize],
    ['baselineSize', GOVERNANCE_PROPERTY.driftBaselineSize],
    ['confidenceDrop', GOVERNANCE_PROPERTY.driftConfidenceDrop],
    ['reviewShareRise', GOVERNANCE_PROPERTY.driftReviewShareRise],
    ['unknownBelow', GOVERNANCE_PROPERTY.driftUnknownBelow],
    ['unknownShareRise', GOVERNANCE_PROPERTY.driftUnknownShareRise],
];

/** @param reviewBelow the triage policy's review threshold (x_seam_bridge.triage.review_below). */
export function loadGovernanceSettings(source: PropertySource, reviewBelow: number): { settings: GovernanceSettings; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const raw = (name: string): string => {
        const v = source.get(name);
        return v === undefined || v === null ? '' : String(v).trim();
    };
    const days = raw(GOVERNANCE_PROPERTY.metricsWindowDays);
    let metricsWindowDays = GOVERNANCE_DEFAULTS.metricsWindowDays;
    if (days !== '') {
        const n = Number(days);
        if (Number.isInteger(n) && n >= 1 && n <= 3650) metricsWindowDays = n;
        else problems.push({ field: GOVERNANCE_PROPERTY.metricsWindowDays, problem: `is "${days}", not a whole number in 1..3650`, fix: 'set a number of days between 1 and 3650 (default 30)' });
    }
    const sizeRaw = raw(GOVERNANCE_PROPERTY.accuracySampleSize);
    let accuracySampleSize = GOVERNANCE_DEFAULTS.accuracySampleSize;
    if (sizeRaw !== '') {
        const n = Number(sizeRaw);
        if (Number.isInteger(n) && n >= 0 && n <= 1000) accuracySampleSize = n;
        else problems.push({ field: GOVERNANCE_PROPERTY.accuracySampleSize, problem: `is "${sizeRaw}", not a whole number in 0..1000`, fix: 'set how many routed cases to review per week (default 20; 0 stops sampling)' });
    }
    const enabled = raw(GOVERNANCE_PROPERTY.driftEnabled);
    if (enabled !== '' && enabled !== 'true' && enabled !== 'false') problems.push({ field: GOVERNANCE_PROPERTY.driftEnabled, problem: `is "${enabled}", not a boolean`, fix: 'set it to true or false' });
    const input: Record<string, unknown> = { reviewBelow };
    for (const [key, name] of DRIFT_FIELDS) {
        const v = raw(name);
        if (v !== '') input[key] = Number(v);
    }
    let drift: DriftSettings = { ...DEFAULT_DRIFT_SETTINGS, reviewBelow };
    const parsed = parseDriftSettings(input);
    if (parsed.ok) drift = parsed.value;
    else {
        for (const p of parsed.error) {
            const entry = DRIFT_FIELDS.find(([k]) => `drift.${k}` === p.field);
            problems.push({ field: entry ? entry[1] : p.field, problem: p.problem, fix: p.fix });
        }
    }
    return { settings: { metricsWindowDays, accuracySampleSize, driftEnabled: enabled !== 'false', drift }, problems };
}
