/**
 * A local OpenAI-compatible stub: POST /v1/chat/completions on 127.0.0.1, scripted per test.
 * Records every request body so tests can assert on exactly what a model would have received.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubReply {
  readonly status?: number;
  /** Message content (a string) for 200 replies, or a raw JSON body for errors. */
  readonly content?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
}

export interface ChatRequest {
  readonly model: string;
  readonly messages: { role: string; content: string }[];
  readonly response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown>; strict?: boolean } };
}

export interface OpenAiStub {
  readonly baseURL: string;
  readonly requests: ChatRequest[];
  /** Replies used in order; the last one repeats. */
  script(...replies: StubReply[]): void;
  close(): Promise<void>;
}

export async function startOpenAiStub(): Promise<OpenAiStub> {
  let replies: StubReply[] = [{ content: '{}' }];
  let next = 0;
  const requests: ChatRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404).end();
        return;
      }
      requests.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest);
      const reply = replies[Math.min(next, replies.length - 1)] as StubReply;
      next++;
      const send = (): void => {
        if (res.destroyed) return;
        const status = reply.status ?? 200;
        const body =
          reply.body ??
          (status === 200
            ? {
                id: 'chatcmpl-stub',
                object: 'chat.completion',
                created: 0,
                model: 'stub-model',
                choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.content ?? '{}', refusal: null } }],
                usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
              }
            : { error: { message: `stub error ${status}`, type: 'server_error' } });
        res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
        res.end(JSON.stringify(body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script(...r) {
      replies = r;
      next = 0;
    },
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
