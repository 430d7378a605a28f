/**
 * Runs `now-sdk build` and `now-sdk pack` (offline) and checks the records an admin installs:
 * tables, fields, business rules, REST routes, REST messages, ACLs, roles, properties, the job,
 * UI actions, the menu, and that the shared core really ships as code in a sys_module.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROPERTY } from '../src/server/config';
import { OPS_PROPERTY } from '../src/server/ops/settings';
import { INTEGRATION_ROLE } from '../src/server/sync/outbound';
// @ts-expect-error plain ESM script without types
import { lintSource } from '../scripts/engine-lint.mjs';

const APP = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(APP, 'dist', 'app');
const SDK = join(APP, '..', 'node_modules', '.bin', 'now-sdk');

interface Rec {
    file: string;
    table: string;
    xml: string;
    field(name: string): string | undefined;
}

let records: Rec[] = [];
let buildLog = '';

function parse(file: string): Rec {
    const xml = readFileSync(file, 'utf8');
    const table = /<record_update table="([^"]+)"/.exec(xml)?.[1] ?? '';
    return {
        file,
        table,
        xml,
        field(name: string) {
            const m = new RegExp(`<${name}(?: [^>]*)?>(?:<!\\[CDATA\\[)?([\\s\\S]*?)(?:\\]\\]>)?</${name}>`).exec(xml);
            return m ? m[1] : undefined;
        },
    };
}

const of = (table: string) => records.filter((r) => r.table === table);
const named = (table: string, field = 'name') => of(table).map((r) => r.field(field));

beforeAll(() => {
    const opts = { cwd: APP, encoding: 'utf8' as const, env: { ...process.env, NO_COLOR: '1' } };
    buildLog = execFileSync(SDK, ['build'], opts) + execFileSync(SDK, ['pack'], opts);
    for (const dir of ['update', 'unload']) {
        const d = join(OUT, dir);
        if (!existsSync(d)) continue;
        for (const f of readdirSync(d)) if (f.endsWith('.xml')) records.push(parse(join(d, f)));
    }
});

describe('now-sdk build output', () => {
    it('builds and packs an installable zip', () => {
        expect(buildLog).toContain('Build completed successfully');
        const zips = readdirSync(join(APP, 'target')).filter((f) => f.endsWith('.zip'));
        expect(zips.length).toBeGreaterThan(0);
    });

    it('creates the four scoped tables and the prefixed incident fields', () => {
        expect(named('sys_db_object').sort()).toEqual(['x_seam_bridge_accuracy_review', 'x_seam_bridge_attachment', 'x_seam_bridge_audit', 'x_seam_bridge_customer_cache', 'x_seam_bridge_kb_suggestion', 'x_seam_bridge_link', 'x_seam_bridge_metric_snapshot', 'x_seam_bridge_ops_state', 'x_seam_bridge_outbox', 'x_seam_bridge_reconcile_run', 'x_seam_bridge_routing_change', 'x_seam_bridge_triage_review']);
        const incidentFields = of('sys_dictionary').filter((r) => r.field('name') === 'incident').map((r) => r.field('element'));
        expect(incidentFields.sort()).toEqual([
            'x_seam_bridge_contract_value', 'x_seam_bridge_correlation_id', 'x_seam_bridge_customer_priority', 'x_seam_bridge_entitlement',
            'x_seam_bridge_sf_account_id', 'x_seam_bridge_sf_case_id', 'x_seam_bridge_sf_case_number', 'x_seam_bridge_sf_contact_id',
            'x_seam_bridge_sla_risk', 'x_seam_bridge_sla_risk_alerted',
        ]);
        const outboxFields = of('sys_dictionary').filter((r) => r.field('name') === 'x_seam_bridge_outbox').map((r) => r.field('element'));
        expect(outboxFields).toEqual(expect.arrayContaining(['idempotency_key', 'attempts', 'next_attempt_at', 'last_error', 'status', 'sent_at', 'confirmed_at', 'receipt', 'republishes', 'answer_lost_at']));
    });

    it('has business rules that each call one server module function', () => {
        const rules = of('sys_script');
        const byTable = rules.map((r) => `${r.field('collection')}:${r.field('when')}`).sort();
        expect(byTable).toEqual([
            // sync, resolution summary, major incident, knowledge learning, SLA risk
            'incident:async_always', 'incident:async_always', 'incident:async_always', 'incident:async_always', 'incident:async_always',
            // the escalated problem's sync to the Case
            'problem:async_always',
            // comment sync, the model's escalation assessment
            'sys_attachment:async_always', 'sys_journal_field:async_always', 'sys_journal_field:async_always', 'sysapproval_approver:after', 'x_seam_bridge_routing_change:before',
            'x_seam_bridge_triage_review:async_always', 'x_seam_bridge_triage_review:async_always',
        ]);
        // A routing change is checked and applied before its row is written, so a refusal aborts it.
        const routing = rules.find((r) => r.field('name') === 'Seam: apply routing change');
        expect([routing?.field('action_insert'), routing?.field('action_update')]).toEqual(['true', 'false']);
        const queued = rules.find((r) => r.field('name') === 'Seam: triage an accepted case');
        expect(queued?.field('filter_condition')).toBe('status=queued');
        expect(queued?.field('action_insert')).toBe('true');
        for (const r of rules) expect(r.field('script')).toMatch(/^\/\/ @fluent-module \w+;false;x_seam_bridge\/.*\/src\/server\/entry\/business-rules\.ts/);
        const journal = rules.find((r) => r.field('name') === 'Seam: queue customer comments for Salesforce');
        expect(journal?.field('filter_condition')).toBe('name=incident^element=comments');
        // Tier-3 escalation: the model reads comments and work notes; only escalated problems sync.
        expect(rules.find((r) => r.field('name') === 'Seam: assess tier-3 escalation')?.field('filter_condition')).toBe('name=incident^elementINcomments,work_notes');
        expect(rules.find((r) => r.field('name') === 'Seam: sync escalated problem to Case')?.field('filter_condition')).toBe('x_seam_bridge_sf_case_idISNOTEMPTY');
    });

    it('declares a cross-scope privilege for every global table operation the server code needs, and none for sys_trigger', () => {
        const granted = of('sys_scope_privilege').map((r) => `${r.field('target_name')}:${r.field('operation')}:${r.field('status')}`);
        for (const need of ['incident:create', 'incident:write', 'incident:read', 'sysapproval_approver:create', 'sysapproval_approver:write', 'sys_attachment:create', 'sys_user_has_role:read', 'sys_user_grmember:read', 'sys_journal_field:read', 'problem:create', 'problem:write', 'problem:read']) {
            expect(granted, need).toContain(`${need}:allowed`);
        }
        expect(granted.some((g) => g.startsWith('sys_trigger:'))).toBe(false);
        // The server code touches no other global table (scoped tables x_seam_bridge_* need none).
        const server = readdirSync(join(__dirname, '../src/server'), { recursive: true }).filter((f) => String(f).endsWith('.ts') && !String(f).includes('generated'));
        const literals = new Set<string>();
        for (const f of server) for (const m of readFileSync(join(__dirname, '../src/server', String(f)), 'utf8').matchAll(/'(incident|problem|core_company|sys_[a-z_]+|sysapproval_approver|sysauto_script|ecc_agent)'/g)) literals.add(m[1]);
        for (const field of ['sys_id', 'sys_created_on', 'sys_created_by', 'sys_updated_on', 'sys_updated_by', 'sys_mod_count']) literals.delete(field);
        // Named only as the audit target of a routing change: the app sets its own properties with gs.setProperty (a scoped API), never by GlideRecord.
        literals.delete('sys_properties');
        for (const t of literals) expect(granted.some((g) => g.startsWith(`${t}:`)), `${t} is used by src/server but has no CrossScopePrivilege (src/fluent/privileges)`).toBe(true);
    });

    it('writes rule filters with real encoded-query operators ("changes" is VALCHANGES, not CHANGES)', () => {
        // An unknown operator makes the platform ignore the condition or never fire the rule.
        const operator = /^[a-z_.]+(VALCHANGES|CHANGESTO.+|CHANGESFROM.+|ISNOTEMPTY|ISEMPTY|IN.+|NOT IN.+|!=.*|=.*)$/;
        const rules = of('sys_script').filter((r) => r.field('filter_condition'));
        expect(rules.length).toBeGreaterThan(0);
        for (const r of rules) {
            // `^OR` joins an alternative to the previous term (the SLA-risk rule's "any of these changed").
            for (const term of (r.field('filter_condition') ?? '').split(/\^(?:OR(?=[a-z]))?/).filter((t) => t && t !== 'EQ')) {
                expect(term, `${r.field('name')}: ${term}`).toMatch(operator);
            }
        }
    });

    it('exposes the contract routes, authenticated, ACL-checked and without snc_internal', () => {
        expect(named('sys_ws_definition', 'service_id')).toEqual(['seam']);
        const ops = of('sys_ws_operation').map((r) => `${r.field('http_method')} ${r.field('operation_uri')}`).sort();
        expect(ops).toEqual(['GET /api/x_seam_bridge/seam/v1/changes', 'GET /api/x_seam_bridge/seam/v1/links/{caseId}', 'GET /api/x_seam_bridge/seam/v1/metrics', 'GET /api/x_seam_bridge/seam/v1/reconcile', 'GET /api/x_seam_bridge/seam/v1/test-connection', 'POST /api/x_seam_bridge/seam/v1/attachments', 'POST /api/x_seam_bridge/seam/v1/backfill/links', 'POST /api/x_seam_bridge/seam/v1/cases', 'POST /api/x_seam_bridge/seam/v1/comments', 'POST /api/x_seam_bridge/seam/v1/knowledge/answer', 'POST /api/x_seam_bridge/seam/v1/reconcile']);
        const endpointAcl = of('sys_security_acl').find((r) => r.field('type') === 'REST_Endpoint');
        for (const op of of('sys_ws_operation')) {
            expect(op.field('requires_authentication')).toBe('true');
            expect(op.field('requires_acl_authorization')).toBe('true');
            expect(op.field('requires_snc_internal_role')).toBe('false');
            expect(op.field('enforce_acl')).toBe(endpointAcl?.field('sys_id'));
        }
    });

    it('defines both REST messages, Salesforce over the shipped OAuth client-credentials profile', () => {
        const messages = of('sys_rest_message');
        expect(messages.map((m) => m.field('name')).sort()).toEqual(['Seam Chat Webhook', 'Seam Proxy', 'Seam Salesforce']);
        const sf = messages.find((m) => m.field('name') === 'Seam Salesforce');
        const profile = of('oauth_entity_profile')[0];
        expect(sf?.field('authentication_type')).toBe('oauth2');
        expect(sf?.field('oauth2_profile')).toBe(profile.field('sys_id'));
        expect(profile.field('grant_type')).toBe('client_credentials');
        expect(profile.file).toContain(`${join('dist', 'app', 'unload')}`); // first install only: admin-entered secrets survive upgrades
        const fns = of('sys_rest_message_fn').map((f) => f.field('function_name')).sort();
        expect(fns).toEqual(['createRecords', 'escalation', 'impact', 'knowledgeAnswer', 'knowledgeDocuments', 'knowledgeGaps', 'post', 'publishEvents', 'query', 'resolutionSummary', 'slaRisk', 'summarize', 'triage']);
    });

    it('has the four roles, table ACLs on every table and the endpoint ACL for the integration role', () => {
        expect(named('sys_user_role').sort()).toEqual(['x_seam_bridge.admin', 'x_seam_bridge.integration', 'x_seam_bridge.reviewer', 'x_seam_bridge.routing_admin']);
        const tableAcls = of('sys_security_acl').filter((r) => r.field('type') === 'record');
        for (const t of ['x_seam_bridge_link', 'x_seam_bridge_outbox', 'x_seam_bridge_audit', 'x_seam_bridge_triage_review']) {
            expect(tableAcls.filter((a) => a.field('name') === t).map((a) => a.field('operation'))).toContain('read');
        }
        // The audit is append-only: nobody gets write or delete.
        expect(tableAcls.filter((a) => a.field('name') === 'x_seam_bridge_audit').map((a) => a.field('operation')).sort()).toEqual(['create', 'read']);
        const endpointAcl = of('sys_security_acl').find((r) => r.field('type') === 'REST_Endpoint');
        const aclRoles = of('sys_security_acl_role')
            .filter((r) => r.field('sys_security_acl') === endpointAcl?.field('sys_id'))
            .map((r) => /<sys_user_role name="([^"]+)"/.exec(r.xml)?.[1]);
        expect(aclRoles).toContain(INTEGRATION_ROLE);
    });

    it('lets only the routing admin create a routing change, and no app role write a routing property directly', () => {
        const acls = of('sys_security_acl').filter((r) => r.field('type') === 'record' && r.field('name') === 'x_seam_bridge_routing_change');
        const rolesOf = (op: string) => {
            const acl = acls.find((a) => a.field('operation') === op);
            return of('sys_security_acl_role').filter((r) => r.field('sys_security_acl') === acl?.field('sys_id')).map((r) => /<sys_user_role name="([^"]+)"/.exec(r.xml)?.[1]).sort();
        };
        expect(rolesOf('create')).toEqual(['x_seam_bridge.routing_admin']);
        expect(rolesOf('write')).toEqual(['admin']);
        expect(rolesOf('delete')).toEqual(['admin']);
        const routing = [PROPERTY.triageEnabled, PROPERTY.triageReviewBelow, PROPERTY.triageAutoCreateAbove, PROPERTY.triageApprovalPriorities, PROPERTY.approvalGroup];
        for (const name of routing) expect(of('sys_properties').find((r) => r.field('name') === name)?.field('write_roles'), name).toBe('admin');
        // The routing admin is its own duty: the Seam admin role does not contain it.
        const contains = of('sys_user_role_contains').map((r) => r.xml);
        expect(contains.some((x) => x.includes('x_seam_bridge.routing_admin'))).toBe(false);
    });

    it('ships every property the server code reads, and no secret value', () => {
        const props = named('sys_properties');
        for (const name of Object.values(PROPERTY)) expect(props).toContain(name);
        for (const name of Object.values(OPS_PROPERTY)) expect(props).toContain(name);
        const key = of('sys_properties').find((r) => r.field('name') === PROPERTY.proxyApiKey);
        expect(key?.field('type')).toBe('password2');
        expect(key?.field('value') ?? '').toBe('');
    });

    it('schedules the outbox drain, the reconciliation sweep and the SLA-risk re-assess sweep and adds the UI actions and the menu', () => {
        const jobs = of('sysauto_script').map((j) => j.field('script') ?? '');
        expect(jobs.some((j) => j.includes('drainOutboxJob'))).toBe(true);
        expect(jobs.some((j) => j.includes('reconcileJob'))).toBe(true);
        expect(jobs.some((j) => j.includes('slaRiskSweepJob'))).toBe(true);
        expect(named('sys_ui_action').sort()).toEqual(['Add knowledge answer to work notes (AI)', 'Add to incident work notes (AI)', 'Approve', 'Customer context (Salesforce)', 'Customer context (Salesforce)', 'Reject', 'Replay', 'Replay all dead letters', 'Reroute', 'Run reconciliation now', 'Suggest knowledge (AI)', 'Test connection']);
        expect(named('sys_app_application', 'title')).toEqual(['Seam Bridge']);
        expect(of('sys_app_module').length).toBeGreaterThanOrEqual(6);
    });

    it('ships the shared core as code in a sys_module, imported by the server modules', () => {
        const modules = of('sys_module');
        const core = modules.find((m) => (m.field('path') ?? '').endsWith('/src/server/generated/seam-core.js'));
        expect(core).toBeDefined();
        const code = core?.field('content') ?? '';
        // Real code, not a reference: the decision functions and the ownership map are in it.
        expect(code).toMatch(/function decideOutbound\s*\(/);
        expect(code).toMatch(/function applyInbound\s*\(/);
        expect(code).toContain("SN_SCOPE = 'x_seam_bridge'");
        expect(code).toContain("sn('sf_case_id')");
        expect(code.length).toBeGreaterThan(20_000);
        const outbound = modules.find((m) => (m.field('path') ?? '').endsWith('/src/server/sync/outbound.ts'));
        expect(outbound?.field('content')).toContain("from '../generated/seam-core'");
    });

    it('ships only code the engine can run: the engine lint passes on every built sys_module', () => {
        const scripts = of('sys_module').filter((m) => /\.(ts|js)$/.test(m.field('path') ?? ''));
        expect(scripts.length).toBeGreaterThan(30);
        for (const m of scripts) {
            expect({ path: m.field('path'), findings: lintSource(m.field('content') ?? '', 'built.js') }).toEqual({ path: m.field('path'), findings: [] });
        }
    });
});
