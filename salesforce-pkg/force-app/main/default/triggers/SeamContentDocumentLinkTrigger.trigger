/**
 * @description The one ContentDocumentLink trigger: SeamAttachmentHandler decides. A file shared
 * with a record (also the link FirstPublishLocationId creates) is a ContentDocumentLink insert.
 */
trigger SeamContentDocumentLinkTrigger on ContentDocumentLink(after insert) {
    SeamAttachmentHandler.afterInsert(Trigger.new);
}
