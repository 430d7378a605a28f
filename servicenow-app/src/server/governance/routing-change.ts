/**
 * RBAC on the routing logic: a routing threshold or rule changes only through a Seam Routing
 * Change row (src/fluent/tables/routing-change.now.ts), which only x_seam_bridge.routing_admin may
 * create and which must carry a reason. Its before-insert rule validates the new value with the
 * same parser the app reads the properties with (config.ts loadSettings), applies it, and audits
 * who, old value, new value and why. A bad value changes nothing and names the field and the fix.
 */
import { loadSettings, PROPERTY } from '../config';
import type { Ports, PropertySource } from '../ports';
import { recordAudit } from '../audit/audit';

export const ROUTING_CHANGE_TABLE = 'x_seam_bridge_routing_change';
export const ROUTING_ADMIN_ROLE = 'x_seam_bridge.routing_admin';

/** The routing properties: the triage switch, its thresholds and rules, and who approves. */
export const ROUTING_PROPERTIES = [
    PROPERTY.triageEnabled,
    PROPERTY.triageReviewBelow,
    PROPERTY.triageAutoCreateAbove,
    PROPERTY.triageApprovalPriorities,
    PROPERTY.approvalGroup,
] as const;
export type RoutingProperty = (typeof ROUTING_PROPERTIES)[number];

/** A reason shorter than this is no reason ("x", "fix"). */
export const MIN_REASON_LENGTH = 10;

export interface RoutingChangeRequest {
    readonly property: string;
    readonly newValue: string;
    readonly reason: string;
}

export interface RoutingChangeProblem {
    readonly field: string;
    readonly problem: string;
    readonly fix: string;
}

export type RoutingChangeCheck =
    | { readonly ok: true; readonly property: RoutingProperty; readonly oldValue: string; readonly newValue: string; readonly reason: string }
    | { readonly ok: false; readonly problems: readonly RoutingChangeProblem[] };

/**
 * Checks one requested change against the current properties: the property must be a routing
 * one, the reason given, and the value must parse (alone and with the other thresholds, e.g.
 * review_below ≤ auto_create_above) exactly as loadSettings will parse it on the next triage.
 */
export function checkRoutingChange(properties: PropertySource, request: RoutingChangeRequest): RoutingChangeCheck {
    const problems: RoutingChangeProblem[] = [];
    const property = request.property.trim();
    const newValue = request.newValue.trim();
    const reason = request.reason.trim();
    const known = (ROUTING_PROPERTIES as readonly string[]).indexOf(property) >= 0;
    if (!known) {
        problems.push({ field: 'property', problem: `is "${property}", not a routing property`, fix: `choose one of ${ROUTING_PROPERTIES.join(', ')}` });
    }
    if (reason.length < MIN_REASON_LENGTH) {
        problems.push({ field: 'reason', problem: reason === '' ? 'is empty' : `is "${reason}", too short to say why`, fix: `say why the routing changes, in at least ${MIN_REASON_LENGTH} characters (it is kept in the audit)` });
    }
    if (known && newValue === '' && property !== PROPERTY.approvalGroup) {
        problems.push({ field: 'new_value', problem: 'is empty', fix: `set the new value of ${property}` });
    }
    if (known && problems.length === 0) {
        const candidate: PropertySource = { get: (name) => (name === property ? newValue : properties.get(name)) };
        for (const p of loadSettings(candidate).problems) {
            if ((ROUTING_PROPERTIES as readonly string[]).indexOf(p.field) < 0) continue;
            // A problem on another routing property is caused by this value (e.g. review_below above auto_create_above).
            problems.push({ field: p.field === property ? 'new_value' : `new_value (with ${p.field})`, problem: `${p.field} ${p.problem}`, fix: p.fix });
        }
    }
    if (problems.length > 0) return { ok: false, problems };
    return { ok: true, property: property as RoutingProperty, oldValue: properties.get(property) ?? '', newValue, reason };
}

/** Writes a system property of the scope (gs.setProperty). */
export interface PropertyWriter {
    set(name: string, value: string): void;
}

export type RoutingChangeOutcome =
    | { readonly status: 'applied'; readonly property: RoutingProperty; readonly oldValue: string; readonly newValue: string; readonly actor: string }
    | { readonly status: 'refused'; readonly message: string; readonly problems: readonly RoutingChangeProblem[] };

/** One line an admin can act on: every problem with its field and fix. */
export function describeProblems(problems: readonly RoutingChangeProblem[]): string {
    return `Routing change refused, nothing changed: ${problems.map((p) => `${p.field} ${p.problem}; fix: ${p.fix}`).join(' | ')}`;
}

/**
 * Validates, applies and audits one change. `hasRole` is the session's role check: the table's
 * create ACL already limits who may insert, and this repeats it so a script (or a person with
 * another path to the table) cannot change routing without the role.
 */
export function applyRoutingChange(
    ports: Pick<Ports, 'records' | 'session' | 'log' | 'properties'>,
    writer: PropertyWriter,
    hasRole: (role: string) => boolean,
    request: RoutingChangeRequest,
): RoutingChangeOutcome {
    const actor = ports.session.userName();
    if (!hasRole(ROUTING_ADMIN_ROLE)) {
        const problems = [{ field: 'role', problem: `${actor} does not have ${ROUTING_ADMIN_ROLE}`, fix: `ask an administrator to grant ${ROUTING_ADMIN_ROLE} to the person who changes routing` }];
        return { status: 'refused', message: describeProblems(problems), problems };
    }
    const check = checkRoutingChange(ports.properties, request);
    if (!check.ok) return { status: 'refused', message: describeProblems(check.problems), problems: check.problems };
    writer.set(check.property, check.newValue);
    recordAudit(ports, {
        direction: 'config',
        operation: 'routing:change',
        target: 'sys_properties',
        // target_id is 32 characters (a sys_id): the property name goes in `fields`.
        fields: [check.property],
        oldValues: { [check.property]: check.oldValue },
        newValues: { [check.property]: check.newValue },
        result: 'success',
        latencyMs: 0,
        detail: check.reason,
        actor,
    });
    ports.log.info(`Seam routing change by ${actor}: ${check.property} ${JSON.stringify(check.oldValue)} -> ${JSON.stringify(check.newValue)} (${check.reason})`);
    return { status: 'applied', property: check.property, oldValue: check.oldValue, newValue: check.newValue, actor };
}
