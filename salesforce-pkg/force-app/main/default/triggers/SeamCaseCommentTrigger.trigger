/**
 * @description The one CaseComment trigger: SeamCaseCommentTriggerHandler decides.
 */
trigger SeamCaseCommentTrigger on CaseComment(after insert) {
    SeamCaseCommentTriggerHandler.afterInsert(Trigger.new);
}
