// Every user-facing string is a custom label with a real Italian translation, and every label
// a component or the FlexiPage names exists.
const fs = require('fs');
const path = require('path');
const { XMLParser } = require('fast-xml-parser');
const { readLabels } = require('../jest-mocks/labels');

const DEFAULT = path.join(__dirname, '..', '..', 'main', 'default');
const parser = new XMLParser({
  isArray: (name) => ['customLabels', 'labels'].includes(name),
  parseTagValue: false
});

function italian() {
  const file = path.join(DEFAULT, 'translations', 'it.translation-meta.xml');
  const parsed = parser.parse(fs.readFileSync(file, 'utf8'));
  return new Map(
    parsed.Translations.customLabels.map((entry) => [entry.name, String(entry.label)])
  );
}

function filesUnder(dir, suffix) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__tests__' ? [] : filesUnder(full, suffix);
    }
    return entry.name.endsWith(suffix) ? [full] : [];
  });
}

const placeholders = (text) => (String(text).match(/\{\d+\}/g) || []).sort();

// Words that are the same in both languages.
// Salesforce's Italian UI keeps "Account"; "Zoom" is Italian too.
const SAME_IN_ITALIAN = new Set([
  'Tandem_Map_Account_Of',
  'Tandem_Map_Zoom_Level',
  'Tandem_Plan_Period',
  'Tandem_Plan_Metric_Out_Of_Hundred',
  // Salesforce's own Italian UI says "Account" and "Sponsor"; "YoY" is the finance shorthand
  // Italian reports use as well.
  'Tandem_Program_Column_Account',
  'Tandem_Program_Column_Growth',
  'Tandem_Program_Column_Sponsor'
]);

describe('custom labels', () => {
  const labels = readLabels();
  const names = labels.map((label) => label.fullName);
  const translations = italian();

  it('are unique, prefixed Tandem_ and short enough for the platform', () => {
    expect(new Set(names).size).toBe(names.length);
    labels.forEach((label) => {
      expect(label.fullName).toMatch(/^Tandem_[A-Za-z0-9_]+$/);
      expect(label.fullName.length).toBeLessThanOrEqual(80);
      expect(String(label.shortDescription).length).toBeLessThanOrEqual(80);
      expect(String(label.value).length).toBeLessThanOrEqual(1000);
      expect(label.language).toBe('en_US');
    });
  });

  it('all have an Italian translation with the same placeholders', () => {
    const problems = [];
    labels.forEach((label) => {
      const it = translations.get(label.fullName);
      if (!it) {
        problems.push(`${label.fullName}: no Italian translation`);
        return;
      }
      if (it === String(label.value) && !SAME_IN_ITALIAN.has(label.fullName)) {
        problems.push(`${label.fullName}: Italian equals English ("${it}")`);
      }
      if (placeholders(it).join() !== placeholders(label.value).join()) {
        problems.push(`${label.fullName}: placeholders differ`);
      }
    });
    expect(problems).toEqual([]);
    expect([...translations.keys()].filter((name) => !names.includes(name))).toEqual([]);
  });

  it('cover every label the components import, and nothing else', () => {
    const imported = new Set();
    filesUnder(path.join(DEFAULT, 'lwc'), '.js').forEach((file) => {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/@salesforce\/label\/c\.([A-Za-z0-9_]+)/g)) {
        imported.add(match[1]);
      }
    });
    expect([...imported].filter((name) => !names.includes(name))).toEqual([]);
    expect(names.filter((name) => !imported.has(name))).toEqual([]);
  });

  it('cover every label the FlexiPage names', () => {
    filesUnder(path.join(DEFAULT, 'flexipages'), '.xml').forEach((file) => {
      const source = fs.readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\$Label\.c\.([A-Za-z0-9_]+)/g)) {
        expect(names).toContain(match[1]);
      }
    });
  });
});

describe('Account FlexiPage', () => {
  it('places the three components on an Account record page', () => {
    const file = path.join(DEFAULT, 'flexipages', 'Tandem_Account_Record_Page.flexipage-meta.xml');
    const page = new XMLParser({
      isArray: (name) => ['flexiPageRegions', 'itemInstances'].includes(name)
    }).parse(fs.readFileSync(file, 'utf8')).FlexiPage;
    expect(page.sobjectType).toBe('Account');
    expect(page.type).toBe('RecordPage');
    const components = page.flexiPageRegions.flatMap((region) =>
      (region.itemInstances || []).map((item) => item.componentInstance.componentName)
    );
    expect(components).toEqual(
      expect.arrayContaining([
        'accountPlan',
        'relationshipMap',
        'executiveSponsorPanel',
        'whitespaceMatrix'
      ])
    );
  });

  it('sets only design attributes the components declare', () => {
    const file = path.join(DEFAULT, 'flexipages', 'Tandem_Account_Record_Page.flexipage-meta.xml');
    const page = new XMLParser({
      isArray: (name) =>
        ['flexiPageRegions', 'itemInstances', 'componentInstanceProperties'].includes(name)
    }).parse(fs.readFileSync(file, 'utf8')).FlexiPage;
    page.flexiPageRegions
      .flatMap((region) => region.itemInstances || [])
      .map((item) => item.componentInstance)
      .filter((instance) => !instance.componentName.includes(':'))
      .forEach((instance) => {
        const meta = fs.readFileSync(
          path.join(
            DEFAULT,
            'lwc',
            instance.componentName,
            `${instance.componentName}.js-meta.xml`
          ),
          'utf8'
        );
        expect(meta).toContain('<object>Account</object>');
        (instance.componentInstanceProperties || []).forEach((property) => {
          expect(meta).toContain(`name="${property.name}"`);
        });
      });
  });
});
