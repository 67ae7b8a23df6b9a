// Gathers every reference the package makes: permission sets, list views, FlexiPages, object
// translations and the LWCs' schema imports.
import fs from 'node:fs';
import path from 'node:path';
import {
  fieldTranslationReferences,
  flexiPageReferences,
  listViewReferences,
  lwcCustomNameReferences,
  lwcSchemaReferences,
  objectTranslationReferences,
  permissionSetReferences,
  translatedObject,
  type Reference
} from './references';

const read = (file: string): string => fs.readFileSync(file, 'utf8');
const entries = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** All files below `dir` (recursively) whose name ends with `suffix`. */
export function walk(dir: string, suffix: string): string[] {
  const out: string[] = [];
  for (const entry of entries(dir)) {
    const full = path.join(dir, entry);
    if (fs.statSync(full).isDirectory()) out.push(...walk(full, suffix));
    else if (entry.endsWith(suffix)) out.push(full);
  }
  return out;
}

/** `defaultDir` is `<repo>/force-app/main/default`; files are named relative to `repoRoot`. */
export function collectReferences(repoRoot: string, defaultDir: string): Reference[] {
  const rel = (file: string): string => path.relative(repoRoot, file);
  const refs: Reference[] = [];
  for (const file of walk(path.join(defaultDir, 'permissionsets'), '.permissionset-meta.xml')) {
    refs.push(...permissionSetReferences(rel(file), read(file)));
  }
  for (const object of entries(path.join(defaultDir, 'objects'))) {
    for (const file of walk(
      path.join(defaultDir, 'objects', object, 'listViews'),
      '.listView-meta.xml'
    )) {
      refs.push(...listViewReferences(rel(file), object, read(file)));
    }
  }
  for (const file of walk(path.join(defaultDir, 'flexipages'), '.flexipage-meta.xml'))
    refs.push(...flexiPageReferences(rel(file), read(file)));
  for (const folder of entries(path.join(defaultDir, 'objectTranslations'))) {
    const object = translatedObject(folder);
    for (const file of walk(
      path.join(defaultDir, 'objectTranslations', folder),
      '.objectTranslation-meta.xml'
    )) {
      refs.push(...objectTranslationReferences(rel(file), object, read(file)));
    }
    for (const file of walk(
      path.join(defaultDir, 'objectTranslations', folder),
      '.fieldTranslation-meta.xml'
    )) {
      refs.push(...fieldTranslationReferences(rel(file), object, read(file)));
    }
  }
  for (const file of [
    ...walk(path.join(defaultDir, 'lwc'), '.js'),
    ...walk(path.join(defaultDir, 'lwc'), '.html')
  ]) {
    if (file.includes(`${path.sep}__tests__${path.sep}`)) continue;
    refs.push(
      ...lwcSchemaReferences(rel(file), read(file)),
      ...lwcCustomNameReferences(rel(file), read(file))
    );
  }
  return refs;
}
