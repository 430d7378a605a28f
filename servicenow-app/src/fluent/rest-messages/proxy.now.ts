import '@servicenow/sdk/global'
import { RestMessage } from '@servicenow/sdk/core'

// The proxy has its own credential: a bearer secret in the password2 property
// x_seam_bridge.proxy.api_key, added as the Authorization header at call time
// (src/server/clients/proxy.ts). Nothing secret is in this file.
export const proxyMessage = RestMessage({
    $id: Now.ID['rest_message_proxy'],
    name: 'Seam Proxy',
    endpoint: 'https://seam-proxy.example.com',
    description: 'Seam LLM proxy: triage, summarize, resolution summary, major-incident impact drafts, knowledge answers, case summaries, SLA-breach risk and tier-3 escalation assessment.',
    authenticationType: 'noAuthentication',
    access: 'packagePrivate',
    headers: [
        { $id: Now.ID['rest_proxy_h_ct'], name: 'Content-Type', value: 'application/json' },
        { $id: Now.ID['rest_proxy_h_accept'], name: 'Accept', value: 'application/json' },
    ],
    functions: [
        { name: 'triage', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/triage' },
        { name: 'summarize', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/summarize' },
        { name: 'resolutionSummary', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/resolution-summary' },
        { name: 'impact', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/impact' },
        { name: 'knowledgeAnswer', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/knowledge/answer' },
        { name: 'knowledgeDocuments', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/knowledge/documents' },
        { name: 'knowledgeGaps', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/knowledge/gaps' },
        { name: 'slaRisk', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/sla-risk' },
        { name: 'escalation', httpMethod: 'POST', endpoint: 'https://seam-proxy.example.com/v1/escalation' },
    ],
})
