// Compiles the real components (force-app lwc) with the LWC compiler (@lwc/rollup-plugin, the
// version sfdx-lwc-jest pins), the real base components from lightning-base-components (a
// development dependency read from node_modules, never copied into the repository) and the
// preview's implementations of the platform-only modules into one browser bundle in .preview-build/.
import fs from 'node:fs';
import path from 'node:path';
import { rollup, type Plugin, type RollupLog } from 'rollup';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readLabels, type LabelTable } from './labels';

const ROOT = path.resolve(__dirname, '..', '..');
const METADATA_DIR = path.join(ROOT, 'force-app', 'main', 'default');
const LWC_DIR = path.join(METADATA_DIR, 'lwc');
export const BUILD_DIR = path.join(ROOT, '.preview-build');
export const BUNDLE_FILE = path.join(BUILD_DIR, 'main.js');

/** SFDX keeps bundles flat (lwc/<name>/<name>.js): register each as c/<name>. */
function componentModules(): { name: string; path: string }[] {
  return fs
    .readdirSync(LWC_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(LWC_DIR, entry.name, `${entry.name}.js`)))
    .map((entry) => ({ name: `c/${entry.name}`, path: path.join(LWC_DIR, entry.name, `${entry.name}.js`) }));
}

const VIRTUAL = '\0tandem-preview:';
const USER_SETTINGS: Record<string, string> = {
  '@salesforce/i18n/locale': 'locale',
  '@salesforce/i18n/lang': 'lang',
  '@salesforce/i18n/currency': 'currency',
  '@salesforce/i18n/timeZone': 'timeZone',
  '@salesforce/user/Id': 'userId'
};

/**
 * Base-component gates (lightning-base-components stubs every gate open) that assume native shadow
 * DOM, which the platform gives those components; the preview renders everything in synthetic
 * shadow, where ElementInternals throws.
 */
const CLOSED_GATES = new Set(['@salesforce/gate/bc.260.enableComboboxElementInternals']);

/** The module text of a scoped import the preview serves, or null to leave it to other resolvers. */
export function scopedImportSource(spec: string, labels: LabelTable): string | null {
  if (spec === 'preview/labels') {
    return `export default ${JSON.stringify(labels)};`;
  }
  if (CLOSED_GATES.has(spec)) {
    return 'export default { isOpen: () => false };';
  }
  if (spec.startsWith('@salesforce/label/c.')) {
    const name = spec.slice('@salesforce/label/c.'.length);
    if (labels.en[name] === undefined) {
      throw new Error(`${spec}: no custom label ${name} in labels/CustomLabels.labels-meta.xml`);
    }
    // The language is the page's choice, read when the module evaluates (as the platform fixes it per request).
    return [
      `import table from 'preview/labels';`,
      `import { previewConfig } from 'preview/config';`,
      `const name = ${JSON.stringify(name)};`,
      `const translated = table[previewConfig().lang];`,
      `export default (translated && translated[name]) || table.en[name];`
    ].join('\n');
  }
  if (spec.startsWith('@salesforce/schema/')) {
    const [objectApiName, ...field] = spec.slice('@salesforce/schema/'.length).split('.');
    const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
    return `export default ${JSON.stringify(value)};`;
  }
  const setting = USER_SETTINGS[spec];
  if (setting) {
    return `import { previewConfig } from 'preview/config';\nexport default previewConfig()[${JSON.stringify(setting)}];`;
  }
  return null;
}

/**
 * Labels, schema references, the user's id and locale settings. Runs before the LWC plugin so
 * these ids never reach its resolver (lightning-base-components aliases some of them to en-US stubs;
 * the ones not listed here keep those stubs).
 */
function salesforceScopedImports(labels: LabelTable): Plugin {
  return {
    name: 'tandem-salesforce-scoped-imports',
    resolveId(id) {
      return scopedImportSource(id, labels) === null ? null : VIRTUAL + id;
    },
    load(id) {
      return id.startsWith(VIRTUAL) ? scopedImportSource(id.slice(VIRTUAL.length), labels) : null;
    }
  };
}

/** lightning-base-components' own templates warn (invalid keys, duplicate slots): not ours to fix. */
function isBaseComponentLog(log: RollupLog): boolean {
  const where = `${log.id ?? ''} ${log.loc?.file ?? ''} ${log.message}`;
  return where.includes(`${path.sep}lightning-base-components${path.sep}`);
}

export interface BuildResult {
  file: string;
  millis: number;
  /** Warnings from our own sources; the base components' own are only counted. */
  warnings: string[];
  baseComponentWarnings: number;
}

export async function buildPreview(): Promise<BuildResult> {
  const started = Date.now();
  const labels = readLabels(METADATA_DIR);
  const warnings: string[] = [];
  let baseComponentWarnings = 0;
  const bundle = await rollup({
    input: path.join(__dirname, 'app', 'main.js'),
    onLog(level, log) {
      if (level !== 'warn') {
        return;
      }
      if (isBaseComponentLog(log)) {
        baseComponentWarnings++;
      } else {
        warnings.push(log.id ? `${log.message} (${path.relative(ROOT, log.id)})` : log.message);
      }
    },
    plugins: [
      salesforceScopedImports(labels),
      replace({
        preventAssignment: true,
        values: { 'process.env.NODE_ENV': JSON.stringify('development'), 'import.meta.env.SSR': 'false' }
      }),
      lwc({
        rootDir: path.join(__dirname, 'app'),
        // Preview modules first: they shadow lightning-base-components' lightning/navigation, whose
        // force/navigation exists only on the platform.
        modules: [
          { dir: path.join(__dirname, 'modules') },
          { dir: path.join(__dirname, 'app') },
          ...componentModules(),
          { npm: 'lightning-base-components' }
        ],
        enableDynamicComponents: true
      }),
      nodeResolve()
    ]
  });
  try {
    await bundle.write({ file: BUNDLE_FILE, format: 'iife', inlineDynamicImports: true });
  } finally {
    await bundle.close();
  }
  return { file: BUNDLE_FILE, millis: Date.now() - started, warnings, baseComponentWarnings };
}

if (require.main === module) {
  buildPreview().then(
    (result) => {
      for (const warning of result.warnings) {
        console.warn(`warning: ${warning}`);
      }
      console.log(
        `built ${path.relative(ROOT, result.file)} in ${result.millis} ms (${result.baseComponentWarnings} warnings from lightning-base-components)`
      );
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    }
  );
}
