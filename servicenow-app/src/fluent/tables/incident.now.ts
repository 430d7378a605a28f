import '@servicenow/sdk/global'
import { Table, StringColumn, DecimalColumn, BooleanColumn } from '@servicenow/sdk/core'

// Custom incident fields carry the scope prefix: the SDK rejects `u_` on augmented tables.
// Names match shared/src/ownership.ts (the ownership map) and docs/contracts.md.
export const incident = Table({
    augments: 'incident',
    schema: {
        x_seam_bridge_sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18, readOnly: true }),
        x_seam_bridge_sf_case_number: StringColumn({ label: 'Salesforce Case Number', maxLength: 40, readOnly: true }),
        x_seam_bridge_sf_account_id: StringColumn({ label: 'Salesforce Account', maxLength: 18, readOnly: true }),
        x_seam_bridge_sf_contact_id: StringColumn({ label: 'Salesforce Contact', maxLength: 18, readOnly: true }),
        x_seam_bridge_customer_priority: StringColumn({ label: 'Customer priority', maxLength: 40, readOnly: true }),
        x_seam_bridge_entitlement: StringColumn({ label: 'Entitlement', maxLength: 18, readOnly: true }),
        x_seam_bridge_contract_value: DecimalColumn({ label: 'Account contract value', readOnly: true }),
        x_seam_bridge_correlation_id: StringColumn({ label: 'Seam correlation id', maxLength: 128, readOnly: true }),
        // A prediction ("72% high (predicted)", shared slarisk.ts), written by the SLA-risk rule and
        // copied to Case.Seam_SLA_Risk__c; the flag makes the work note once per threshold crossing.
        x_seam_bridge_sla_risk: StringColumn({ label: 'SLA risk (predicted)', maxLength: 40, readOnly: true }),
        x_seam_bridge_sla_risk_alerted: BooleanColumn({ label: 'SLA risk alerted', readOnly: true }),
    },
})
