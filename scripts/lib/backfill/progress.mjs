/**
 * Progress output: a redrawn bar on a TTY, plain `progress` lines otherwise (CI logs, pipes).
 */

/** @param {{ stream?: NodeJS.WriteStream | { write(s: string): boolean, isTTY?: boolean }, mode?: 'auto' | 'bar' | 'plain' | 'none' }} [options] */
export function progressReporter(options = {}) {
  const stream = options.stream ?? process.stderr;
  const mode = options.mode === 'auto' || !options.mode ? (stream.isTTY ? 'bar' : 'plain') : options.mode;
  let lastPlain = -1;
  return {
    /** @param {{ phase: string, done: number, total: number | null, linked: number, updated: number }} p */
    update(p) {
      if (mode === 'none') return;
      const total = p.total ?? 0;
      const pct = total > 0 ? Math.min(100, Math.floor((p.done / total) * 100)) : 0;
      if (mode === 'bar') {
        const width = 30;
        const fill = Math.round((pct / 100) * width);
        stream.write(`\r${p.phase.padEnd(9)} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${String(pct).padStart(3)}% ${p.done}/${total || '?'} linked ${p.linked} updated ${p.updated}`);
      } else if (pct !== lastPlain || p.done === total) {
        lastPlain = pct;
        stream.write(`progress phase=${p.phase} done=${p.done} total=${total || '?'} linked=${p.linked} updated=${p.updated}\n`);
      }
    },
    end() { if (mode === 'bar') stream.write('\n'); },
  };
}
