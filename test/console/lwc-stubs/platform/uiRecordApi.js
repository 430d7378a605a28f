/**
 * Stand-in for the part of lightning/uiRecordApi the panel uses. notifyRecordUpdateAvailable
 * tells the page around the component (the console's record view) to reload those records, as
 * Lightning Data Service tells every component showing them.
 */
export function notifyRecordUpdateAvailable(recordIds) {
    window.dispatchEvent(new CustomEvent('seam:record-update-available', { detail: { recordIds: (recordIds || []).map((r) => r.recordId) } }));
    return Promise.resolve();
}

export function getFieldValue(record, field) {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    const value = record && record.fields && record.fields[name];
    return value ? value.value : undefined;
}
