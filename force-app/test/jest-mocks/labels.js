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

module.exports = { registerLabelMocks, readLabels, LABELS_FILE };
