import { LightningElement } from 'lwc';
import runChecks from '@salesforce/apex/SeamConnectionCheckController.runChecks';

/** What each check is about, in the admin's words (SeamConnectionCheck's names). */
const LABELS = {
    servicenow: 'ServiceNow: authentication and endpoint',
    api_budget: 'Salesforce API budget',
    subscriber: 'Incident_Update__e trigger and its running user (PlatformEventSubscriberConfig)',
    permissions: 'Integration user permissions (Seam_Integration)',
    sweep: 'Outbox sweep schedule',
    polling: 'Delivery from ServiceNow (events or polling)'
};

/** The first readable message of an Apex error. */
function errorMessage(error) {
    if (!error) return 'Unknown error';
    if (error.body && typeof error.body.message === 'string') return error.body.message;
    return error.message || 'Unknown error';
}

/**
 * Test connection, for Seam admins: one button runs every check of SeamConnectionCheck through its
 * guarded controller and lists them, each passed or failed with what was found, and for a failed one
 * how to fix it. Nothing runs until the admin asks (the check makes a callout to ServiceNow).
 */
export default class SeamConnectionCheck extends LightningElement {
    checks;
    error;
    running = false;
    announcement = '';

    get hasChecks() {
        return Array.isArray(this.checks) && this.checks.length > 0;
    }

    get hasError() {
        return !!this.error;
    }

    get failedCount() {
        return this.hasChecks ? this.checks.filter((c) => !c.ok).length : 0;
    }

    get summary() {
        if (!this.hasChecks) return '';
        const failed = this.failedCount;
        return failed === 0 ? `All ${this.checks.length} checks passed.` : `${failed} of ${this.checks.length} checks failed.`;
    }

    get summaryClass() {
        return this.failedCount === 0 ? 'slds-text-color_success' : 'slds-text-color_error';
    }

    async handleRun() {
        this.running = true;
        this.error = undefined;
        this.announcement = 'Testing the connection';
        try {
            const result = await runChecks();
            this.checks = (result || []).map((c) => ({
                key: c.name,
                name: c.name,
                label: LABELS[c.name] || c.name,
                ok: c.ok === true,
                status: c.ok === true ? 'Passed' : 'Failed',
                icon: c.ok === true ? 'utility:success' : 'utility:error',
                variant: c.ok === true ? 'success' : 'error',
                detail: c.detail,
                fix: c.ok === true ? null : c.fix
            }));
            this.announcement = this.summary;
        } catch (e) {
            this.checks = undefined;
            this.error = errorMessage(e);
            this.announcement = `Test connection could not run: ${this.error}`;
        } finally {
            this.running = false;
        }
    }
}
