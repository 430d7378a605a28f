import { createElement } from 'lwc';
import LinkedIncidentPanel from 'c/linkedIncidentPanel';
import getLink from '@salesforce/apex/SeamPanelController.getLink';
import escalate from '@salesforce/apex/SeamPanelController.escalate';
import resync from '@salesforce/apex/SeamPanelController.resync';
import escalateToEngineering from '@salesforce/apex/SeamPanelController.escalateToEngineering';
import { refreshApex } from '@salesforce/apex';
import { subscribe, onError } from 'lightning/empApi';
import { notifyRecordUpdateAvailable } from 'lightning/uiRecordApi';

const linkedOnTrack = require('./data/linkedOnTrack.json');
const linkedAtRisk = require('./data/linkedAtRisk.json');
const linkedBreached = require('./data/linkedBreached.json');
const linkedResolved = require('./data/linkedResolved.json');
const notLinked = require('./data/notLinked.json');
const linkedWithProblem = require('./data/linkedWithProblem.json');
const accessDenied = require('./data/accessDenied.json');
const getLinkError = require('./data/getLinkError.json');
const caseSignalEvent = require('./data/caseSignalEvent.json');

jest.mock(
    '@salesforce/apex/SeamPanelController.getLink',
    () => {
        const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
        return { default: createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/SeamPanelController.escalate', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SeamPanelController.resync', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SeamPanelController.escalateToEngineering', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const CASE_ID = '500000000000001AAA';
// The fixtures' times are relative to this instant; the component reads the clock through Date.now().
const NOW = Date.parse('2026-11-23T10:00:00.000Z');

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

function createPanel() {
    const element = createElement('c-linked-incident-panel', { is: LinkedIncidentPanel });
    element.recordId = CASE_ID;
    document.body.appendChild(element);
    return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => {
    const node = $(element, id);
    return node ? node.textContent.replace(/\s+/g, ' ').trim() : null;
};

describe('c-linked-incident-panel', () => {
    beforeEach(() => {
        jest.spyOn(Date, 'now').mockReturnValue(NOW);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.restoreAllMocks();
    });

    it('shows a spinner while the incident loads', async () => {
        const element = createPanel();
        await flushPromises();

        const spinner = element.shadowRoot.querySelector('lightning-spinner');
        expect(spinner).not.toBeNull();
        expect(spinner.alternativeText).toBe('Loading the linked incident');
        expect($(element, 'linked')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says the case is not linked and offers Escalate to IT', async () => {
        const element = createPanel();
        getLink.emit(notLinked);
        await flushPromises();

        expect(text(element, 'empty')).toContain('not linked to a ServiceNow incident');
        expect($(element, 'escalate').label).toBe('Escalate to IT');
        expect($(element, 'linked')).toBeNull();
        expect(text(element, 'sync-label')).toBe('In sync');
        await expect(element).toBeAccessible();
    });

    it('shows the linked incident with an on-track SLA and the AI summary labelled as AI', async () => {
        const element = createPanel();
        getLink.emit(linkedOnTrack);
        await flushPromises();

        const link = $(element, 'incident-number').querySelector('a');
        expect(link.textContent).toBe('INC0012345');
        expect(link.href).toBe(linkedOnTrack.incidentUrl);
        expect(link.target).toBe('_blank');
        expect(link.getAttribute('aria-label')).toContain('opens in a new tab');
        expect(text(element, 'state')).toBe('In Progress');
        expect(text(element, 'priority')).toBe('2 - High');
        expect(text(element, 'assignee')).toBe('Beth Anglin');
        expect(text(element, 'group')).toBe('Network');
        expect(text(element, 'sla-left')).toBe('5 h left');
        expect(text(element, 'sla-badge')).toBe('SLA on track');
        // The origin tag is for the machines; the agent reads the words.
        expect(text(element, 'latest-update')).toBe('We replaced the VPN concentrator; please retry.');
        expect(text(element, 'ai-badge')).toBe('AI-generated');
        expect(text(element, 'ai-summary')).toBe(
            'VPN outage at the Lyon site, caused by a failed concentrator; replacement in progress.'
        );
        expect(text(element, 'ai-label')).toContain('AI-generated');
        expect(text(element, 'sync-label')).toBe('In sync');
        expect(text(element, 'sync-detail')).toBe('Last synced 5 min ago');
        await expect(element).toBeAccessible();
    });

    it('warns when the SLA is at risk and changes are waiting to sync', async () => {
        const element = createPanel();
        getLink.emit(linkedAtRisk);
        await flushPromises();

        expect(text(element, 'sla-left')).toBe('45 min left');
        expect(text(element, 'sla-badge')).toBe('SLA at risk');
        expect($(element, 'sla-badge').className).toContain('slds-theme_warning');
        // The model's estimate is a separate badge that says it is a prediction.
        expect(text(element, 'sla-risk-badge')).toBe('Predicted breach risk 82% (high)');
        expect(text(element, 'assignee')).toBe('Unassigned');
        expect(text(element, 'latest-update')).toBe('No customer-visible update yet.');
        expect($(element, 'ai-summary')).toBeNull();
        expect(text(element, 'sync-label')).toBe('Sync pending');
        expect(text(element, 'sync-detail')).toContain('2 changes waiting to sync');
        await expect(element).toBeAccessible();
    });

    it('flags a breached SLA and shows the sync error with its fix', async () => {
        const element = createPanel();
        getLink.emit(linkedBreached);
        await flushPromises();

        expect(text(element, 'sla-left')).toBe('overdue by 30 min');
        expect(text(element, 'sla-badge')).toBe('SLA breached');
        expect($(element, 'sla-badge').className).toContain('slds-theme_error');
        expect($(element, 'sla-risk-badge')).toBeNull();
        expect($(element, 'incident-number').querySelector('a')).toBeNull();
        expect(text(element, 'incident-number')).toBe('INC0012347');
        expect(text(element, 'sync-label')).toBe('Sync error');
        expect(text(element, 'sync-detail')).toContain('use High, Medium or Low');
        await expect(element).toBeAccessible();
    });

    it('shows an error when the incident cannot be loaded', async () => {
        const element = createPanel();
        getLink.error(getLinkError.body, getLinkError.status, getLinkError.statusText);
        await flushPromises();

        const error = $(element, 'error');
        expect(error.getAttribute('role')).toBe('alert');
        expect(error.textContent).toContain('List has no rows for assignment to SObject');
        expect($(element, 'escalate')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('tells an agent without access what to ask for, and shows no data or actions', async () => {
        const element = createPanel();
        getLink.emit(accessDenied);
        await flushPromises();

        expect(text(element, 'denied')).toContain("You don't have access to the linked incident");
        expect(text(element, 'denied')).toContain('Seam Agent permission set');
        expect($(element, 'linked')).toBeNull();
        expect($(element, 'escalate')).toBeNull();
        expect($(element, 'resync')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refreshes live on a Seam_Case_Signal__e for this case only, never subscribing to the data-carrying event', async () => {
        const element = createPanel();
        getLink.emit(linkedOnTrack);
        await flushPromises();

        expect(subscribe).toHaveBeenCalledTimes(1);
        expect(subscribe).toHaveBeenCalledWith('/event/Seam_Case_Signal__e', -1, expect.any(Function));
        expect(subscribe).not.toHaveBeenCalledWith('/event/Incident_Update__e', expect.anything(), expect.anything());
        const onMessage = subscribe.mock.calls[0][2];
        expect($(element, 'live-off')).toBeNull();

        const otherCase = JSON.parse(JSON.stringify(caseSignalEvent));
        otherCase.data.payload.Case_Id__c = '500000000000002AAA';
        await onMessage(otherCase);
        expect(refreshApex).not.toHaveBeenCalled();

        await onMessage(caseSignalEvent);
        expect(refreshApex).toHaveBeenCalledTimes(1);
        expect(notifyRecordUpdateAvailable).toHaveBeenCalledWith([{ recordId: CASE_ID }]);

        // What refreshApex brings back from the server:
        getLink.emit(linkedResolved);
        await flushPromises();
        expect(text(element, 'state')).toBe('Resolved');
        expect(text(element, 'latest-update')).toBe('Fixed: the new concentrator is live.');
        const live = $(element, 'announcement');
        expect(live.getAttribute('aria-live')).toBe('polite');
        expect(live.textContent).toBe('Incident INC0012345 was updated in ServiceNow.');
        await expect(element).toBeAccessible();
    });

    it('says "live updates off" when the subscription is refused (no access to the signal event)', async () => {
        subscribe.mockImplementationOnce(() => Promise.reject(new Error('403::Unknown channel /event/Seam_Case_Signal__e')));
        jest.spyOn(console, 'warn').mockImplementation(() => {});
        const element = createPanel();
        getLink.emit(linkedOnTrack);
        await flushPromises();

        expect(text(element, 'live-off')).toContain('Live updates off');
        expect(text(element, 'live-off')).toContain('Seam Agent permission set');
        expect($(element, 'live-off').getAttribute('role')).toBe('status');
        // The rest of the panel still works.
        expect(text(element, 'incident-number')).toBe('INC0012345');
        await expect(element).toBeAccessible();
    });

    it('says "live updates off" when the streaming connection fails later', async () => {
        jest.spyOn(console, 'warn').mockImplementation(() => {});
        const element = createPanel();
        getLink.emit(linkedOnTrack);
        await flushPromises();
        expect($(element, 'live-off')).toBeNull();

        const errorHandler = onError.mock.calls[0][0];
        errorHandler({ error: '403::Handshake denied' });
        await flushPromises();

        expect(text(element, 'live-off')).toContain('Live updates off');
        await expect(element).toBeAccessible();
    });

    it('escalates to IT on click, refreshes and confirms', async () => {
        escalate.mockResolvedValue(linkedAtRisk);
        const element = createPanel();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        getLink.emit(notLinked);
        await flushPromises();

        $(element, 'escalate').click();
        await flushPromises();

        expect(escalate).toHaveBeenCalledWith({ caseId: CASE_ID });
        expect(refreshApex).toHaveBeenCalledTimes(1);
        expect(toast).toHaveBeenCalledTimes(1);
        expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Escalated to IT', variant: 'success' });
        expect(text(element, 'announcement')).toContain('Escalated to IT');
        expect($(element, 'escalate').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('escalates to engineering on click, then shows the problem, its state, known error and workaround', async () => {
        escalateToEngineering.mockResolvedValue(linkedWithProblem);
        const element = createPanel();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        getLink.emit(linkedOnTrack);
        await flushPromises();

        expect($(element, 'problem')).toBeNull();
        expect($(element, 'escalate-engineering').label).toBe('Escalate to engineering');
        $(element, 'escalate-engineering').click();
        await flushPromises();
        expect(escalateToEngineering).toHaveBeenCalledWith({ caseId: CASE_ID });
        expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Escalated to engineering', variant: 'success' });

        getLink.emit(linkedWithProblem);
        await flushPromises();
        expect(text(element, 'problem-number')).toContain('PRB0010001');
        expect(text(element, 'known-error')).toBe('Known error');
        expect(text(element, 'problem-state')).toBe('Fix in Progress');
        expect(text(element, 'workaround')).toBe('Export as CSV until the fix ships.');
        expect($(element, 'fix-notes')).toBeNull();
        expect(text(element, 'escalation-status')).toContain('Problem created');
        // One problem per case: nothing more to escalate.
        expect($(element, 'escalate-engineering').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('resyncs on click and reports a failure with the server message', async () => {
        resync.mockRejectedValue({ body: { message: 'You need edit access to this case to resync it.' } });
        const element = createPanel();
        const toast = jest.fn();
        element.addEventListener('lightning__showtoast', toast);
        getLink.emit(linkedBreached);
        await flushPromises();

        $(element, 'resync').click();
        await flushPromises();

        expect(resync).toHaveBeenCalledWith({ caseId: CASE_ID });
        expect(toast.mock.calls[0][0].detail).toMatchObject({
            title: 'Resync failed',
            message: 'You need edit access to this case to resync it.',
            variant: 'error'
        });
        expect(text(element, 'announcement')).toBe('Resync failed: You need edit access to this case to resync it.');
        expect($(element, 'resync').disabled).toBe(false);
        await expect(element).toBeAccessible();
    });
});
