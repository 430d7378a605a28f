import '@servicenow/sdk/global'
import { RestApi } from '@servicenow/sdk/core'
import { seamApiAcl } from '../acls/rest-endpoint.now'
import { casesRoute, commentsRoute, linkRoute } from '../../server/entry/rest'

// /api/x_seam_bridge/seam/v1/... exactly as in docs/contracts.md: the version is part of the
// route path (not a sys_ws_version), so the URL Salesforce calls never depends on a default version. Authenticated, role-checked through the
// endpoint ACL; internalRole false, so the integration user needs no snc_internal.
export const seamApi = RestApi({
    $id: Now.ID['rest_seam_api'],
    name: 'Seam API',
    serviceId: 'seam',
    consumes: 'application/json',
    produces: 'application/json',
    shortDescription: 'Inbound from Salesforce: cases, comments and link status.',
    enforceAcl: [seamApiAcl],
    routes: [
        {
            $id: Now.ID['rest_seam_cases'],
            name: 'cases',
            method: 'POST',
            path: '/v1/cases',
            script: casesRoute,
            authentication: true,
            authorization: true,
            internalRole: false,
            enforceAcl: [seamApiAcl],
            consumes: 'application/json',
            produces: 'application/json',
            shortDescription: 'Upsert cases: { messages: CaseMessage[] } (1..200). Validates the whole batch first; 400 writes nothing.',
        },
        {
            $id: Now.ID['rest_seam_comments'],
            name: 'comments',
            method: 'POST',
            path: '/v1/comments',
            script: commentsRoute,
            authentication: true,
            authorization: true,
            internalRole: false,
            enforceAcl: [seamApiAcl],
            consumes: 'application/json',
            produces: 'application/json',
            shortDescription: 'Add customer-visible comments: { messages: CommentMessage[] }.',
        },
        {
            $id: Now.ID['rest_seam_link'],
            name: 'link',
            method: 'GET',
            path: '/v1/links/{caseId}',
            script: linkRoute,
            authentication: true,
            authorization: true,
            internalRole: false,
            enforceAcl: [seamApiAcl],
            produces: 'application/json',
            parameters: [{ $id: Now.ID['rest_seam_link_case'], name: 'caseId', required: true, shortDescription: '15- or 18-character Case id' }],
            shortDescription: 'Link status of a case.',
        },
    ],
})
