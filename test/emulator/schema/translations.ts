// Object and field translations from Salesforce metadata on disk (source format
// `objectTranslations/<Object>-<lang>/<Object>-<lang>.objectTranslation-meta.xml` and
// `<Field>.fieldTranslation-meta.xml`): the labels and picklist value labels a user whose language
// is `<lang>` sees. Standard objects' built-in translations are not part of the metadata, so their
// labels stay in English unless force-app translates a field.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findDirs } from './loader';

export interface FieldTranslation {
  label: string | null;
  help: string | null;
  /** Master label of a picklist value → its translation. */
  picklistLabels: Map<string, string>;
}

export interface ObjectTranslation {
  label: string | null;
  labelPlural: string | null;
  nameFieldLabel: string | null;
  /** Lower-cased field API name → translation. */
  fields: Map<string, FieldTranslation>;
}

/** Language (`it`, `de`, `pt_BR`) → lower-cased object name → translation. */
export type Translations = Map<string, Map<string, ObjectTranslation>>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => ['caseValues', 'picklistValues', 'fields', 'validationRules'].includes(name)
});

type Xml = Record<string, unknown>;

function text(node: unknown): string | null {
  if (node === undefined || node === null || typeof node === 'object') return null;
  const value = String(node).trim();
  return value === '' ? null : value;
}

function fieldTranslation(xml: Xml): FieldTranslation {
  const picklistLabels = new Map<string, string>();
  for (const value of (xml.picklistValues as Xml[] | undefined) ?? []) {
    const master = text(value.masterLabel);
    const translation = text(value.translation);
    if (master && translation) picklistLabels.set(master, translation);
  }
  return { label: text(xml.label), help: text(xml.help), picklistLabels };
}

/** Every translation under the metadata folders, by language and object. */
export function loadTranslations(dirs: string[]): Translations {
  const translations: Translations = new Map();
  for (const dir of dirs) {
    for (const root of findDirs(dir, 'objectTranslations')) {
      for (const entry of fs.readdirSync(root, { withFileTypes: true })) {
        const match = /^(.+)-([a-z]{2}(?:_[A-Z]{2})?)$/.exec(entry.name);
        if (!entry.isDirectory() || !match) continue;
        const [, objectName, language] = match as unknown as [string, string, string];
        const folder = path.join(root, entry.name);
        const translation: ObjectTranslation = { label: null, labelPlural: null, nameFieldLabel: null, fields: new Map() };
        for (const file of fs.readdirSync(folder).sort()) {
          const xml = parser.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Xml;
          if (file.endsWith('.objectTranslation-meta.xml')) {
            const object = (xml.CustomObjectTranslation ?? {}) as Xml;
            for (const value of (object.caseValues as Xml[] | undefined) ?? []) {
              if (text(value.plural) === 'true') translation.labelPlural = text(value.value);
              else translation.label = text(value.value);
            }
            translation.nameFieldLabel = text(object.nameFieldLabel);
          } else if (file.endsWith('.fieldTranslation-meta.xml')) {
            const field = (xml.CustomFieldTranslation ?? {}) as Xml;
            const name = text(field.name) ?? file.replace('.fieldTranslation-meta.xml', '');
            translation.fields.set(name.toLowerCase(), fieldTranslation(field));
          }
        }
        const byObject = translations.get(language) ?? new Map<string, ObjectTranslation>();
        byObject.set(objectName.toLowerCase(), translation);
        translations.set(language, byObject);
      }
    }
  }
  return translations;
}

/** The translation set for a LanguageLocaleKey: an exact match (`pt_BR`), else the language (`it_IT` → `it`). */
export function translationsFor(translations: Translations, language: string): Map<string, ObjectTranslation> | undefined {
  return translations.get(language) ?? translations.get(language.split('_')[0]!);
}
