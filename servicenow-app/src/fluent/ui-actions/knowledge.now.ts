import '@servicenow/sdk/global'
import { UiAction } from '@servicenow/sdk/core'
import { addKnowledgeToWorkNotes, addSuggestionToIncident, suggestKnowledge } from '../../server/entry/ui-actions'

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

// One chosen article: each suggestion is a row (incident related list "Seam Knowledge Suggestions");
// this button on the row (form, or the list's action choice) adds that article as a work note.
export const addSuggestionAction = UiAction({
    $id: Now.ID['ui_kb_suggestion_add'],
    table: 'x_seam_bridge_kb_suggestion',
    name: 'Add to incident work notes (AI)',
    actionName: 'x_seam_bridge_add_kb_suggestion',
    hint: "Adds this article's passage to the incident's work notes, labelled AI-suggested, with its citation",
    condition: "current.current == true && gs.getProperty('x_seam_bridge.knowledge.enabled', 'true') == 'true'",
    showUpdate: true,
    form: { showButton: true, style: 'primary' },
    list: { showListChoice: true },
    roles: ['itil'],
    script: addSuggestionToIncident,
    order: 100,
})
