import '@servicenow/sdk/global'
import { Table, StringColumn } from '@servicenow/sdk/core'

// Companies match Salesforce Accounts on the Account id only (shared/src/identity.ts), never on names.
export const core_company = Table({
    augments: 'core_company',
    schema: {
        x_seam_bridge_sf_account_id: StringColumn({ label: 'Salesforce Account Id', maxLength: 18 }),
    },
})
