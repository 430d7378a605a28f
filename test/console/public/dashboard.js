// The governance dashboard: /api/dashboard (routing metrics per time bucket) drawn as inline SVG
// charts. No framework and no chart library (nothing from a CDN).
'use strict';

const COLORS = ['#0176d3', '#ba0517', '#2e844a', '#dd7a01', '#7f56d9'];
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs, ...children) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    for (const c of children) if (c) el.append(c);
    return el;
}
function html(tag, attrs, text) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    if (text !== undefined) el.textContent = text;
    return el;
}
const time = (iso) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const fmt = (v) => (v === null || v === undefined ? '–' : Math.abs(v) >= 100 ? String(Math.round(v)) : String(Math.round(v * 100) / 100));

/**
 * One chart: `series` = [{ name, values: (number|null)[] }]; bars for counts, lines otherwise.
 * Each drawn value is a mark with data-value, so a test can count what is on screen.
 */
function chart({ id, title, labels, series, kind = 'line', yMax }) {
    const W = 460, H = 200, L = 40, R = 10, T = 10, B = 30;
    const values = series.flatMap((s) => s.values).filter((v) => v !== null && v !== undefined);
    const top = yMax ?? Math.max(1, ...values) * 1.1;
    const x = (i) => L + (labels.length <= 1 ? (W - L - R) / 2 : (i * (W - L - R)) / (labels.length - 1));
    const y = (v) => T + (H - T - B) * (1 - v / top);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': title, 'data-testid': `chart-${id}`, 'data-marks': 0 });
    root.append(svg('line', { x1: L, y1: H - B, x2: W - R, y2: H - B, stroke: '#747474' }), svg('line', { x1: L, y1: T, x2: L, y2: H - B, stroke: '#747474' }));
    for (const f of [0, 0.5, 1]) {
        const v = top * f;
        root.append(svg('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#444' }, document.createTextNode(fmt(v))));
    }
    const step = Math.max(1, Math.ceil(labels.length / 6));
    labels.forEach((l, i) => { if (i % step === 0) root.append(svg('text', { x: x(i), y: H - B + 14, 'text-anchor': 'middle', 'font-size': 10, fill: '#444' }, document.createTextNode(time(l)))); });
    let marks = 0;
    series.forEach((s, si) => {
        const color = COLORS[si % COLORS.length];
        if (kind === 'bar') {
            const bw = Math.max(2, ((W - L - R) / Math.max(1, labels.length)) * 0.7 / series.length);
            s.values.forEach((v, i) => {
                if (v === null || v === undefined) return;
                marks += 1;
                root.append(svg('rect', { x: x(i) - (bw * series.length) / 2 + si * bw, y: y(v), width: bw, height: Math.max(0, H - B - y(v)), fill: color, 'data-value': v }));
            });
        } else {
            const pts = s.values.map((v, i) => (v === null || v === undefined ? null : [x(i), y(v), v])).filter(Boolean);
            if (pts.length > 1) root.append(svg('polyline', { points: pts.map((p) => `${p[0]},${p[1]}`).join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
            for (const p of pts) { marks += 1; root.append(svg('circle', { cx: p[0], cy: p[1], r: 3, fill: color, 'data-value': p[2] })); }
        }
    });
    root.setAttribute('data-marks', marks);
    const box = html('article', { class: 'seam-chart' });
    box.append(html('h3', {}, title), root);
    const legend = html('div', { class: 'seam-legend' });
    series.forEach((s, si) => { const item = html('span', {}); const sw = html('i', { style: `background:${COLORS[si % COLORS.length]}` }); item.append(sw, document.createTextNode(s.name)); legend.append(item); });
    box.append(legend);
    return box;
}

function render(d) {
    const labels = d.points.map((p) => p.at);
    const col = (k) => d.points.map((p) => p[k]);
    const routes = [...new Set(d.points.flatMap((p) => Object.keys(p.meanConfidence)))].sort();
    const charts = [
        chart({ id: 'routed', title: `Cases routed to an incident (per ${Math.round(d.bucketMs / 1000)} s)`, labels, kind: 'bar', series: [{ name: 'routed by Seam', values: col('casesRouted') }, { name: 'triaged', values: col('triaged') }] }),
        chart({ id: 'time-to-route', title: 'Time to route, seconds (case reached ServiceNow → incident linked)', labels, series: [{ name: 'mean', values: col('timeToRouteMeanSeconds') }, { name: 'p90', values: col('timeToRouteP90Seconds') }] }),
        chart({ id: 'rates', title: 'Manual transfer rate and linkage accuracy', labels, yMax: 1, series: [{ name: 'manual transfer rate', values: col('manualTransferRate') }, { name: 'linkage accuracy', values: col('linkageAccuracy') }] }),
        chart({ id: 'queues', title: 'Waiting for people: review queue and dead letters', labels, series: [{ name: 'review queue', values: col('reviewQueue') }, { name: 'dead letters', values: col('deadLetters') }] }),
        chart({ id: 'confidence', title: 'Mean triage confidence per route class', labels, yMax: 1, series: routes.map((r) => ({ name: r, values: d.points.map((p) => (r in p.meanConfidence ? p.meanConfidence[r] : null)) })) }),
        chart({ id: 'api', title: 'Salesforce API calls per delivered change', labels, series: [{ name: 'calls per change', values: col('apiCallsPerChange') }] }),
    ];
    document.getElementById('charts').replaceChildren(...charts);
    const c = d.current;
    document.getElementById('summary').textContent =
        `Now: ${c.casesRouted} cases routed; time to route mean ${fmt(c.timeToRouteMeanSeconds)} s, p90 ${fmt(c.timeToRouteP90Seconds)} s; ` +
        `manual transfer rate ${fmt(c.manualTransferRate)}; linkage accuracy ${fmt(c.linkageAccuracy)}; review queue ${c.reviewQueueSize}; ` +
        `dead letters ${c.deadLetterBacklog}; API calls per change ${fmt(c.apiCallsPerChange)}.${d.truncated ? ' (Row limit reached: older rows are not shown.)' : ''}`;
    const drift = document.getElementById('drift');
    drift.replaceChildren();
    if (d.drift) {
        const alerting = d.drift.status === 'alerting';
        const box = html('div', { class: `slds-notify slds-notify_alert ${alerting ? 'slds-alert_warning' : 'slds-theme_success'}`, role: 'status' });
        box.append(html('h2', {}, `Triage drift: ${d.drift.status}. ${d.drift.detail || ''}`));
        drift.append(box);
    }
    document.getElementById('queries').replaceChildren(...d.queries.map((q) => { const li = html('li'); li.append(html('code', {}, q)); return li; }));
}

async function loadInsights() {
    const res = await fetch('/api/insights');
    const body = await res.json();
    if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
    document.getElementById('insights').replaceChildren(...body.insights.map((i) => {
        const li = html('li', { class: 'slds-item', 'data-insight': i.id, 'data-phrased-by': i.phrasedBy });
        li.append(html('p', { class: 'slds-text-body_regular' }, i.text));
        // A model's wording is labelled as AI text; its numbers were checked against the template's.
        if (i.phrasedBy === 'llm') li.append(html('p', { class: 'slds-text-body_small', 'data-id': 'ai-label' }, 'Phrased by AI; every number checked against the computed sentence.'));
        else if (i.fallbackReason) li.append(html('p', { class: 'slds-text-body_small', 'data-id': 'phrasing-fallback' }, `Computed sentence shown: ${i.fallbackReason}.`));
        for (const q of i.queries) li.append(html('p', { class: 'slds-text-body_small seam-queries' }, q));
        return li;
    }));
}

async function load() {
    try {
        const params = new URLSearchParams(location.search);
        const res = await fetch(`/api/dashboard${params.get('buckets') ? `?buckets=${encodeURIComponent(params.get('buckets'))}` : ''}`);
        const body = await res.json();
        if (!res.ok) throw new Error(body.error ? body.error.message : `HTTP ${res.status}`);
        render(body);
        await loadInsights();
        document.body.setAttribute('data-loaded', 'true');
    } catch (e) {
        document.getElementById('errors').textContent = `Dashboard: ${e.message}`;
    }
}
load();
