import { createElement } from 'lwc';
import SeamConnectionCheck from 'c/seamConnectionCheck';
import runChecks from '@salesforce/apex/SeamConnectionCheckController.runChecks';

const checks = require('./data/checks.json');

jest.mock('@salesforce/apex/SeamConnectionCheckController.runChecks', () => ({ default: jest.fn() }), { virtual: true });

const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));
const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (node) => (node ? node.textContent.replace(/\s+/g, ' ').trim() : null);
const check = (element, name) => element.shadowRoot.querySelector(`[data-check="${name}"]`);
const field = (element, name, f) => text(check(element, name)?.querySelector(`[data-field="${f}"]`));

function createComponent() {
    const element = createElement('c-seam-connection-check', { is: SeamConnectionCheck });
    document.body.appendChild(element);
    return element;
}

async function run(element) {
    $(element, 'run').click();
    await flushPromises();
}

describe('c-seam-connection-check', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.clearAllMocks();
    });

    it('runs nothing until the admin asks (the check calls ServiceNow)', async () => {
        const element = createComponent();
        await flushPromises();
        expect(runChecks).not.toHaveBeenCalled();
        expect(text($(element, 'intro'))).toContain('PlatformEventSubscriberConfig');
        await expect(element).toBeAccessible();
    });

    it('shows every check, which failed, and the fix of each failed one only', async () => {
        runChecks.mockResolvedValue(checks);
        const element = createComponent();
        await run(element);

        expect(runChecks).toHaveBeenCalledTimes(1);
        expect(text($(element, 'summary'))).toBe('2 of 6 checks failed.');
        expect(element.shadowRoot.querySelectorAll('[data-check]')).toHaveLength(6);
        expect(field(element, 'servicenow', 'status')).toBe('Failed');
        expect(field(element, 'servicenow', 'detail')).toBe('ServiceNow refused the credentials (401)');
        expect(field(element, 'servicenow', 'fix')).toContain('client id and secret');
        expect(field(element, 'subscriber', 'fix')).toContain('configure-subscriber.sh');
        expect(field(element, 'api_budget', 'status')).toBe('Passed');
        expect(field(element, 'api_budget', 'fix')).toBeNull();
        expect(field(element, 'permissions', 'detail')).toContain('Seam_Integration');
        expect(text($(element, 'announcement'))).toBe('2 of 6 checks failed.');
        await expect(element).toBeAccessible();
    });

    it('says so when every check passed', async () => {
        runChecks.mockResolvedValue(checks.map((c) => ({ ...c, ok: true, fix: null })));
        const element = createComponent();
        await run(element);
        expect(text($(element, 'summary'))).toBe('All 6 checks passed.');
        expect(element.shadowRoot.querySelector('[data-field="fix"]')).toBeNull();
    });

    it('shows the refusal of a user without the custom permission, with its fix', async () => {
        runChecks.mockRejectedValue({ body: { message: 'Test connection needs the custom permission Seam_Test_Connection: ask your Salesforce admin to assign you the permission set Seam_Admin.' } });
        const element = createComponent();
        await run(element);
        expect(text($(element, 'error'))).toContain('Seam_Admin');
        expect($(element, 'checks')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('can run again after a failure', async () => {
        runChecks.mockRejectedValueOnce(new Error('network')).mockResolvedValueOnce(checks);
        const element = createComponent();
        await run(element);
        expect(text($(element, 'error'))).toContain('network');
        await run(element);
        expect($(element, 'error')).toBeNull();
        expect(element.shadowRoot.querySelectorAll('[data-check]')).toHaveLength(6);
    });
});
