import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { addKnowledgeToWorkNotes, suggestKnowledge } from '../../server/entry/ui-actions'

// Knowledge from both bases on the incident form, through the proxy (the Seam Proxy REST message
// and its bearer property; no new secret). The agent decides: nothing is written without a press.
export const suggestKnowledgeAction = UiAction({
    $id: Now.ID['ui_incident_suggest_knowledge'],
    table: 'incident',
    name: 'Suggest knowledge (AI)',
    actionName: 'x_seam_bridge_suggest_knowledge',
    hint: 'Cited answer and articles from the ServiceNow and Salesforce knowledge bases and resolved work',
    condition: "gs.getProperty('x_seam_bridge.knowledge.enabled', 'true') == 'true'",
    showUpdate: true,
    form: { showButton: true },
    roles: ['itil'],
    script: suggestKnowledge,
    order: 400,
})

export const addKnowledgeAction = UiAction({
    $id: Now.ID['ui_incident_add_knowledge'],
    table: 'incident',
    name: 'Add knowledge answer to work notes (AI)',
    actionName: 'x_seam_bridge_add_knowledge',
    hint: 'Adds the cited answer as a work note labelled AI-suggested, with its sources',
    condition: "gs.getProperty('x_seam_bridge.knowledge.enabled', 'true') == 'true'",
    showUpdate: true,
    form: { showButton: true },
    roles: ['itil'],
    script: addKnowledgeToWorkNotes,
    order: 410,
})
