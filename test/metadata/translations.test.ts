// Everything users read ships in Italian too: every custom label has an Italian translation (and
// no translation is left for a label that is gone), and every Tandem object, field, picklist
// value, help text and validation message has its Italian object translation.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadMetadata, picklistLabels } from './lib/metadataIndex';
import { child, list, readXml, text } from './lib/xml';
import { DEFAULT_DIR } from './paths';

const LABELS = path.join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml');
const ITALIAN = path.join(DEFAULT_DIR, 'translations', 'it.translation-meta.xml');
describe('custom labels (labels/ and translations/it)', () => {
  const englishLabels = list(child(readXml(LABELS), 'CustomLabels')?.labels);
  const labels = englishLabels.map((l) => text(l, 'fullName') ?? '');
  const italian = new Map(
    list(child(readXml(ITALIAN), 'Translations')?.customLabels).map((t) => [text(t, 'name') ?? '', text(t, 'label') ?? ''])
  );

  it('every label has a non-empty Italian translation', () => {
    expect(labels.filter((name) => !italian.get(name))).toEqual([]);
  });

  it('every Italian translation is of a label that exists', () => {
    expect([...italian.keys()].filter((name) => !labels.includes(name))).toEqual([]);
  });

  // An XML formatter that reflows text would deploy labels with line breaks and indentation; the
  // shared reader normalizes whitespace, so read the raw text here.
  it('no label text, English or Italian, carries line breaks or runs of spaces', () => {
    const raw = new XMLParser({ trimValues: false, parseTagValue: false, isArray: (name) => name === 'labels' || name === 'customLabels' });
    const english = raw.parse(fs.readFileSync(LABELS, 'utf8')).CustomLabels.labels as Array<{ fullName: string; value: string }>;
    const translated = raw.parse(fs.readFileSync(ITALIAN, 'utf8')).Translations.customLabels as Array<{ name: string; label: string }>;
    const reflowed = (value: string): boolean => /\n|\s{2,}/.test(value);
    expect({
      english: english.filter((l) => reflowed(l.value)).map((l) => l.fullName),
      italian: translated.filter((t) => reflowed(t.label)).map((t) => t.name)
    }).toEqual({ english: [], italian: [] });
  });
});

describe('the Italian translation file', () => {
  const source = fs.readFileSync(ITALIAN, 'utf8');
  const root = child(readXml(ITALIAN), 'Translations');

  // The Metadata API reads Translations as a sequence: a label appended after the tabs or report
  // types would not deploy.
  it('keeps its sections in the Metadata API order', () => {
    const ORDER = ['customApplications', 'customLabels', 'customTabs', 'reportTypes'];
    const sections = [...source.matchAll(/^ {2}<(\w+)>/gm)].map((m) => m[1]!);
    expect(sections.filter((name) => !ORDER.includes(name))).toEqual([]);
    const ranks = sections.map((name) => ORDER.indexOf(name));
    expect(ranks.every((rank, i) => i === 0 || rank >= ranks[i - 1]!)).toBe(true);
  });

  it('translates the Tandem tabs and report types', () => {
    const names = (key: string) => list(root?.[key]).filter((t) => text(t, 'label')).map((t) => text(t, 'name'));
    const tabs = fs.readdirSync(path.join(DEFAULT_DIR, 'tabs')).filter((f) => !f.includes('__c')).map((f) => f.replace('.tab-meta.xml', ''));
    const reportTypes = fs.readdirSync(path.join(DEFAULT_DIR, 'reportTypes')).map((f) => f.replace('.reportType-meta.xml', ''));
    expect(names('customTabs')).toEqual(tabs);
    expect(names('reportTypes')).toEqual(reportTypes);
  });
});

describe('Italian object translations', () => {
  const index = loadMetadata(DEFAULT_DIR);
  const translationsDir = path.join(DEFAULT_DIR, 'objectTranslations');
  const customObjects = [...index.objects.values()].filter((o) => o.file !== null);

  function folder(object: string): string {
    return path.join(translationsDir, `${object}-it`);
  }

  it.each(customObjects.map((o) => o.name))('%s has its Italian singular and plural label', (name) => {
    const header = path.join(folder(name), `${name}-it.objectTranslation-meta.xml`);
    expect({ file: path.relative(DEFAULT_DIR, header), exists: fs.existsSync(header) }).toEqual({ file: path.relative(DEFAULT_DIR, header), exists: true });
    const cases = list(child(readXml(header), 'CustomObjectTranslation')?.caseValues);
    expect(cases.map((c) => [text(c, 'plural'), Boolean(text(c, 'value'))]).sort()).toEqual([
      ['false', true],
      ['true', true]
    ]);
  });

  const fields = [...index.objects.values()].flatMap((o) => [...o.fields.values()]);

  it.each(fields.map((f) => [`${f.object}.${f.name}`, f] as const))('%s has an Italian label, help text and picklist values', (_name, field) => {
    const file = path.join(folder(field.object), `${field.name}.fieldTranslation-meta.xml`);
    expect({ file: path.relative(DEFAULT_DIR, file), exists: fs.existsSync(file) }).toEqual({ file: path.relative(DEFAULT_DIR, file), exists: true });
    const translation = child(readXml(file), 'CustomFieldTranslation');
    expect(text(translation, 'name')).toBe(field.name);
    expect(text(translation, 'label')).toBeTruthy();
    // Help text shown in English must show in Italian too.
    expect(Boolean(text(translation, 'help'))).toBe(Boolean(text(field.xml, 'inlineHelpText')));
    const translated = new Map(list(translation?.picklistValues).map((v) => [text(v, 'masterLabel'), text(v, 'translation')]));
    expect(picklistLabels(field).filter((label) => !translated.get(label))).toEqual([]);
  });

  it('translates every validation rule message', () => {
    const missing = customObjects.flatMap((object) => {
      const header = path.join(folder(object.name), `${object.name}-it.objectTranslation-meta.xml`);
      const translated = fs.existsSync(header)
        ? new Set(list(child(readXml(header), 'CustomObjectTranslation')?.validationRules).filter((r) => text(r, 'errorMessage')).map((r) => text(r, 'name')))
        : new Set<string | undefined>();
      return [...object.validationRules.keys()].filter((rule) => !translated.has(rule)).map((rule) => `${object.name}.${rule}`);
    });
    expect(missing).toEqual([]);
  });
});
