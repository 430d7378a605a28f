/**
 * Audit log of every engine call, as JSON lines, rotated by size (`file` → `file.1` → … →
 * `file.N`, oldest dropped). Callers pass only masked text; this module never sees raw PII.
 */
import { appendFile, mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface AuditRecord {
  readonly at: string;
  readonly correlationId: string;
  readonly idempotencyKey: string;
  readonly client: string;
  readonly endpoint: string;
  readonly engine: 'llm' | 'embedded';
  readonly fallbackReason?: string;
  /** A replay answered from the idempotency cache: no engine ran, nothing was paid. */
  readonly cached: boolean;
  /** The prompt as sent to the model (masked). Embedded calls log the masked input text. */
  readonly maskedPrompt: string;
  /** The engine's output before unmasking. */
  readonly maskedOutput: unknown;
  readonly tokens: { readonly prompt: number; readonly completion: number };
  readonly latencyMs: number;
}

export interface AuditSink {
  write(record: AuditRecord): void;
  /** Resolves when every record written so far is on disk. */
  flush(): Promise<void>;
}

export class RotatingAuditLog implements AuditSink {
  private queue: Promise<void> = Promise.resolve();
  private size = -1;

  constructor(
    private readonly file: string,
    private readonly maxBytes: number,
    private readonly keepFiles: number,
    private readonly onError: (e: unknown) => void = (e) => console.error('seam-proxy: audit log write failed', e),
  ) {}

  write(record: AuditRecord): void {
    const line = `${JSON.stringify(record)}\n`;
    this.queue = this.queue.then(() => this.append(line)).catch(this.onError);
  }

  flush(): Promise<void> {
    return this.queue;
  }

  private async append(line: string): Promise<void> {
    if (this.size < 0) {
      await mkdir(dirname(this.file), { recursive: true });
      this.size = await stat(this.file).then((s) => s.size, () => 0);
    }
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) await this.rotate();
    await appendFile(this.file, line, { mode: 0o600 });
    this.size += bytes;
  }

  private async rotate(): Promise<void> {
    await rm(`${this.file}.${this.keepFiles}`, { force: true });
    for (let i = this.keepFiles - 1; i >= 1; i--) {
      await rename(`${this.file}.${i}`, `${this.file}.${i + 1}`).catch(() => undefined);
    }
    await rename(this.file, `${this.file}.1`);
    this.size = 0;
  }
}

/** Keeps records in memory: for tests and for embedding the proxy without a log file. */
export class MemoryAuditLog implements AuditSink {
  readonly records: AuditRecord[] = [];
  write(record: AuditRecord): void {
    this.records.push(record);
  }
  flush(): Promise<void> {
    return Promise.resolve();
  }
}
