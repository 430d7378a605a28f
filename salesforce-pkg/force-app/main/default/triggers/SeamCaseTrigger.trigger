/**
 * @description The one Case trigger: no logic here, SeamCaseTriggerHandler decides.
 */
trigger SeamCaseTrigger on Case(before insert, before update, after insert, after update) {
    switch on Trigger.operationType {
        when BEFORE_INSERT {
            SeamCaseTriggerHandler.beforeInsert(Trigger.new);
        }
        when BEFORE_UPDATE {
            SeamCaseTriggerHandler.beforeUpdate(Trigger.new, Trigger.oldMap);
        }
        when AFTER_INSERT {
            SeamCaseTriggerHandler.afterInsert(Trigger.new);
        }
        when AFTER_UPDATE {
            SeamCaseTriggerHandler.afterUpdate(Trigger.new, Trigger.oldMap);
        }
    }
}
