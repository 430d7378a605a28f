import '@servicenow/sdk/global'
import { Table, StringColumn, IntegerColumn, ReferenceColumn, DateTimeColumn, BooleanColumn } from '@servicenow/sdk/core'

// "Seam Knowledge Suggestions": the numbered articles "Suggest knowledge (AI)" found for an incident
// (both knowledge bases and resolved work), one row per rank, refreshed on every ask. The agent opens
// one and presses "Add to incident work notes (AI)": the work note quotes exactly what they saw.
export const x_seam_bridge_kb_suggestion = Table({
    name: 'x_seam_bridge_kb_suggestion',
    label: 'Seam Knowledge Suggestion',
    display: 'title',
    accessibleFrom: 'package_private',
    schema: {
        incident: ReferenceColumn({ label: 'Incident', referenceTable: 'incident', mandatory: true }),
        rank: IntegerColumn({ label: 'No.', mandatory: true }),
        current: BooleanColumn({ label: 'From the latest ask', default: 'true' }),
        platform: StringColumn({ label: 'Platform', maxLength: 20, choices: { servicenow: 'ServiceNow', salesforce: 'Salesforce' } }),
        kind: StringColumn({ label: 'Kind', maxLength: 20 }),
        number: StringColumn({ label: 'Article number', maxLength: 40 }),
        title: StringColumn({ label: 'Title', maxLength: 255 }),
        url: StringColumn({ label: 'Link', maxLength: 1000 }),
        snippet: StringColumn({ label: 'Passage (AI-suggested)', maxLength: 4000 }),
        relevance: StringColumn({ label: 'Relevance', maxLength: 10 }),
        asked_at: DateTimeColumn({ label: 'Asked at' }),
    },
    index: [{ name: 'x_seam_bridge_kb_suggestion_incident', unique: false, element: ['incident', 'rank'] }],
})
