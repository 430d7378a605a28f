import { resolve } from 'node:path';
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

/**
 * A path the user typed, resolved against the directory they typed it in: `npm run … -w proxy`
 * runs the CLI inside proxy/, so `--data proxy/data/x.csv` from the repository root would
 * otherwise look for proxy/proxy/data/x.csv. npm passes the caller's directory as INIT_CWD.
 */
export function fromCaller(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env['INIT_CWD'] || process.cwd(), path);
}
