/** GET /v1/links/{caseId}: the link's sync status, for the Salesforce side panel. */
import { toSalesforceId18 } from '../generated/seam-core';
import type { Ports } from '../ports';
import { findLinkByCase } from '../sync/link';
import { openReview } from '../triage/review';
import { TABLE, eq } from '../tables';
import { badRequest, type ApiRequest, type ApiResponse } from './http';

export function getLink(ports: Ports, request: ApiRequest): ApiResponse {
    const id = toSalesforceId18(request.pathParams.caseId, 'caseId', '500');
    if (!id.ok) return badRequest('caseId is not a Case id', 'pass the 15- or 18-character Salesforce Case id in the path', [id.error]);
    const caseId = id.value;
    const link = findLinkByCase(ports, caseId);
    const pending = (incidentSysId: string): number =>
        incidentSysId ? ports.records.find(TABLE.outbox, `${eq('incident', incidentSysId)}^statusINpending,failed,held`, { fields: ['status'] }).length : 0;
    if (link) {
        const incidentSysId = link.state.incidentSysId ?? link.row.incident;
        const incident = incidentSysId ? ports.records.get(TABLE.incident, incidentSysId, ['number']) : null;
        return {
            status: 200,
            body: {
                caseId,
                incidentNumber: incident ? incident.number : null,
                incidentSysId: incidentSysId || null,
                correlationId: link.state.correlationId ?? (link.row.correlation_id || null),
                syncState: link.row.sync_state || 'linked',
                linkVersion: link.state.versions.salesforce,
                lastError: link.row.last_error || null,
                pending: pending(incidentSysId),
            },
        };
    }
    const review = openReview(ports, caseId);
    if (review) {
        return {
            status: 200,
            body: { caseId, incidentNumber: null, incidentSysId: null, correlationId: null, syncState: review.status === 'approval_pending' ? 'approval_pending' : 'review', linkVersion: 0, lastError: null, pending: 0 },
        };
    }
    return { status: 404, body: { error: { message: `No link for Case ${caseId}`, detail: 'the case was never sent, was kept in Salesforce, or was rejected by a reviewer', problems: [] } } };
}
