import '@servicenow/sdk/global'
import { CrossScopePrivilege } from '@servicenow/sdk/core'

// Runtime access the knowledge-gap job needs to the global kb_knowledge table: it reads whether a
// gap was drafted before and creates draft articles; it never updates or deletes an article.
CrossScopePrivilege({
    $id: Now.ID['csp_kb_knowledge_read'],
    operation: 'read',
    status: 'allowed',
    targetName: 'kb_knowledge',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
CrossScopePrivilege({
    $id: Now.ID['csp_kb_knowledge_create'],
    operation: 'create',
    status: 'allowed',
    targetName: 'kb_knowledge',
    targetScope: 'global',
    targetType: 'sys_db_object',
})
