import { createElement } from 'lwc';
import KnowledgeSuggestions from 'c/knowledgeSuggestions';
import getSuggestions from '@salesforce/apex/SeamKnowledgeController.getSuggestions';
import LightningConfirm from 'lightning/confirm';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';

const answer = require('./data/answer.json');
const noAnswer = require('./data/noAnswer.json');

const mockNavigate = jest.fn();
jest.mock(
    'lightning/navigation',
    () => {
        const Navigate = Symbol('Navigate');
        const GenerateUrl = Symbol('GenerateUrl');
        const NavigationMixin = (Base) =>
            class extends Base {
                [Navigate](pageReference) {
                    mockNavigate(pageReference);
                }
                [GenerateUrl]() {
                    return Promise.resolve('https://example.com');
                }
            };
        NavigationMixin.Navigate = Navigate;
        NavigationMixin.GenerateUrl = GenerateUrl;
        return { NavigationMixin };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/SeamKnowledgeController.getSuggestions', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }), { virtual: true });

const CASE_ID = '500000000000001AAA';
const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

async function createComponent(result, { reject = false } = {}) {
    if (reject) getSuggestions.mockRejectedValue(result);
    else getSuggestions.mockResolvedValue(JSON.stringify(result));
    const element = createElement('c-knowledge-suggestions', { is: KnowledgeSuggestions });
    element.recordId = CASE_ID;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);
const text = (element, id) => {
    const node = $(element, id);
    return node ? node.textContent.replace(/\s+/g, ' ').trim() : null;
};

describe('c-knowledge-suggestions', () => {
    beforeEach(() => {
        encodeDefaultFieldValues.mockImplementation((values) => `encoded:${JSON.stringify(values)}`);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('asks for this case and shows the cited answer from both knowledge bases', async () => {
        const element = await createComponent(answer);

        expect(getSuggestions).toHaveBeenCalledWith({ caseId: CASE_ID });
        expect(text(element, 'answer')).toContain('Open UDP ports 500 and 4500 on the home router. [c1]');
        expect(text(element, 'answer')).toContain('AI-generated');
        const citations = [...$(element, 'citations').querySelectorAll('li')].map((li) => [
            li.querySelector('[data-id="mark"]').textContent,
            li.querySelector('[data-id="source"]').textContent,
            li.querySelector('a').textContent
        ]);
        expect(citations).toEqual([
            ['[c1]', 'ServiceNow KB0010001', 'VPN error 809 when connecting from home'],
            ['[c2]', 'Salesforce 000001002', 'VPN access for customers on the partner portal']
        ]);
        const links = [...$(element, 'citations').querySelectorAll('a')].map((a) => a.href);
        expect(links[0]).toBe('https://acme.service-now.com/kb_view.do?sysparm_article=KB0010001');
        expect(text(element, 'suggestions')).toContain('ServiceNow Resolved case INC0010042');
        expect($(element, 'lexical')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says there is no confident answer instead of guessing, still lists suggestions, and says search was lexical', async () => {
        const element = await createComponent(noAnswer);

        expect($(element, 'answer')).toBeNull();
        expect(text(element, 'no-answer')).toBe('No confident answer: the best passage covers 25% of the question; an answer needs 50%.');
        expect(text(element, 'suggestions')).toContain('Card declined at checkout');
        expect(text(element, 'lexical')).toContain('Keyword search only');
        await expect(element).toBeAccessible();
    });

    it('inserts into a reply only after the agent confirms: the email composer opens with the labelled, cited text', async () => {
        const element = await createComponent(answer);
        LightningConfirm.open.mockResolvedValue(true);

        $(element, 'insert-answer').click();
        await flushPromises();

        expect(LightningConfirm.open).toHaveBeenCalledTimes(1);
        expect(LightningConfirm.open.mock.calls[0][0].message).toContain('[AI-suggested from knowledge, review before use]');
        expect(mockNavigate).toHaveBeenCalledTimes(1);
        const ref = mockNavigate.mock.calls[0][0];
        expect(ref).toMatchObject({ type: 'standard__quickAction', attributes: { apiName: 'Global.SendEmail' }, state: { recordId: CASE_ID } });
        const html = JSON.parse(ref.state.defaultFieldValues.slice('encoded:'.length)).HtmlBody;
        expect(html).toContain('[AI-suggested from knowledge, review before use]<br>');
        expect(html).toContain('[c1] ServiceNow KB0010001 &quot;VPN error 809 when connecting from home&quot;');
        expect(text(element, 'announcement')).toContain('Review it before sending');
    });

    it('inserts nothing when the agent cancels', async () => {
        const element = await createComponent(noAnswer);
        LightningConfirm.open.mockResolvedValue(false);

        element.shadowRoot.querySelector('[data-index="0"]').click();
        await flushPromises();

        expect(LightningConfirm.open.mock.calls[0][0].message).toContain('Source: Salesforce 000001001 "Card declined at checkout"');
        expect(mockNavigate).not.toHaveBeenCalled();
        expect(text(element, 'announcement')).toBe('Nothing was inserted.');
    });

    it('shows the error when the suggestions cannot be loaded', async () => {
        const element = await createComponent({ body: { message: 'Knowledge suggestions failed (HTTP 503): Seam knowledge is switched off' } }, { reject: true });

        expect(text(element, 'error')).toBe('Knowledge suggestions could not be loaded: Knowledge suggestions failed (HTTP 503): Seam knowledge is switched off');
        // Refresh asks again and shows the answer once the proxy is back.
        getSuggestions.mockResolvedValue(JSON.stringify(answer));
        $(element, 'refresh').click();
        await flushPromises();
        expect($(element, 'error')).toBeNull();
        expect($(element, 'answer')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refuses an answer that breaks the shared schema (a citation without its source)', async () => {
        const broken = { ...answer, citations: [{ id: 'c1' }] };
        const element = await createComponent(broken);

        expect($(element, 'answer')).toBeNull();
        expect(text(element, 'error')).toContain('does not match the knowledge schema');
    });
});
