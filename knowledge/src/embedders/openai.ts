/**
 * An `Embedder` over any OpenAI-compatible `/embeddings` endpoint (OpenAI, Azure OpenAI, a local
 * server, or the Seam proxy's own pass-through). The key comes from configuration, never from code.
 */
import OpenAI from 'openai';
import type { Embedder } from '../types.js';

export interface OpenAiEmbedderOptions {
  /** Base URL of the API, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8787/v1`. */
  baseURL: string;
  apiKey: string;
  model: string;
  /** The model's vector length (text-embedding-3-small: 1536). Checked on every response. */
  dimensions: number;
  /** Ask the model to shorten its vectors (text-embedding-3-* support it). */
  requestDimensions?: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  /** Extra headers, e.g. the proxy's signature. */
  headers?: Record<string, string>;
}

export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly client: OpenAI;
  private readonly requestDimensions: boolean;

  constructor(o: OpenAiEmbedderOptions) {
    if (!o.baseURL) throw new Error('OpenAiEmbedder.baseURL: missing; set it to the API base, e.g. https://api.openai.com/v1');
    if (!o.model) throw new Error('OpenAiEmbedder.model: missing; set the embedding model name, e.g. text-embedding-3-small');
    if (!Number.isInteger(o.dimensions) || o.dimensions < 1) throw new Error(`OpenAiEmbedder.dimensions: ${o.dimensions} is not a positive integer; set it to the model's vector length`);
    this.model = o.model;
    this.dimensions = o.dimensions;
    this.requestDimensions = o.requestDimensions ?? false;
    this.client = new OpenAI({ baseURL: o.baseURL, apiKey: o.apiKey, timeout: o.timeoutMs ?? 30_000, maxRetries: o.maxRetries ?? 2, defaultHeaders: o.headers });
  }

  async embed(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const res = await this.client.embeddings.create({
      model: this.model,
      input: texts,
      encoding_format: 'float',
      ...(this.requestDimensions ? { dimensions: this.dimensions } : {}),
    });
    const out: number[][] = new Array(texts.length);
    for (const d of res.data) {
      if (!Array.isArray(d.embedding)) throw new Error(`embeddings from ${this.model}: item ${d.index} is not a float array`);
      out[d.index] = d.embedding;
    }
    for (let i = 0; i < out.length; i++) if (!out[i]) throw new Error(`embeddings from ${this.model}: no vector for input ${i}`);
    return out;
  }
}
