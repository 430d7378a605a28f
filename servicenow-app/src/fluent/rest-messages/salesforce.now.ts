import '@servicenow/sdk/global'
import { RestMessage } from '@servicenow/sdk/core'

// Endpoints are placeholders: src/server/clients/salesforce.ts sets the full URL at call time
// from x_seam_bridge.salesforce.instance_url, so the admin configures one property.
export const salesforceMessage = RestMessage({
    $id: Now.ID['rest_message_salesforce'],
    name: 'Seam Salesforce',
    endpoint: 'https://example.my.salesforce.com/services/data/v62.0',
    description: 'Salesforce REST: publish Incident_Update__e (sObject Collections), create Tasks/CaseComments, SOQL query. OAuth 2.0 client credentials.',
    authenticationType: 'oauth2',
    // oauthProfile takes a sys_id string, not a record: this is the sys_id the build assigned to
    // Now.ID['oauth_entity_profile_salesforce'] (../credentials/salesforce-oauth.now.ts), as
    // recorded in generated/keys.ts. test/build-output.test.ts checks that the two still match.
    oauthProfile: 'e4fc6c3df3a1477d8f171e82439d92cb',
    access: 'packagePrivate',
    headers: [
        { $id: Now.ID['rest_sf_h_ct'], name: 'Content-Type', value: 'application/json' },
        { $id: Now.ID['rest_sf_h_accept'], name: 'Accept', value: 'application/json' },
    ],
    functions: [
        { name: 'publishEvents', httpMethod: 'POST', endpoint: 'https://example.my.salesforce.com/services/data/v62.0/composite/sobjects' },
        { name: 'createRecords', httpMethod: 'POST', endpoint: 'https://example.my.salesforce.com/services/data/v62.0/composite/sobjects' },
        { name: 'query', httpMethod: 'GET', endpoint: 'https://example.my.salesforce.com/services/data/v62.0/query' },
    ],
})
