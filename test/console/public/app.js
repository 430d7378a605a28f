// The console page: renders /api/state and sends the forms' actions. No framework; the only
// component is the package's LWC, mounted from /lwc/panel.js (window.SeamLwc).

const state = { caseId: new URLSearchParams(location.hash.slice(1)).get('case'), data: null, panel: null };
const $ = (id) => document.getElementById(id);

/** h('tag.class', {attrs}, ...children) */
function h(tag, attrs, ...children) {
    const [name, ...classes] = tag.split('.');
    const el = document.createElement(name);
    if (classes.length) el.className = classes.join(' ');
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
        else if (k === 'text') el.textContent = v;
        else el.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
    return el;
}

const fmtDate = (v) => {
    if (!v) return '';
    const d = new Date(/^\d{4}-\d\d-\d\d \d/.test(v) ? v.replace(' ', 'T') + 'Z' : v);
    return Number.isNaN(d.getTime()) ? String(v) : d.toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
};

// ---- toasts --------------------------------------------------------------------------------
function toast({ title, message, variant = 'info' }) {
    const icon = { success: 'success', error: 'error', warning: 'warning' }[variant] || 'info';
    const node = h(`div.slds-notify.slds-notify_toast.slds-theme_${icon === 'info' ? 'info' : icon}`, { role: 'status' },
        h('span.slds-assistive-text', { text: variant }),
        h('div.slds-notify__content', {}, h('h2.slds-text-heading_small', { text: title }), message ? h('p', { text: message }) : null));
    $('toasts').append(node);
    setTimeout(() => node.remove(), variant === 'error' ? 8000 : 4000);
}
// The panel's ShowToastEvent bubbles out of the component, as Lightning Experience catches it.
document.addEventListener('lightning__showtoast', (e) => toast(e.detail || {}));

// ---- API -----------------------------------------------------------------------------------
async function api(method, path, body) {
    const res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = await res.json().catch(() => null);
    if (!res.ok) throw new Error((answer && answer.error && answer.error.message) || `HTTP ${res.status}`);
    return answer;
}

async function act(label, fn) {
    try {
        const result = await fn();
        toast({ title: label, variant: 'success' });
        await refresh();
        return result;
    } catch (e) {
        toast({ title: `${label} failed`, message: e.message, variant: 'error' });
        return undefined;
    }
}

// ---- rendering -----------------------------------------------------------------------------
function table(columns, rows, empty) {
    if (!rows || !rows.length) return h('p.slds-text-color_weak', { text: empty });
    return h('div.seam-table-wrap', {},
        h('table.slds-table.slds-table_cell-buffer.slds-table_bordered.slds-table_striped', {},
            h('thead', {}, h('tr.slds-line-height_reset', {}, columns.map((c) => h('th', { scope: 'col' }, h('div.slds-truncate', { text: c.label }))))),
            h('tbody', {}, rows.map((r) => h('tr', {}, columns.map((c) => { const v = c.value(r); return h(c.long ? 'td.seam-long' : 'td', {}, v instanceof Node ? v : h('div', { text: v ?? '' })); }))))));
}

function fields(pairs) {
    return h('dl.slds-list_horizontal.slds-wrap', {}, pairs.flatMap(([label, value, testid]) => [
        h('dt.slds-item_label.slds-text-color_weak.slds-truncate', { text: label }),
        h('dd.slds-item_detail.seam-prewrap', { 'data-testid': testid, text: value === null || value === undefined || value === '' ? '—' : String(value) }),
    ]));
}

function badge(text, theme) {
    return h(`span.slds-badge${theme ? `.slds-theme_${theme}` : ''}`, { text });
}

function renderCases(cases) {
    $('contact-names').replaceChildren(...[...new Set((cases || []).map((c) => c.Contact && c.Contact.Name).filter(Boolean))].map((n) => h('option', { value: n })));
    $('case-list').replaceChildren(!cases || !cases.length ? h('p.slds-text-color_weak', { text: 'No cases yet. Create one below.' }) :
        h('div.seam-table-wrap', {}, h('table.slds-table.slds-table_cell-buffer.slds-table_bordered', { role: 'grid' },
            h('thead', {}, h('tr', {}, ['Case', 'Subject', 'Priority', 'Status', 'Incident', 'Sync'].map((t) => h('th', { scope: 'col', text: t })))),
            h('tbody', {}, cases.map((c) => h('tr.seam-case-row', {
                'aria-selected': String(c.Id === state.caseId), 'data-case-id': c.Id, tabindex: '0',
                onclick: () => selectCase(c.Id), onkeydown: (e) => { if (e.key === 'Enter') selectCase(c.Id); },
            }, h('th', { scope: 'row', text: c.CaseNumber }), h('td', { text: c.Subject || '' }), h('td', { text: c.Priority || '' }),
                h('td', { text: c.Status || '' }), h('td', { 'data-testid': 'case-incident', text: c.Seam_Incident_Number__c || '' }),
                h('td', { text: c.Seam_Sync_Status__c || '' })))))));
}

function renderCase(view) {
    const has = Boolean(view && view.record);
    $('comment-form').hidden = !has;
    if (!has) {
        $('case-title').textContent = state.caseId ? 'Case not found' : 'No case selected';
        $('case-fields').replaceChildren();
        $('case-comments').replaceChildren();
        return;
    }
    const c = view.record;
    $('case-title').textContent = `Case ${c.CaseNumber}: ${c.Subject || ''}`;
    $('case-fields').replaceChildren(fields([
        ['Status', c.Status], ['Priority', c.Priority], ['Contact', c.Contact && c.Contact.Name], ['Description', c.Description],
        ['Incident', c.Seam_Incident_Number__c, 'case-incident-number'], ['Incident state', c.Seam_Incident_State__c], ['Assignee', c.Seam_Assignee__c],
        ['Sync status', c.Seam_Sync_Status__c], ['Triage route', c.Seam_Triage_Route__c], ['Last sync', fmtDate(c.Seam_Last_Sync__c)],
        ['Last error', c.Seam_Last_Error__c], ['Resolution notes', c.Seam_Resolution_Notes__c], ['AI summary', c.Seam_AI_Summary__c],
        // Tier-3 escalation: the ServiceNow problem the case is linked to, and where it stands.
        ['Problem', c.Seam_Problem_Number__c, 'case-problem-number'], ['Problem state', c.Seam_Problem_State__c, 'case-problem-state'],
        ['Known error', c.Seam_Problem_Number__c ? (c.Seam_Known_Error__c ? 'Yes' : 'No') : ''], ['Workaround', c.Seam_Workaround__c],
        ['Fix notes', c.Seam_Fix_Notes__c], ['Engineering escalation', c.Seam_Escalation_Status__c, 'case-escalation-status'],
    ]));
    $('case-comments').replaceChildren(...(view.comments.length ? view.comments.map((cm) => h('li.slds-item', {},
        h('p.slds-text-body_small.slds-text-color_weak', { text: `${fmtDate(cm.CreatedDate)}${cm.IsPublished ? ' · public' : ' · internal'}` }),
        h('p.seam-prewrap', { text: cm.CommentBody }))) : [h('li.slds-text-color_weak', { text: 'No comments yet.' })]));
}

function mountPanel() {
    if (!state.caseId || !window.SeamLwc) return;
    $('panel-placeholder')?.remove();
    if (!state.panel) state.panel = window.SeamLwc.mountPanel($('panel-host'), state.caseId);
    else if (state.panel.recordId !== state.caseId) state.panel.recordId = state.caseId;
}

function fillSelect(select, options, keepFirst = true) {
    const current = select.value;
    const first = keepFirst ? [select.options[0]] : [];
    select.replaceChildren(...first, ...options.map(([value, label]) => h('option', { value, text: label })));
    select.value = [...select.options].some((o) => o.value === current) ? current : first.length ? first[0].value : '';
}

function renderIncident(view, users) {
    const inc = view && view.incident;
    $('incident-form').hidden = !inc;
    $('customer-context-box').hidden = !inc;
    $('journal-form').hidden = !inc;
    fillSelect($('incident-assignee'), (users || []).map((u) => [u.sys_id, u.name || u.user_name]));
    if (!inc) {
        const link = view && view.link;
        $('incident-title').textContent = 'Incident';
        $('incident-fields').replaceChildren(h('p.slds-text-color_weak', { text: link ? `Linked, state "${link.sync_state}": no incident yet.` : state.caseId ? 'This case has no incident in ServiceNow (yet).' : 'Select a case that is linked to an incident.' }));
        $('journal').replaceChildren();
        return;
    }
    $('incident-title').textContent = `Incident ${inc.number}: ${inc.short_description || ''}`;
    $('incident-fields').replaceChildren(fields([
        ['Number', inc.number, 'incident-number'], ['State', inc.state, 'incident-state-value'], ['Priority', inc.priority], ['Assigned to', inc.assigned_to],
        ['Assignment group', inc.assignment_group], ['Category', inc.category], ['Correlation id', inc.x_seam_bridge_correlation_id, 'incident-correlation-id'],
        ['Link state', view.link && view.link.sync_state], ['Description', inc.description],
    ]));
    $('journal').replaceChildren(...(view.journal.length ? view.journal.map((j) => h(`li.slds-item.seam-journal_${j.element}`, {},
        h('p.slds-text-body_small.slds-text-color_weak', {}, `${fmtDate(j.sys_created_on)} · ${j.sys_created_by} · `, j.element === 'work_notes' ? badge('Work note', 'warning') : badge('Comment')),
        h('p.seam-prewrap', { text: j.value }))) : [h('li.slds-text-color_weak', { text: 'No comments or work notes yet.' })]));
}

function renderReviews(reviews, groups) {
    const groupOptions = (groups || []).map((g) => [g.sys_id, g.name]);
    $('reviews').replaceChildren(table([
        { label: 'Case', value: (r) => r.sf_case_number },
        { label: 'Status', value: (r) => r.status },
        { label: 'Proposed', value: (r) => `${r.proposed_action || ''}${r.suggested_group ? ` → ${r.suggested_group}` : ''}` },
        { label: 'Confidence', value: (r) => (r.confidence === '' || r.confidence == null ? '' : Number(r.confidence).toFixed(2)) },
        { label: 'Why a person decides', value: (r) => r.reason || r.rationale, long: true },
        { label: 'Decide', value: (r) => {
            if (r.raw.status !== 'pending') return h('span', { text: r.incident ? `Incident ${r.incident}` : '' });
            const select = h('select.slds-select', { 'aria-label': 'Reroute to group' }, h('option', { value: '', text: 'Reroute to…' }), groupOptions.map(([v, l]) => h('option', { value: v, text: l })));
            return h('div', {},
                h('div.seam-actions', { role: 'group', 'aria-label': `Decide the review for case ${r.sf_case_number}` },
                    h('button.slds-button.slds-button_brand', { type: 'button', text: 'Approve', onclick: () => act(`Approved review for ${r.sf_case_number}`, () => api('POST', `/api/reviews/${r.sys_id}/approve`)) }),
                    h('button.slds-button.slds-button_neutral', { type: 'button', text: 'Reroute', onclick: () => act(`Rerouted review for ${r.sf_case_number}`, () => api('POST', `/api/reviews/${r.sys_id}/reroute`, { group: select.value })) }),
                    h('button.slds-button.slds-button_destructive', { type: 'button', text: 'Reject', onclick: () => act(`Rejected review for ${r.sf_case_number}`, () => api('POST', `/api/reviews/${r.sys_id}/reject`)) })),
                h('div.slds-select_container.slds-m-top_xx-small', {}, select));
        } },
    ], reviews, 'Nothing waiting for review.'));
}

function renderApprovals(approvals, reviews) {
    const caseOf = new Map((reviews || []).map((r) => [r.sys_id, r.sf_case_number]));
    $('approvals').replaceChildren(table([
        { label: 'Approver', value: (a) => a.approver },
        { label: 'State', value: (a) => a.state },
        { label: 'For', value: (a) => (caseOf.has(a.raw.document_id) ? `Transfer of case ${caseOf.get(a.raw.document_id)}` : a.document_id), long: true },
        { label: 'Requested', value: (a) => fmtDate(a.sys_created_on) },
        { label: 'Decide', value: (a) => a.raw.state !== 'requested' ? '' : h('div.seam-actions', { role: 'group', 'aria-label': 'Decide the approval' },
            h('button.slds-button.slds-button_brand', { type: 'button', text: 'Approve', onclick: () => act('Approved', () => api('POST', `/api/approvals/${a.sys_id}/approve`)) }),
            h('button.slds-button.slds-button_destructive', { type: 'button', text: 'Reject', onclick: () => act('Rejected', () => api('POST', `/api/approvals/${a.sys_id}/reject`)) })) },
    ], approvals, 'No approvals requested.'));
}

function renderDeadLetters(sf, sn) {
    $('sf-dead').replaceChildren(table([
        { label: 'Created', value: (r) => fmtDate(r.CreatedDate) }, { label: 'Case', value: (r) => r.Case__c }, { label: 'Kind', value: (r) => r.Kind__c },
        { label: 'Attempts', value: (r) => r.Attempts__c }, { label: 'Last error', value: (r) => r.Last_Error__c, long: true },
        { label: '', value: (r) => h('button.slds-button.slds-button_neutral', { type: 'button', text: 'Replay', onclick: () => act('Replayed Salesforce message', () => api('POST', `/api/dead-letters/salesforce/${r.Id}/replay`)) }) },
    ], sf, 'No dead letters.'));
    $('sn-dead').replaceChildren(table([
        { label: 'Created', value: (r) => fmtDate(r.sys_created_on) }, { label: 'Kind', value: (r) => r.kind }, { label: 'Status', value: (r) => r.status },
        { label: 'Attempts', value: (r) => r.attempts }, { label: 'Last error', value: (r) => r.last_error, long: true },
        { label: '', value: (r) => h('button.slds-button.slds-button_neutral', { type: 'button', text: r.raw.status === 'held' ? 'Release' : 'Replay', onclick: () => act('Replayed ServiceNow message', () => api('POST', `/api/dead-letters/servicenow/${r.sys_id}/replay`)) }) },
    ], sn, 'No dead letters.'));
}

function renderAudit(sf, sn) {
    $('sf-audit').replaceChildren(table([
        { label: 'When', value: (r) => fmtDate(r.CreatedDate) }, { label: 'Direction', value: (r) => r.Direction__c }, { label: 'Result', value: (r) => r.Result__c },
        { label: 'Fields', value: (r) => r.Fields__c, long: true }, { label: 'Detail', value: (r) => r.Detail__c, long: true },
    ], sf, 'No audit rows yet.'));
    $('sn-audit').replaceChildren(table([
        { label: 'When', value: (r) => fmtDate(r.sys_created_on) }, { label: 'Direction', value: (r) => r.direction }, { label: 'Operation', value: (r) => r.operation },
        { label: 'Result', value: (r) => r.result }, { label: 'Fields', value: (r) => r.fields, long: true }, { label: 'Detail', value: (r) => r.detail, long: true },
    ], sn, 'No audit rows yet.'));
}

// Seam's own alerts from ServiceNow's Seam Status (triage drift, credential pause): one line each.
function renderAlerts(alerts) {
    const box = document.getElementById('seam-alerts');
    if (!box) return;
    box.replaceChildren(...(alerts || []).map((a) => h('div.slds-notify.slds-notify_alert.slds-alert_warning', { role: 'alert', 'data-testid': 'seam-alert' },
        h('h2', { text: `Seam alert (${a.name}, ${a.status}): ${a.detail}` }))));
}

function render(data) {
    renderCases(data.cases);
    renderCase(data.case);
    mountPanel();
    renderIncident(data.incident, data.users);
    renderReviews(data.reviews, data.groups);
    renderApprovals(data.approvals, data.reviews);
    renderDeadLetters(data.salesforceDeadLetters, data.servicenowDeadLetters);
    renderAudit(data.salesforceAudit, data.servicenowAudit);
    renderAlerts(data.alerts);
    const errors = Object.entries(data.errors || {});
    $('errors').replaceChildren(...errors.map(([part, message]) => h('div.slds-notify.slds-notify_alert.slds-alert_error', { role: 'alert' }, h('h2', { text: `${part}: ${message}` }))));
}

// ---- refresh ---------------------------------------------------------------------------------
let inFlight = null;
let again = false;
async function refresh() {
    if (inFlight) { again = true; return inFlight; }
    inFlight = (async () => {
        do {
            again = false;
            try {
                state.data = await api('GET', `/api/state${state.caseId ? `?caseId=${encodeURIComponent(state.caseId)}` : ''}`);
                render(state.data);
            } catch (e) {
                $('errors').replaceChildren(h('div.slds-notify.slds-notify_alert.slds-alert_error', { role: 'alert' }, h('h2', { text: `Console: ${e.message}` })));
            }
        } while (again);
    })();
    try { await inFlight; } finally { inFlight = null; }
}

let timer = null;
const refreshSoon = () => { clearTimeout(timer); timer = setTimeout(refresh, 150); };

function selectCase(id) {
    state.caseId = id;
    history.replaceState(null, '', `#case=${id}`);
    refresh();
}

// ---- forms -----------------------------------------------------------------------------------
$('case-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    const body = Object.fromEntries(new FormData(form));
    const created = await act('Case created', () => api('POST', '/api/cases', body));
    if (created) { form.reset(); selectCase(created.id); }
});

$('comment-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    if (await act('Comment added', () => api('POST', `/api/cases/${state.caseId}/comments`, { body: form.body.value }))) form.reset();
});

$('incident-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    const inc = state.data && state.data.incident && state.data.incident.incident;
    if (!inc) return;
    const body = Object.fromEntries(new FormData(form));
    if (await act(`Incident ${inc.number} saved`, () => api('PATCH', `/api/incidents/${inc.sys_id}`, body))) form.reset();
});

$('journal-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    const form = e.currentTarget;
    const field = e.submitter && e.submitter.value === 'work_notes' ? 'work_notes' : 'comments';
    const inc = state.data && state.data.incident && state.data.incident.incident;
    if (!inc) return;
    const label = field === 'work_notes' ? 'Work note posted' : 'Comment posted';
    if (await act(label, () => api('PATCH', `/api/incidents/${inc.sys_id}`, { [field]: form.text.value }))) form.reset();
});

const PLATFORM = { servicenow: 'ServiceNow', salesforce: 'Salesforce' };

/** The cited answer: sentences with their marks, the sources as links, or why there is none. */
function renderKnowledge(a) {
    const out = $('knowledge-answer');
    out.replaceChildren();
    if (a.noConfidentAnswer) out.append(h('p', { 'data-testid': 'knowledge-none', text: `No confident answer: ${a.reason || 'nothing relevant enough'}.` }));
    else {
        out.append(h('p.slds-text-title_caps', { text: 'AI-generated answer, from the sources below' }));
        out.append(h('p', { 'data-testid': 'knowledge-text' }, ...a.sentences.map((s) => `${s.text} ${s.citations.map((c) => `[${c}]`).join('')} `)));
        out.append(h('ul', { 'data-testid': 'knowledge-citations' }, ...a.citations.map((c) => h('li', {}, `[${c.id}] ${PLATFORM[c.platform]} ${c.number}: `, h('a', { href: c.url, target: '_blank', rel: 'noopener', text: c.title })))));
    }
    if (a.suggestions.length) {
        out.append(h('p.slds-text-title_caps.slds-m-top_small', { text: 'Suggested articles' }));
        out.append(h('ul', {}, ...a.suggestions.map((s) => h('li', {}, `${PLATFORM[s.platform]} ${s.number} (relevance ${s.relevance}): `, h('a', { href: s.url, target: '_blank', rel: 'noopener', text: s.title })))));
    }
    if (!a.retrieval.vectors) out.append(h('p.slds-text-color_weak.slds-text-body_small', { text: 'Keyword search only: no embedding model is configured.' }));
}

$('knowledge-form').addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
        renderKnowledge(await api('POST', '/api/knowledge/answer', { question: $('knowledge-question').value }));
    } catch (err) {
        toast({ title: 'Knowledge question failed', message: err.message, variant: 'error' });
    }
});

$('run-jobs').addEventListener('click', () => act('Scheduled jobs ran', () => api('POST', '/api/twin/run-jobs')));

// LDS tells record views to reload when the panel saw an update.
window.addEventListener('seam:record-update-available', refreshSoon);

// ---- live feed -------------------------------------------------------------------------------
const events = new EventSource('/api/events');
events.onopen = () => { document.body.classList.add('seam-live'); $('live-text').textContent = 'Live'; };
events.onerror = () => { document.body.classList.remove('seam-live'); $('live-text').textContent = 'Reconnecting…'; };
events.addEventListener('changed', refreshSoon);

refresh();

// The app's incident button: Salesforce's side of the customer, read-only, as ServiceNow shows it.
$('customer-context-button').addEventListener('click', async () => {
    const inc = state.data && state.data.incident && state.data.incident.incident;
    const out = $('customer-context');
    if (!inc) return;
    out.textContent = 'Asking Salesforce…';
    try {
        const r = await api('POST', `/api/incidents/${inc.sys_id}/customer-context`);
        const m = (r && r.messages) || [];
        out.className = m.some((x) => x.level === 'error') ? 'slds-m-top_x-small slds-text-color_error' : 'slds-m-top_x-small';
        out.textContent = m.length ? m.map((x) => x.message).join('\n') : 'The button is not shown for this incident (no linked case).';
    } catch (e) {
        out.className = 'slds-m-top_x-small slds-text-color_error';
        out.textContent = `Customer context failed: ${e.message}`;
    }
});
