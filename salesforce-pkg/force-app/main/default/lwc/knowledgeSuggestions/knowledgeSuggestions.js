import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import LightningConfirm from 'lightning/confirm';
import getSuggestions from '@salesforce/apex/SeamKnowledgeController.getSuggestions';
import { KNOWLEDGE_ANSWER_RESULT_SCHEMA, knowledgeAnswerNote, responseSchema, suggestionNote, validate } from 'c/seamCore';

const RESPONSE_SCHEMA = responseSchema(KNOWLEDGE_ANSWER_RESULT_SCHEMA);
const PLATFORM_LABELS = { servicenow: 'ServiceNow', salesforce: 'Salesforce' };
const KIND_LABELS = { ARTICLE: 'Article', CASE_SUMMARY: 'Resolved case' };

/** The first readable message of an Apex error. */
function errorMessage(error) {
    if (!error) return 'Unknown error';
    if (error.body && typeof error.body.message === 'string') return error.body.message;
    return error.message || 'Unknown error';
}

/** Plain text → the composer's HTML body (escaped, line breaks kept). */
function toHtml(text) {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    return escaped.split('\n').join('<br>');
}

/**
 * Suggested knowledge for this case from both knowledge bases (ServiceNow KB, Salesforce Knowledge)
 * and resolved work, with a cited AI answer. The answer is checked against the shared schema before
 * anything shows; "Insert into reply" asks the agent to confirm, then opens the email composer with
 * the text (labelled AI-suggested, with its sources) for the agent to edit and send. Nothing is sent
 * or saved by this component.
 */
export default class KnowledgeSuggestions extends NavigationMixin(LightningElement) {
    @api recordId;

    answer;
    error;
    loading = true;
    announcement = '';

    connectedCallback() {
        this.load();
    }

    async load() {
        this.loading = true;
        try {
            const parsed = JSON.parse(await getSuggestions({ caseId: this.recordId }));
            const checked = validate(RESPONSE_SCHEMA, parsed);
            if (!checked.ok) {
                const p = checked.error[0];
                throw new Error(`the answer does not match the knowledge schema (${p.field} ${p.problem})`);
            }
            this.answer = checked.value;
            this.error = undefined;
        } catch (e) {
            this.answer = undefined;
            this.error = errorMessage(e);
        } finally {
            this.loading = false;
        }
    }

    get hasError() {
        return !this.loading && Boolean(this.error);
    }

    get hasAnswer() {
        return Boolean(this.answer) && !this.answer.noConfidentAnswer;
    }

    get noConfidentAnswer() {
        return Boolean(this.answer) && this.answer.noConfidentAnswer;
    }

    get reason() {
        return this.answer && this.answer.reason ? this.answer.reason : 'nothing in either knowledge base is relevant enough';
    }

    get lexicalOnly() {
        return Boolean(this.answer) && !this.answer.retrieval.vectors;
    }

    get sentences() {
        if (!this.hasAnswer) return [];
        return this.answer.sentences.map((s, i) => ({ key: `s${i}`, text: s.text, marks: s.citations.map((c) => `[${c}]`).join('') }));
    }

    get citations() {
        if (!this.hasAnswer) return [];
        return this.answer.citations.map((c) => ({
            key: c.id,
            mark: `[${c.id}]`,
            source: `${PLATFORM_LABELS[c.platform]} ${c.number}`,
            title: c.title,
            url: c.url
        }));
    }

    get suggestions() {
        if (!this.answer) return [];
        return this.answer.suggestions.map((s, i) => ({
            key: s.docId,
            index: i,
            source: `${PLATFORM_LABELS[s.platform]} ${KIND_LABELS[s.kind]} ${s.number}`,
            title: s.title,
            url: s.url,
            snippet: s.snippet,
            insertLabel: `Insert into reply: ${s.title}`
        }));
    }

    get hasSuggestions() {
        return this.suggestions.length > 0;
    }

    handleInsertAnswer() {
        return this.insert(knowledgeAnswerNote(this.answer));
    }

    handleInsertSuggestion(event) {
        const s = this.answer.suggestions[Number(event.currentTarget.dataset.index)];
        return this.insert(suggestionNote(s));
    }

    handleRefresh() {
        return this.load();
    }

    /** The agent confirms, then the email composer opens with the text; the agent edits and sends. */
    async insert(text) {
        if (!text) return;
        const confirmed = await LightningConfirm.open({
            label: 'Insert AI-suggested text into a reply?',
            message: `${text}\n\nThe email composer opens with this text. Review it before sending.`,
            theme: 'warning'
        });
        if (!confirmed) {
            this.announcement = 'Nothing was inserted.';
            return;
        }
        this[NavigationMixin.Navigate]({
            type: 'standard__quickAction',
            attributes: { apiName: 'Global.SendEmail' },
            state: { recordId: this.recordId, defaultFieldValues: encodeDefaultFieldValues({ HtmlBody: toHtml(text) }) }
        });
        this.announcement = 'The email composer opened with the suggestion. Review it before sending.';
    }
}
