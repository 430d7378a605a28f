/**
 * Every call to Salesforce goes through this guard (entry/context.ts wraps the REST client):
 * - reads `Sforce-Limit-Info` from each answer and stores today's usage; alerts once when the
 *   budget mode changes (slow, stop);
 * - on a 401 INVALID_SESSION_ID asks the platform's OAuth profile for a new token by sending
 *   once more (the profile fetches a token when the stored one is refused or expired);
 * - when the grant itself is refused (invalid_grant, invalid_client, 401 after the retry) marks
 *   the credential paused and raises ONE alert; the first successful call clears it.
 * The outbox drain reads the paused state and leaves its messages untouched meanwhile.
 */
import { budgetMode, credentialAlert, credentialVerdict, parseLimitInfo, usageDay, type BudgetPolicy } from '../generated/seam-core';
import type { HttpClient, HttpRequest, HttpResponse, Ports } from '../ports';
import { readState, writeState, type UsageState } from '../ops/state';

type GuardPorts = Pick<Ports, 'records' | 'clock' | 'log'>;

function recordUsage(ports: GuardPorts, policy: BudgetPolicy, res: HttpResponse): void {
    const usage = parseLimitInfo(res.headers ? res.headers['sforce-limit-info'] : undefined);
    if (!usage) return;
    const day = usageDay(ports.clock.nowMs());
    const row = readState(ports, 'api_usage');
    let before: UsageState | null = null;
    try {
        before = row ? (JSON.parse(row.value) as UsageState) : null;
    } catch {
        before = null;
    }
    const mode = budgetMode(usage, policy);
    const state: UsageState = { day, used: usage.used, max: usage.max, mode };
    const share = `${usage.used}/${usage.max} (${Math.round((usage.used / usage.max) * 1000) / 10}%)`;
    const previousMode = before && before.day === day ? before.mode : 'normal';
    let detail = row ? row.detail : '';
    if (mode !== previousMode && mode !== 'normal') {
        detail =
            mode === 'stop'
                ? `Salesforce API usage ${share} reached the stop share ${policy.stopAt}: reconciliation and backfill are stopped, only live sync continues. Fix: wait for the org's 24-hour window, or raise x_seam_bridge.budget.stop_share if the org can spare the calls.`
                : `Salesforce API usage ${share} passed the slow share ${policy.slowAt}: reconciliation and backfill are slowed to ${policy.slowCallsPerRun} call(s) per run.`;
        ports.log.error(`Seam budget: ${detail}`);
    } else if (mode === 'normal') {
        detail = '';
    }
    writeState(ports, 'api_usage', { status: mode, value: JSON.stringify(state), detail }, row);
}

function markCredential(ports: GuardPorts, broken: boolean, why: string): void {
    const row = readState(ports, 'credential');
    const paused = row !== null && row.status === 'paused';
    if (broken && !paused) {
        const alert = credentialAlert(why);
        writeState(ports, 'credential', { status: 'paused', value: '', detail: alert }, row);
        ports.log.error(alert);
    } else if (!broken && paused) {
        writeState(ports, 'credential', { status: 'ok', value: '', detail: `resumed: a call succeeded after the pause (${row.detail.slice(0, 200)})` }, row);
        ports.log.info('Seam: the Salesforce credential works again; the outbox resumes.');
    }
}

const why = (res: HttpResponse): string => (res.status === 0 ? `no HTTP answer: ${res.error ?? ''}` : `HTTP ${res.status}: ${res.body.slice(0, 200)}`);

export function guardedHttp(inner: HttpClient, ports: GuardPorts, policy: BudgetPolicy): HttpClient {
    return {
        send(request: HttpRequest): HttpResponse {
            if (request.message !== 'Seam Salesforce') return inner.send(request);
            let res = inner.send(request);
            recordUsage(ports, policy, res);
            let verdict = credentialVerdict(res.status, res.body, res.error, false);
            if (verdict === 'refresh') {
                res = inner.send(request);
                recordUsage(ports, policy, res);
                verdict = credentialVerdict(res.status, res.body, res.error, true);
            }
            if (verdict === 'broken') markCredential(ports, true, why(res));
            else if (res.status >= 200 && res.status < 300) markCredential(ports, false, '');
            return res;
        },
    };
}
