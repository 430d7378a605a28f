/** Tiny `--name value` parser for the CLIs; unknown flags are an error naming the known ones. */
export function parseArgs(argv: readonly string[], known: readonly string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (!a.startsWith('--')) throw new Error(`unexpected argument "${a}"; flags: ${known.map((k) => `--${k}`).join(', ')}`);
    const [name, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(name)) throw new Error(`unknown flag --${name}; flags: ${known.map((k) => `--${k}`).join(', ')}`);
    const next = argv[i + 1];
    if (inline !== undefined) out[name] = inline;
    else if (next !== undefined && !next.startsWith('--')) { out[name] = next; i++; }
    else out[name] = true;
  }
  return out;
}
