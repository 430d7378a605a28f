import '@servicenow/sdk/global'
import { Table, StringColumn, DecimalColumn, ReferenceColumn, DateTimeColumn } from '@servicenow/sdk/core'

// "Seam Accuracy Reviews": each week the job "Seam: sample routed cases for accuracy review" puts a
// reproducible sample of the cases Seam routed here; a reviewer marks each routing right or wrong.
// Field history (audit: true) keeps who changed a verdict and when.
export const x_seam_bridge_accuracy_review = Table({
    name: 'x_seam_bridge_accuracy_review',
    label: 'Seam Accuracy Review',
    display: 'sf_case_id',
    accessibleFrom: 'package_private',
    audit: true,
    schema: {
        week: StringColumn({ label: 'Week (ISO)', maxLength: 10, mandatory: true }),
        sf_case_id: StringColumn({ label: 'Salesforce Case Id', maxLength: 18, mandatory: true }),
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident' }),
        route: StringColumn({ label: 'Triage route', maxLength: 20 }),
        category: StringColumn({ label: 'Triage category', maxLength: 100 }),
        confidence: DecimalColumn({ label: 'Triage confidence' }),
        verdict: StringColumn({
            label: 'Routing was',
            maxLength: 20,
            default: 'pending',
            choices: { pending: 'Not reviewed yet', right: 'Right', wrong: 'Wrong' },
        }),
        note: StringColumn({ label: 'Reviewer note', maxLength: 1000 }),
        sampled_at: DateTimeColumn({ label: 'Sampled at' }),
    },
    index: [{ name: 'x_seam_bridge_accuracy_review_week', unique: false, element: ['week', 'verdict'] }],
})
