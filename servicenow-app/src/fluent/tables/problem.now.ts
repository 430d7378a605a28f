import '@servicenow/sdk/global'
import { Table, StringColumn } from '@servicenow/sdk/core'

// The problem a tier-3 escalation creates (src/server/escalation/problem.ts): the case it came
// from (Salesforce owns these, read-only here) and where the escalation stands, which is copied
// to Case.Seam_Escalation_Status__c through the ownership map (shared/src/ownership.ts).
export const problem = Table({
    augments: 'problem',
    schema: {
        x_seam_bridge_sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18, readOnly: true }),
        x_seam_bridge_sf_case_number: StringColumn({ label: 'Salesforce Case Number', maxLength: 40, readOnly: true }),
        x_seam_bridge_sf_account_id: StringColumn({ label: 'Salesforce Account', maxLength: 18, readOnly: true }),
        x_seam_bridge_correlation_id: StringColumn({ label: 'Seam correlation id', maxLength: 128, readOnly: true }),
        x_seam_bridge_escalation_status: StringColumn({ label: 'Seam escalation status', maxLength: 255, readOnly: true }),
    },
})
