/**
 * The operations knobs (src/fluent/properties/ops.now.ts): the drift sweep and the API budget
 * guard. Parsed once per transaction like config.ts; a bad value falls back to the default and
 * is reported with the property name and the fix.
 */
import { DEFAULT_BUDGET_POLICY, parseBudgetPolicy, type BudgetPolicy } from '../generated/seam-core';
import type { ConfigProblem } from '../config';
import type { PropertySource } from '../ports';

export const OPS_PROPERTY = {
    reconcileEnabled: 'x_seam_bridge.reconcile.enabled',
    reconcileIntervalMinutes: 'x_seam_bridge.reconcile.interval_minutes',
    reconcileWindowDays: 'x_seam_bridge.reconcile.window_days',
    reconcileBatchesPerRun: 'x_seam_bridge.reconcile.batches_per_run',
    budgetSlowShare: 'x_seam_bridge.budget.slow_share',
    budgetStopShare: 'x_seam_bridge.budget.stop_share',
    budgetSlowCallsPerRun: 'x_seam_bridge.budget.slow_calls_per_run',
} as const;

export interface OpsSettings {
    readonly reconcileEnabled: boolean;
    /** Minutes between scheduled sweeps (the job itself ticks every few minutes). */
    readonly reconcileIntervalMinutes: number;
    /** Only links synced or changed within this many days are swept; 0 sweeps every link. */
    readonly reconcileWindowDays: number;
    /** SOQL batches (≤200 links each) per job tick; a run continues on the next tick. */
    readonly reconcileBatchesPerRun: number;
    readonly budget: BudgetPolicy;
}

export const OPS_DEFAULTS: OpsSettings = {
    reconcileEnabled: true,
    reconcileIntervalMinutes: 360,
    reconcileWindowDays: 30,
    reconcileBatchesPerRun: 5,
    budget: DEFAULT_BUDGET_POLICY,
};

export function loadOpsSettings(source: PropertySource): { settings: OpsSettings; problems: ConfigProblem[] } {
    const problems: ConfigProblem[] = [];
    const raw = (name: string): string => {
        const v = source.get(name);
        return v === undefined || v === null ? '' : String(v).trim();
    };
    const whole = (name: string, fallback: number, min: number, max: number): number => {
        const v = raw(name);
        if (v === '') return fallback;
        const n = Number(v);
        if (Number.isInteger(n) && n >= min && n <= max) return n;
        problems.push({ field: name, problem: `is "${v}", not a whole number in ${min}..${max}`, fix: `set a whole number between ${min} and ${max} (default ${fallback})` });
        return fallback;
    };
    const enabled = raw(OPS_PROPERTY.reconcileEnabled);
    if (enabled !== '' && enabled !== 'true' && enabled !== 'false') {
        problems.push({ field: OPS_PROPERTY.reconcileEnabled, problem: `is "${enabled}", not a boolean`, fix: 'set it to true or false' });
    }
    const policy = parseBudgetPolicy({
        slowAt: raw(OPS_PROPERTY.budgetSlowShare) || DEFAULT_BUDGET_POLICY.slowAt,
        stopAt: raw(OPS_PROPERTY.budgetStopShare) || DEFAULT_BUDGET_POLICY.stopAt,
        slowCallsPerRun: raw(OPS_PROPERTY.budgetSlowCallsPerRun) || DEFAULT_BUDGET_POLICY.slowCallsPerRun,
    });
    if (!policy.ok) {
        for (const p of policy.error) {
            const field = p.field === 'budget.slowAt' ? OPS_PROPERTY.budgetSlowShare : p.field === 'budget.stopAt' ? OPS_PROPERTY.budgetStopShare : OPS_PROPERTY.budgetSlowCallsPerRun;
            problems.push({ field, problem: p.problem, fix: p.fix });
        }
    }
    return {
        settings: {
            reconcileEnabled: enabled === 'true' || enabled === 'false' ? enabled === 'true' : OPS_DEFAULTS.reconcileEnabled,
            reconcileIntervalMinutes: whole(OPS_PROPERTY.reconcileIntervalMinutes, OPS_DEFAULTS.reconcileIntervalMinutes, 5, 10080),
            reconcileWindowDays: whole(OPS_PROPERTY.reconcileWindowDays, OPS_DEFAULTS.reconcileWindowDays, 0, 3650),
            reconcileBatchesPerRun: whole(OPS_PROPERTY.reconcileBatchesPerRun, OPS_DEFAULTS.reconcileBatchesPerRun, 1, 50),
            budget: policy.ok ? policy.value : DEFAULT_BUDGET_POLICY,
        },
        problems,
    };
}
