// Runs the Salesforce CLI. It is not a dependency of this repository (hundreds of MB): an `sf`
// on PATH is used when present, otherwise `npx --yes @salesforce/cli@2` fetches it on first use.
import { spawnSync } from 'node:child_process';

/** @returns {{ cmd: string, prefix: string[] }} how to invoke sf here */
export function sfCommand() {
    const probe = spawnSync('sf', ['--version'], { encoding: 'utf8' });
    if (!probe.error && probe.status === 0) return { cmd: 'sf', prefix: [] };
    console.error(
        'sf: the Salesforce CLI is not installed here; using `npx --yes @salesforce/cli@2` (first run downloads it).'
    );
    return { cmd: 'npx', prefix: ['--yes', '@salesforce/cli@2'] };
}

/** Runs `sf …args` with inherited output; returns the exit status. */
export function sf(args, options = {}) {
    const { cmd, prefix } = sfCommand();
    console.error(`$ sf ${args.join(' ')}`);
    const r = spawnSync(cmd, [...prefix, ...args], { stdio: 'inherit', ...options });
    if (r.error) {
        console.error(`sf: could not start ${cmd}: ${r.error.message}`);
        return 1;
    }
    return r.status ?? 1;
}
