import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';
import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getLink from '@salesforce/apex/SeamPanelController.getLink';
import escalate from '@salesforce/apex/SeamPanelController.escalate';
import resync from '@salesforce/apex/SeamPanelController.resync';
import escalateToEngineering from '@salesforce/apex/SeamPanelController.escalateToEngineering';
import { slaView, slaRiskView, syncHealth, stripOriginTag, isAiLabelled, AI_LABEL } from 'c/seamCore';

/**
 * Only the id of a Case Seam just updated (SeamIncidentUpdateHandler publishes it); the panel then
 * refetches through SeamPanelController in user mode. Incident_Update__e itself carries the fields
 * and comments of every case, so the browser never subscribes to it.
 */
const CHANNEL = '/event/Seam_Case_Signal__e';
const TICK_MS = 60000;

const SLA_BADGES = {
    breached: { label: 'SLA breached', className: 'slds-badge slds-theme_error' },
    at_risk: { label: 'SLA at risk', className: 'slds-badge slds-theme_warning' },
    on_track: { label: 'SLA on track', className: 'slds-badge slds-theme_success' },
    none: { label: 'No SLA', className: 'slds-badge' }
};

// Every risk badge reads "Predicted": it is a model's estimate, not the SLA clock.
const RISK_CLASSES = {
    high: 'slds-badge slds-theme_warning',
    medium: 'slds-badge',
    low: 'slds-badge slds-theme_success'
};

const HEALTH_CLASSES = {
    ok: 'slds-text-color_success',
    pending: 'slds-text-color_weak',
    error: 'slds-text-color_error'
};

/** Record ids arrive as 15 or 18 characters; the first 15 identify the record. */
const sameId = (a, b) => Boolean(a && b) && a.substring(0, 15) === b.substring(0, 15);

/** The first readable message of an Apex/LDS error. */
function errorMessage(error) {
    if (!error) return 'Unknown error';
    if (error.body && typeof error.body.message === 'string') return error.body.message;
    if (Array.isArray(error.body) && error.body.length) return error.body.map((e) => e.message).join(', ');
    return error.message || 'Unknown error';
}

/**
 * The ServiceNow incident behind this case. Data comes from SeamPanelController (user mode);
 * every display decision (SLA time left, breach risk, sync health, origin tags, AI label) is the
 * shared core's, so the panel shows exactly what ServiceNow and the tests compute.
 */
export default class LinkedIncidentPanel extends LightningElement {
    @api recordId;

    view;
    error;
    wiredResult;
    now = Date.now();
    busy = false;
    announcement = '';
    subscription;
    timer;
    /** connecting, on or off: whether this panel refreshes by itself when ServiceNow changes the incident. */
    liveStatus = 'connecting';

    @wire(getLink, { caseId: '$recordId' })
    wiredLink(result) {
        this.wiredResult = result;
        if (result.data) {
            this.view = result.data;
            this.error = undefined;
        } else if (result.error) {
            this.error = result.error;
            this.view = undefined;
        }
    }

    connectedCallback() {
        this.subscribeToUpdates();
        // Time left on the SLA moves even when nothing else does.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.now = Date.now();
        }, TICK_MS);
    }

    disconnectedCallback() {
        clearInterval(this.timer);
        if (this.subscription) {
            unsubscribe(this.subscription);
            this.subscription = undefined;
        }
    }

    async subscribeToUpdates() {
        onError((error) => {
            // The panel still works without live updates; it says so, and refreshes on reload.
            // eslint-disable-next-line no-console
            console.warn('Seam: live incident updates unavailable', error);
            this.liveStatus = 'off';
        });
        try {
            this.subscription = await subscribe(CHANNEL, -1, (message) => this.handleIncidentUpdate(message));
            this.liveStatus = this.subscription ? 'on' : 'off';
        } catch (e) {
            // e.g. no Read access on Seam_Case_Signal__e (permission set Seam_Agent grants it).
            this.subscription = undefined;
            this.liveStatus = 'off';
        }
    }

    get liveUpdatesOff() {
        return this.liveStatus === 'off';
    }

    async handleIncidentUpdate(message) {
        const payload = message && message.data && message.data.payload;
        if (!payload || !sameId(payload.Case_Id__c, this.recordId)) return;
        this.now = Date.now();
        await refreshApex(this.wiredResult);
        await notifyRecordUpdateAvailable([{ recordId: this.recordId }]);
        const number = this.view && this.view.incidentNumber ? ` ${this.view.incidentNumber}` : '';
        this.announcement = `Incident${number} was updated in ServiceNow.`;
    }

    // ---- states ---------------------------------------------------------------------------
    get isLoading() {
        return !this.view && !this.error;
    }
    get hasError() {
        return Boolean(this.error);
    }
    get errorText() {
        return errorMessage(this.error);
    }
    get isDenied() {
        return Boolean(this.view && this.view.accessDenied);
    }
    get isEmpty() {
        return Boolean(this.view && !this.view.accessDenied && !this.view.linked);
    }
    get isLinked() {
        return Boolean(this.view && !this.view.accessDenied && this.view.linked);
    }
    get showActions() {
        return this.isEmpty || this.isLinked;
    }

    // ---- linked incident ------------------------------------------------------------------
    get incidentLinkLabel() {
        return `Open incident ${this.view.incidentNumber} in ServiceNow (opens in a new tab)`;
    }
    get assigneeText() {
        return this.view.assignee || 'Unassigned';
    }
    get groupText() {
        return this.view.assignmentGroup || 'No group';
    }
    get sla() {
        return slaView(this.view.slaDue, this.now);
    }
    get slaText() {
        return this.sla.text;
    }
    get slaBadge() {
        return SLA_BADGES[this.sla.badge] || SLA_BADGES.none;
    }
    get slaRisk() {
        return slaRiskView(this.view.slaRisk);
    }
    get slaRiskBadge() {
        const risk = this.slaRisk;
        return risk ? { label: `Predicted breach risk ${risk.percent}% (${risk.band})`, className: RISK_CLASSES[risk.band], title: risk.text } : null;
    }
    get hasSlaDue() {
        return Boolean(this.view.slaDue);
    }
    get latestUpdate() {
        return this.view.latestUpdate ? stripOriginTag(this.view.latestUpdate) : null;
    }
    get aiSummary() {
        const text = this.view.aiSummary;
        if (!text) return null;
        // The label is shown as a badge; the text itself never reads as a person's words.
        return isAiLabelled(text) ? text.replace(AI_LABEL, '').trim() : text;
    }
    get aiLabel() {
        return AI_LABEL;
    }

    // ---- sync health ----------------------------------------------------------------------
    get health() {
        const v = this.view;
        return syncHealth({ lastSyncAt: v.lastSync, pending: v.pending || 0, lastError: v.lastError }, this.now);
    }
    get healthLabel() {
        return this.health.label;
    }
    get healthDetail() {
        return this.health.detail;
    }
    get healthClass() {
        return `slds-text-title_bold ${HEALTH_CLASSES[this.health.status] || ''}`;
    }
    get hasSyncError() {
        return this.health.status === 'error';
    }

    // ---- tier-3 escalation: the ServiceNow problem ---------------------------------------------
    get hasEscalation() {
        return Boolean(this.view && (this.view.problemNumber || this.view.escalationStatus));
    }
    get problemLinkLabel() {
        return `Open problem ${this.view.problemNumber} in ServiceNow (new tab)`;
    }

    // ---- actions --------------------------------------------------------------------------
    get actionsDisabled() {
        return this.busy;
    }
    /** One problem per case: once it exists there is nothing more to escalate. */
    get engineeringDisabled() {
        return this.busy || Boolean(this.view && this.view.problemNumber);
    }

    handleEscalateToEngineering() {
        return this.runAction(
            escalateToEngineering,
            'Escalate to engineering',
            'Escalated to engineering',
            'ServiceNow creates a problem for this case, or asks a reviewer first.'
        );
    }

    handleEscalate() {
        return this.runAction(
            escalate,
            'Escalate to IT',
            'Escalated to IT',
            'The case was sent to ServiceNow for IT to pick up.'
        );
    }

    handleResync() {
        return this.runAction(resync, 'Resync', 'Resync requested', 'The case will be sent to ServiceNow again.');
    }

    async runAction(action, name, title, message) {
        this.busy = true;
        try {
            await action({ caseId: this.recordId });
            await refreshApex(this.wiredResult);
            this.announcement = `${title}. ${message}`;
            this.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
        } catch (error) {
            const text = errorMessage(error);
            this.announcement = `${name} failed: ${text}`;
            this.dispatchEvent(new ShowToastEvent({ title: `${name} failed`, message: text, variant: 'error' }));
        } finally {
            this.busy = false;
        }
    }
}
