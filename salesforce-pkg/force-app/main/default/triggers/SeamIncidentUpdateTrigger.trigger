/**
 * @description Subscriber of Incident_Update__e from ServiceNow; SeamIncidentUpdateHandler applies it.
 */
trigger SeamIncidentUpdateTrigger on Incident_Update__e(after insert) {
    SeamIncidentUpdateHandler.handle(Trigger.new);
}
