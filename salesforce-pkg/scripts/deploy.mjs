#!/usr/bin/env node
// `npm run deploy:salesforce -w salesforce-pkg -- --target-org <alias>`: deploys the package source
// (force-app) to an org that `sf org login` has authorised. Extra arguments go to
// `sf project deploy start` unchanged (e.g. --test-level RunLocalTests, --dry-run).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sf } from './sf.mjs';

const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

if (!args.some((a) => a === '--target-org' || a === '-o' || a.startsWith('--target-org='))) {
    console.error(
        'deploy: name the org: npm run deploy:salesforce -w salesforce-pkg -- --target-org <alias> (authorise it first with `sf org login web --alias <alias>`)'
    );
    process.exit(2);
}

// The generated parts must exist, or the org gets a panel without its core and no ownership map.
const generated = [
    path.join('force-app', 'main', 'default', 'lwc', 'seamCore', 'seamCore.js'),
    path.join('force-app', 'main', 'default', 'customMetadata')
];
const missing = generated.filter(
    (p) =>
        !fs.existsSync(path.join(pkg, p)) ||
        (fs.statSync(path.join(pkg, p)).isDirectory() && fs.readdirSync(path.join(pkg, p)).length === 0)
);
if (missing.length) {
    console.error(
        `deploy: ${missing.join(', ')} missing; run \`npm run build\` at the repository root first (they are generated from shared/src)`
    );
    process.exit(2);
}

process.exit(sf(['project', 'deploy', 'start', '--source-dir', 'force-app', '--wait', '30', ...args], { cwd: pkg }));
