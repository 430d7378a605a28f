/** Prometheus text exposition (format 0.0.4) for the handful of series the proxy keeps. */
import { CONFIDENCE_BUCKETS } from '@seam/shared';

type Labels = Readonly<Record<string, string>>;

function labelKey(labels: Labels): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}="${String(labels[k]).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

class Counter {
  readonly values = new Map<string, number>();
  constructor(readonly name: string, readonly help: string) {}
  inc(labels: Labels = {}, by = 1): void {
    const k = labelKey(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  get(labels: Labels = {}): number {
    return this.values.get(labelKey(labels)) ?? 0;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k} ${v}`);
    return lines.join('\n');
  }
}

const BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Triage confidence buckets: the shared CONFIDENCE_BUCKETS, so the proxy and ServiceNow histograms line up. */
const CONFIDENCE = [...CONFIDENCE_BUCKETS];

class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();
  constructor(readonly name: string, readonly help: string, private readonly buckets: readonly number[] = BUCKETS) {}
  observe(labels: Labels, seconds: number): void {
    const k = labelKey(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    this.buckets.forEach((b, i) => { if (seconds <= b) s!.counts[i]! += 1; });
    s.sum += seconds;
    s.count += 1;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const s of this.series.values()) {
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket${labelKey({ ...s.labels, le: String(b) })} ${s.counts[i]}`));
      lines.push(`${this.name}_bucket${labelKey({ ...s.labels, le: '+Inf' })} ${s.count}`);
      lines.push(`${this.name}_sum${labelKey(s.labels)} ${s.sum}`);
      lines.push(`${this.name}_count${labelKey(s.labels)} ${s.count}`);
    }
    return lines.join('\n');
  }
}

export class ProxyMetrics {
  readonly requests = new Counter('seam_proxy_requests_total', 'Requests by endpoint, HTTP status and engine.');
  readonly duration = new Histogram('seam_proxy_request_duration_seconds', 'Request latency by endpoint.');
  readonly tokens = new Counter('seam_proxy_llm_tokens_total', 'LLM tokens by endpoint and kind (prompt|completion).');
  readonly cost = new Counter('seam_proxy_llm_cost_usd_total', 'Estimated LLM cost in USD by endpoint (configured prices).');
  readonly llmCalls = new Counter('seam_proxy_llm_calls_total', 'LLM HTTP calls by endpoint and outcome.');
  readonly cacheHits = new Counter('seam_proxy_cache_hits_total', 'Replays answered from the idempotency cache.');
  readonly fallbacks = new Counter('seam_proxy_fallbacks_total', 'Answers the embedded engine gave because the LLM could not.');
  readonly rejected = new Counter('seam_proxy_rejected_total', 'Requests refused before any engine ran, by reason.');
  readonly triageConfidence = new Histogram('seam_proxy_triage_confidence', 'Triage confidence per route class and engine (cache replays not counted).', CONFIDENCE);

  render(): string {
    return [this.requests, this.duration, this.tokens, this.cost, this.llmCalls, this.cacheHits, this.fallbacks, this.rejected, this.triageConfidence]
      .map((m) => m.render())
      .join('\n') + '\n';
  }
}
