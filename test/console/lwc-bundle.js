// @ts-check
/**
 * Compiles the real linkedIncidentPanel LWC (and its imports) into one browser bundle with
 * @lwc/rollup-plugin, so the console renders the component the package ships, not a copy.
 * Platform modules the org would provide are resolved to the stand-ins in ./lwc-stubs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../..');
const requireFromTest = createRequire(join(here, '..', 'package.json'));

export const LWC_DIR = join(repoRoot, 'salesforce-pkg/force-app/main/default/lwc');
export const STUBS_DIR = join(here, 'lwc-stubs');

/** The base components the panel's template uses, as lightning/<name> → stub folder. */
const LIGHTNING_COMPONENTS = { button: 'button', icon: 'icon', spinner: 'spinner', formattedDateTime: 'formattedDateTime' };

/** Plain modules (not components) the org provides: import specifier → stub file. */
const PLATFORM_MODULES = {
  'lightning/empApi': 'platform/empApi.js',
  'lightning/uiRecordApi': 'platform/uiRecordApi.js',
  'lightning/platformShowToastEvent': 'platform/platformShowToastEvent.js',
  '@salesforce/apex': 'platform/apex.js',
};

const VIRTUAL_PREFIX = '\0seam-lwc:';

/**
 * Rollup plugin: maps the org's scoped imports to the stubs. `@salesforce/apex/Class.method`
 * becomes a call through the console's Apex proxy; schema, label and permission imports get the
 * values their documentation describes.
 * @returns {import('rollup').Plugin}
 */
function platformModules() {
  return {
    name: 'seam-platform-modules',
    resolveId(source) {
      if (source in PLATFORM_MODULES) return join(STUBS_DIR, PLATFORM_MODULES[/** @type {keyof typeof PLATFORM_MODULES} */ (source)]);
      if (/^@salesforce\/(apex|schema|label|customPermission|userPermission)\/./.test(source)) return VIRTUAL_PREFIX + source;
      if (source === 'c/seamCore') {
        const file = join(LWC_DIR, 'seamCore/seamCore.js');
        if (!existsSync(file)) throw new Error(`c/seamCore: ${file} is missing; run \`npm run build\` at the repo root to generate it`);
        return file;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const source = id.slice(VIRTUAL_PREFIX.length);
      const [, kind, rest] = /** @type {RegExpMatchArray} */ (source.match(/^@salesforce\/(\w+)\/(.+)$/));
      const apexModule = JSON.stringify(join(STUBS_DIR, 'platform/apex.js'));
      if (kind === 'apex') {
        const [className, method] = rest.split('.');
        return `import { apexMethod } from ${apexModule};\nexport default apexMethod(${JSON.stringify(className)}, ${JSON.stringify(method)});\n`;
      }
      if (kind === 'schema') {
        // Object imports give {objectApiName}; field imports give {objectApiName, fieldApiName}.
        const [objectApiName, ...field] = rest.split('.');
        const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
        return `export default ${JSON.stringify(value)};\n`;
      }
      if (kind === 'label') return `export default ${JSON.stringify(rest.split('.').pop())};\n`;
      // customPermission / userPermission: the console user holds none.
      return 'export default false;\n';
    },
  };
}

/** Every file the bundle depends on, for the cache key. */
function inputFiles() {
  /** @param {string} dir @returns {string[]} */
  const walk = (dir) =>
    readdirSync(dir).flatMap((name) => {
      const p = join(dir, name);
      if (name === '__tests__') return [];
      return statSync(p).isDirectory() ? walk(p) : [p];
    });
  return [...walk(join(LWC_DIR, 'linkedIncidentPanel')), join(LWC_DIR, 'seamCore/seamCore.js'), ...walk(STUBS_DIR), fileURLToPath(import.meta.url)].filter(existsSync).sort();
}

/** The default cache: the repo's gitignored .seam-state, else the OS temp dir. */
export function defaultCacheDir() {
  return existsSync(join(repoRoot, '.gitignore')) ? join(repoRoot, '.seam-state/console') : join(tmpdir(), 'seam-console');
}

/**
 * Builds (or reads from cache) the browser bundle. The bundle is an IIFE that sets
 * `window.SeamLwc = { mountPanel(target, recordId) }`, with synthetic shadow loaded first so the
 * page's global SLDS stylesheet reaches inside the component as it does in Lightning Experience.
 * @param {{ cacheDir?: string, force?: boolean }} [options]
 * @returns {Promise<{ code: string, file: string, cached: boolean, ms: number }>}
 */
export async function buildPanelBundle(options = {}) {
  const started = Date.now();
  const cacheDir = options.cacheDir ?? defaultCacheDir();
  const hash = createHash('sha256');
  for (const f of inputFiles()) hash.update(f).update(readFileSync(f));
  const file = join(cacheDir, `panel-${hash.digest('hex').slice(0, 16)}.js`);
  if (!options.force && existsSync(file)) return { code: readFileSync(file, 'utf8'), file, cached: true, ms: Date.now() - started };

  const { rollup } = await import('rollup');
  const lwc = (await import(requireFromTest.resolve('@lwc/rollup-plugin'))).default;
  const replace = (await import(requireFromTest.resolve('@rollup/plugin-replace'))).default;
  const nodeResolve = (await import(requireFromTest.resolve('@rollup/plugin-node-resolve'))).default.nodeResolve;

  const entry = VIRTUAL_PREFIX + 'entry';
  const entryCode = [
    "import '@lwc/synthetic-shadow';",
    "import { createElement } from 'lwc';",
    "import LinkedIncidentPanel from 'c/linkedIncidentPanel';",
    'export function mountPanel(target, recordId) {',
    "  const el = createElement('c-linked-incident-panel', { is: LinkedIncidentPanel });",
    '  el.recordId = recordId;',
    '  target.appendChild(el);',
    '  return el;',
    '}',
  ].join('\n');

  const bundle = await rollup({
    input: entry,
    onwarn(warning, warn) {
      if (warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
    plugins: [
      {
        name: 'seam-entry',
        resolveId: (id) => (id === entry ? entry : null),
        load: (id) => (id === entry ? entryCode : null),
      },
      platformModules(),
      replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
      lwc({
        // Aliases, so only these folders are components: the panel and the base-component stand-ins.
        modules: [
          { name: 'c/linkedIncidentPanel', path: join(LWC_DIR, 'linkedIncidentPanel/linkedIncidentPanel.js') },
          ...Object.entries(LIGHTNING_COMPONENTS).map(([name, dir]) => ({ name: `lightning/${name}`, path: join(STUBS_DIR, 'lightning', dir, `${dir}.js`) })),
        ],
        exclude: ['**/seamCore/seamCore.js'],
      }),
      nodeResolve({ rootDir: here }),
    ],
  });
  const { output } = await bundle.generate({ format: 'iife', name: 'SeamLwc' });
  await bundle.close();
  const code = output[0].code;
  mkdirSync(cacheDir, { recursive: true });
  // Write then rename, so a console starting at the same time never reads half a bundle.
  const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(partial, code);
  renameSync(partial, file);
  // Older builds of changed sources are of no further use.
  for (const name of readdirSync(cacheDir)) {
    if (/^panel-[0-9a-f]{16}\.js$/.test(name) && join(cacheDir, name) !== file) rmSync(join(cacheDir, name), { force: true });
  }
  return { code, file, cached: false, ms: Date.now() - started };
}
