import '@servicenow/sdk/global'
import { Record } from '@servicenow/sdk/core'

// The Salesforce connected app as an OAuth provider (Application Registry) with a
// client-credentials profile. Client id and secret are NOT in source: the admin enters them on
// the instance (README: "Salesforce connected app"). `first install` keeps a reinstall from
// wiping what the admin entered.
export const salesforceOAuthProvider = Record({
    $id: Now.ID['oauth_entity_salesforce'],
    $meta: { installMethod: 'first install' },
    table: 'oauth_entity',
    data: {
        name: 'Seam Salesforce',
        type: 'oauth_provider',
        default_grant_type: 'client_credentials',
        token_url: 'https://example.my.salesforce.com/services/oauth2/token',
        client_id: '',
        active: true,
        comments: 'Set the token URL to https://<my-domain>.my.salesforce.com/services/oauth2/token and paste the connected app consumer key and secret.',
    },
})

export const salesforceOAuthProfile = Record({
    $id: Now.ID['oauth_entity_profile_salesforce'],
    $meta: { installMethod: 'first install' },
    table: 'oauth_entity_profile',
    data: {
        name: 'Seam Salesforce client credentials',
        oauth_entity: salesforceOAuthProvider,
        grant_type: 'client_credentials',
        default: true,
    },
})
