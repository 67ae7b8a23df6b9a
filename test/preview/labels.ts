// Custom labels for the preview: English from CustomLabels.labels-meta.xml, Italian from
// translations/it.translation-meta.xml, read at build time as the platform would serve them.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export type LabelTable = Record<'en' | 'it', Record<string, string>>;

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: false,
  isArray: (name) => name === 'labels' || name === 'customLabels'
});

function asText(value: unknown, where: string): string {
  if (typeof value !== 'string') {
    throw new Error(`${where}: expected text, found ${JSON.stringify(value)}`);
  }
  return value;
}

export function readLabels(sourceDir: string): LabelTable {
  const english = parser.parse(fs.readFileSync(path.join(sourceDir, 'labels', 'CustomLabels.labels-meta.xml'), 'utf8'));
  const en: Record<string, string> = {};
  for (const label of english.CustomLabels?.labels ?? []) {
    en[asText(label.fullName, 'labels.fullName')] = asText(label.value, `label ${label.fullName} value`);
  }
  const it: Record<string, string> = {};
  const translationFile = path.join(sourceDir, 'translations', 'it.translation-meta.xml');
  if (fs.existsSync(translationFile)) {
    const italian = parser.parse(fs.readFileSync(translationFile, 'utf8'));
    for (const label of italian.Translations?.customLabels ?? []) {
      it[asText(label.name, 'customLabels.name')] = asText(label.label, `translation ${label.name} label`);
    }
  }
  return { en, it };
}
