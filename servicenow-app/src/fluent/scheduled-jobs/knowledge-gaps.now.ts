import '@servicenow/sdk/global'
import { ScheduledScript } from '@servicenow/sdk/core'
import { knowledgeGapsJob } from '../../server/entry/jobs'

// Daily: recurring themes nobody's knowledge answered become draft kb_knowledge articles, one per
// gap, for a person to write, review and publish through the knowledge base's own flow.
export const knowledgeGapsSweepJob = ScheduledScript({
    $id: Now.ID['job_knowledge_gaps'],
    name: 'Seam: draft articles for knowledge gaps',
    active: true,
    frequency: 'daily',
    executionTime: { hours: 3, minutes: 0, seconds: 0 },
    script: knowledgeGapsJob,
})
