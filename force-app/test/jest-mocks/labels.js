// Custom labels in jest: sfdx-lwc-jest turns `import x from '@salesforce/label/c.Name'` into
// the string "c.Name". Registering every label of CustomLabels.labels-meta.xml as a virtual
// module lets tests read the real English text, including filled `{0}` placeholders.
const fs = require('fs');
const path = require('path');
const { XMLParser } = require('fast-xml-parser');

const LABELS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'main',
  'default',
  'labels',
  'CustomLabels.labels-meta.xml'
);

function readLabels() {
  const parser = new XMLParser({ isArray: (name) => name === 'labels', parseTagValue: false });
  const parsed = parser.parse(fs.readFileSync(LABELS_FILE, 'utf8'));
  return (parsed.CustomLabels && parsed.CustomLabels.labels) || [];
}

function registerLabelMocks() {
  readLabels().forEach((label) => {
    const mockValue = String(label.value);
    jest.mock(`@salesforce/label/c.${label.fullName}`, () => ({ default: mockValue }), {
      virtual: true
    });
  });
}

const TRANSLATIONS_FILE = path.join(
  __dirname,
  '..',
  '..',
  'main',
  'default',
  'translations',
  'it.translation-meta.xml'
);

/**
 * The Italian user's page: every label as translations/it.translation-meta.xml has it and the
 * it-IT locale, for modules required after this call (inside jest.isolateModules).
 */
function mockItalian() {
  const parser = new XMLParser({
    isArray: (name) => name === 'customLabels',
    parseTagValue: false
  });
  const parsed = parser.parse(fs.readFileSync(TRANSLATIONS_FILE, 'utf8'));
  parsed.Translations.customLabels.forEach((entry) => {
    const mockValue = String(entry.label);
    jest.doMock(`@salesforce/label/c.${entry.name}`, () => ({ default: mockValue }), {
      virtual: true
    });
  });
  jest.doMock('@salesforce/i18n/locale', () => ({ default: 'it-IT' }), { virtual: true });
}

module.exports = { registerLabelMocks, readLabels, mockItalian, LABELS_FILE };
