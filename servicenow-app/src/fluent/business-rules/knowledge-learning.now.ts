import '@servicenow/sdk/global'
import { BusinessRule } from '@servicenow/sdk/core'
import { storeResolutionInKnowledge } from '../../server/entry/business-rules'

export const knowledgeLearningRule = BusinessRule({
    $id: Now.ID['br_knowledge_learning'],
    name: 'Seam: store the resolution in the knowledge index',
    table: 'incident',
    when: 'async',
    action: ['update'],
    filterCondition: 'stateCHANGESTO6^x_seam_bridge_sf_case_idISNOTEMPTY',
    order: 310,
    active: true,
    description: 'Post-resolution learning: the resolution (notes, code, tags, references) becomes a CASE_SUMMARY document the proxy indexes masked, citable by later answers.',
    script: storeResolutionInKnowledge,
})
