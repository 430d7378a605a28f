import '@servicenow/sdk/global'
import { CrossScopePrivilege } from '@servicenow/sdk/core'

// Every global-scope table the server modules touch, with the operations they need: a published
// scoped app runs only cross-scope operations that have an allowed privilege record (docs:
// "Cross-scope privilege record"; `npx now-sdk explain cross-scope-privilege-guide`). A table's own
// application access (sys_db_object "Can create" …) still caps what is granted. sys_trigger is
// absent on purpose: the debounced drain uses the app's own event (src/fluent/events).

CrossScopePrivilege({ $id: Now.ID['xsp_incident_read'], operation: 'read', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_incident_write'], operation: 'write', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_incident_create'], operation: 'create', status: 'allowed', targetName: 'incident', targetScope: 'global', targetType: 'sys_db_object' })
// Tier-3 escalation: the problem is created, read back and linked (src/server/escalation).
CrossScopePrivilege({ $id: Now.ID['xsp_problem_read'], operation: 'read', status: 'allowed', targetName: 'problem', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_problem_write'], operation: 'write', status: 'allowed', targetName: 'problem', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_problem_create'], operation: 'create', status: 'allowed', targetName: 'problem', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_core_company_read'], operation: 'read', status: 'allowed', targetName: 'core_company', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_journal_field_read'], operation: 'read', status: 'allowed', targetName: 'sys_journal_field', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_attachment_read'], operation: 'read', status: 'allowed', targetName: 'sys_attachment', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_attachment_create'], operation: 'create', status: 'allowed', targetName: 'sys_attachment', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sysapproval_approver_read'], operation: 'read', status: 'allowed', targetName: 'sysapproval_approver', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sysapproval_approver_write'], operation: 'write', status: 'allowed', targetName: 'sysapproval_approver', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sysapproval_approver_create'], operation: 'create', status: 'allowed', targetName: 'sysapproval_approver', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_user_group_read'], operation: 'read', status: 'allowed', targetName: 'sys_user_group', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_user_grmember_read'], operation: 'read', status: 'allowed', targetName: 'sys_user_grmember', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sys_user_has_role_read'], operation: 'read', status: 'allowed', targetName: 'sys_user_has_role', targetScope: 'global', targetType: 'sys_db_object' })
CrossScopePrivilege({ $id: Now.ID['xsp_sysauto_script_read'], operation: 'read', status: 'allowed', targetName: 'sysauto_script', targetScope: 'global', targetType: 'sys_db_object' })
