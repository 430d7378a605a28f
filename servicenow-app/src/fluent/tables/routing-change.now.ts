import '@servicenow/sdk/global'
import { Table, StringColumn } from '@servicenow/sdk/core'

// "Seam Routing Changes": the only way the app offers to change a routing property. A
// x_seam_bridge.routing_admin inserts a row (property, new value, reason); the before-insert rule
// "Seam: apply routing change" validates it with the app's own parser, sets the property, fills in
// old value and who, and writes an audit row (direction config). A bad value aborts the insert
// with a message naming the field and the fix, and nothing changes. Rows are never edited.
export const x_seam_bridge_routing_change = Table({
    name: 'x_seam_bridge_routing_change',
    label: 'Seam Routing Change',
    display: 'property',
    accessibleFrom: 'package_private',
    audit: true,
    schema: {
        property: StringColumn({
            label: 'Routing property',
            maxLength: 100,
            mandatory: true,
            choices: {
                'x_seam_bridge.triage.enabled': 'Triage enabled',
                'x_seam_bridge.triage.review_below': 'Review below confidence',
                'x_seam_bridge.triage.auto_create_above': 'Auto-create above confidence',
                'x_seam_bridge.triage.approval_priorities': 'Priorities that need an approval',
                'x_seam_bridge.approval.group': 'Approval group',
            },
        }),
        new_value: StringColumn({ label: 'New value', maxLength: 255 }),
        reason: StringColumn({ label: 'Reason', maxLength: 1000, mandatory: true }),
        old_value: StringColumn({ label: 'Old value', maxLength: 255, readOnly: true }),
        changed_by: StringColumn({ label: 'Changed by', maxLength: 100, readOnly: true }),
    },
})
