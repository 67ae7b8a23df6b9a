// The metadata holds exactly the data model of DESIGN.md and the lead's contracts (stated once in
// expectedModel.ts), with the relationships, keys, formulas and help text the design asks for.
import { compileFormula, FormulaDate, type FormulaValue } from '../emulator/formula';
import { EXPECTED_HEALTH_WEIGHTS, EXPECTED_MODEL, EXPECTED_WEIGHTS, METRIC_OBJECTS, parseExpectation } from './expectedModel';
import { loadMetadata, type FieldInfo, type ObjectInfo } from './lib/metadataIndex';
import { child, list, text, type Xml } from './lib/xml';
import { DEFAULT_DIR } from './paths';

const index = loadMetadata(DEFAULT_DIR);
const objects = [...index.objects.values()];
const customObjects = objects.filter((o) => o.file !== null && !o.name.endsWith('__mdt'));

function objectOf(name: string): ObjectInfo {
  const object = index.objects.get(name);
  if (!object) throw new Error(`object ${name} is missing from force-app/main/default/objects`);
  return object;
}

function fieldOf(objectName: string, fieldName: string): FieldInfo {
  const field = objectOf(objectName).fields.get(fieldName);
  if (!field) throw new Error(`field ${objectName}.${fieldName} is missing (objects/${objectName}/fields/${fieldName}.field-meta.xml)`);
  return field;
}

const fieldsOf = (object: ObjectInfo): FieldInfo[] => [...object.fields.values()];
const allFields = objects.flatMap(fieldsOf);
const raw = (node: Xml | undefined, key: string): string | undefined => (node && typeof node[key] === 'string' ? (node[key] as string) : undefined);

/** What a field's metadata says, in the vocabulary of FieldExpectation, for one readable diff. */
function described(field: FieldInfo): Record<string, unknown> {
  const x = field.xml;
  const num = (key: string) => (text(x, key) === undefined ? undefined : Number(text(x, key)));
  // Formulas compare exactly as written: whitespace inside a string literal matters.
  const formula = raw(x, 'formula')?.trim();
  const values = list(child(child(x, 'valueSet'), 'valueSetDefinition')?.value);
  const result: Record<string, unknown> = {
    type: field.type,
    // Salesforce keeps master-detail fields required implicitly; the table does not say it.
    required: text(x, 'required') === 'true',
    externalId: text(x, 'externalId') === 'true',
    unique: text(x, 'unique') === 'true',
    defaultValue: field.type === 'Picklist' ? null : (text(x, 'defaultValue') ?? null)
  };
  if (formula) result.formula = formula;
  if (field.type === 'Text' && !formula) result.length = num('length');
  if (['Number', 'Currency', 'Percent'].includes(field.type ?? '') && !formula) {
    result.precision = num('precision');
    result.scale = num('scale');
  }
  if (text(x, 'referenceTo')) result.referenceTo = text(x, 'referenceTo');
  if (field.type === 'Picklist') {
    result.picklist = {
      values: values.map((v) => text(v, 'fullName')),
      defaultValue: values.map((v) => (text(v, 'default') === 'true' ? text(v, 'fullName') : undefined)).find(Boolean) ?? null
    };
  }
  return result;
}

describe('the data model of DESIGN.md', () => {
  for (const [objectName, fields] of Object.entries(EXPECTED_MODEL)) {
    describe(objectName, () => {
      it.each(Object.entries(fields))('has %s as designed', (fieldName, spec) => {
        const expected = parseExpectation(spec);
        expect({ field: `${objectName}.${fieldName}`, ...described(fieldOf(objectName, fieldName)) }).toEqual({
          field: `${objectName}.${fieldName}`,
          ...expected
        });
      });

      it('has no custom field the design does not list', () => {
        const extra = fieldsOf(objectOf(objectName))
          .map((f) => f.name)
          .filter((name) => !(name in fields));
        expect(extra).toEqual([]);
      });
    });
  }

  it('has no custom object the design does not list', () => {
    expect(objects.map((o) => o.name).filter((name) => !(name in EXPECTED_MODEL))).toEqual([]);
  });

  it('restricts every picklist to its values', () => {
    const open = allFields
      .filter((f) => f.type === 'Picklist' && text(child(f.xml, 'valueSet'), 'restricted') !== 'true')
      .map((f) => `${f.object}.${f.name}`);
    expect(open).toEqual([]);
  });
});

describe('objects', () => {
  it.each(customObjects.map((o) => [o.name, o.xml ?? {}] as const))('%s is deployed, labelled, described and reportable', (_name, x) => {
    expect({
      deploymentStatus: text(x, 'deploymentStatus'),
      label: Boolean(text(x, 'label')),
      pluralLabel: Boolean(text(x, 'pluralLabel')),
      description: Boolean(text(x, 'description')),
      enableReports: text(x, 'enableReports')
    }).toEqual({ deploymentStatus: 'Deployed', label: true, pluralLabel: true, description: true, enableReports: 'true' });
  });

  it('is ControlledByParent exactly when it is the detail of a master-detail relationship', () => {
    const sharing = Object.fromEntries(customObjects.map((o) => [o.name, text(o.xml ?? {}, 'sharingModel')]));
    const details = customObjects.filter((o) => fieldsOf(o).some((f) => f.type === 'MasterDetail')).map((o) => o.name);
    expect(details.map((name) => [name, sharing[name]])).toEqual(details.map((name) => [name, 'ControlledByParent']));
    expect(Object.entries(sharing).filter(([name, model]) => !details.includes(name) && model === 'ControlledByParent')).toEqual([]);
    // The service writes metrics and sync requests it does not own; program metrics are read by all.
    expect(sharing).toMatchObject({ Program_Metric__c: 'Read', Sync_Request__c: 'ReadWrite' });
  });

  it('names metric and log records by auto-number and plans by text', () => {
    const nameFields = Object.fromEntries(customObjects.map((o) => {
      const nameField = child(o.xml ?? {}, 'nameField');
      return [o.name, [text(nameField, 'type'), text(nameField, 'displayFormat')].filter(Boolean).join(' ')];
    }));
    expect(nameFields).toEqual({
      Account_Plan__c: 'Text',
      Plan_Objective__c: 'Text',
      Joint_Initiative__c: 'Text',
      Stakeholder__c: 'AutoNumber SH-{000000}',
      Stakeholder_Link__c: 'AutoNumber SL-{000000}',
      Executive_Sponsor__c: 'AutoNumber ES-{000000}',
      Account_Metric__c: 'AutoNumber AM-{000000}',
      Program_Metric__c: 'AutoNumber PM-{000000}',
      Whitespace_Cell__c: 'AutoNumber WC-{000000}',
      Sync_Request__c: 'AutoNumber SR-{000000}'
    });
  });
});

describe('fields', () => {
  it('all carry a label and a description', () => {
    const missing = allFields.filter((f) => !text(f.xml, 'label') || !text(f.xml, 'description')).map((f) => `${f.object}.${f.name}`);
    expect(missing).toEqual([]);
  });

  it('relationships all have a relationship name and label, unique per parent object', () => {
    const relationships = allFields.filter((f) => text(f.xml, 'referenceTo'));
    const incomplete = relationships.filter((f) => !text(f.xml, 'relationshipName') || !text(f.xml, 'relationshipLabel')).map((f) => `${f.object}.${f.name}`);
    expect(incomplete).toEqual([]);
    const names = relationships.map((f) => `${text(f.xml, 'referenceTo')}.${text(f.xml, 'relationshipName')}`);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('external ids are unique, and every unique field is an external id', () => {
    const keys = allFields.filter((f) => text(f.xml, 'externalId') === 'true' || text(f.xml, 'unique') === 'true');
    expect(keys.map((f) => `${f.object}.${f.name}: ${text(f.xml, 'externalId')}/${text(f.xml, 'unique')}`)).toEqual([
      'Account_Metric__c.Snapshot_Key__c: true/true',
      'Program_Metric__c.Period_Key__c: true/true',
      'Stakeholder__c.Unique_Key__c: true/true',
      'Whitespace_Cell__c.Cell_Key__c: true/true'
    ]);
  });

  it('every metric field states its formula as one sentence of inline help', () => {
    const metricFields = METRIC_OBJECTS.flatMap((name) => fieldsOf(objectOf(name)).map((f) => ({ name: `${name}.${f.name}`, help: text(f.xml, 'inlineHelpText') })));
    // One sentence: ends with a full stop and has no other (decimals such as 1.25 are fine).
    const bad = metricFields.filter(({ help }) => !help || help.length > 510 || !help.endsWith('.') || /\.\s/.test(help));
    expect(bad).toEqual([]);
    expect(metricFields.length).toBe(METRIC_OBJECTS.reduce((n, name) => n + Object.keys(EXPECTED_MODEL[name] ?? {}).length, 0));
  });
});

describe('formula fields', () => {
  // Days are epoch days; the sponsor met the customer 100 days ago with a 90-day cadence.
  const today = 20_000;
  function evaluate(objectName: string, fieldName: string, record: Record<string, FormulaValue>): FormulaValue {
    const formula = raw(fieldOf(objectName, fieldName).xml, 'formula') ?? '';
    const compiled = compileFormula(formula, (name) => () => record[name] ?? null);
    return compiled({ row: 0, today, now: today * 86_400_000, isNew: false });
  }

  it('Days_Since_Engagement__c counts days since the last engagement, blank without one', () => {
    expect(evaluate('Executive_Sponsor__c', 'Days_Since_Engagement__c', { Last_Engagement__c: new FormulaDate(today - 100) })).toBe(100);
    expect(evaluate('Executive_Sponsor__c', 'Days_Since_Engagement__c', {})).toBeNull();
  });

  it('Engagement_Status__c is Overdue past the cadence, On cadence on its last day, No engagement without one', () => {
    const status = (daysAgo: number | null, cadence: number) =>
      evaluate('Executive_Sponsor__c', 'Engagement_Status__c', {
        Last_Engagement__c: daysAgo === null ? null : new FormulaDate(today - daysAgo),
        Cadence_Days__c: cadence
      });
    expect([status(91, 90), status(90, 90), status(0, 90), status(null, 90)]).toEqual(['Overdue', 'On cadence', 'On cadence', 'No engagement']);
  });
});

describe('validation rules of Account_Plan__c', () => {
  const rules = [...objectOf('Account_Plan__c').validationRules.values()];
  // Epoch days: 2026-01-01 = 20454; 2031-01-01 (60 months later) = 22280.
  const start = new FormulaDate(20454);
  const fiveYears = 22280;

  /** Names of the active rules that reject the record. */
  function rejectedBy(record: Record<string, FormulaValue>): string[] {
    return rules
      .filter((rule) => text(rule, 'active') === 'true')
      .filter((rule) => {
        const compiled = compileFormula(text(rule, 'errorConditionFormula') ?? '', (name) => () => record[name] ?? null);
        return compiled({ row: 0, today: 20454, now: 0, isNew: true }) === true;
      })
      .map((rule) => text(rule, 'fullName') ?? '');
  }

  it('accept a plan of up to 5 years with ratings from 1 to 5 or blank', () => {
    expect(rejectedBy({ Start_Date__c: start, End_Date__c: new FormulaDate(fiveYears), Influence_Rating__c: 1, Risk_Rating__c: 5 })).toEqual([]);
    expect(rejectedBy({ Start_Date__c: start, End_Date__c: new FormulaDate(20455) })).toEqual([]);
    expect(rejectedBy({})).toEqual([]);
  });

  it('reject an end date on or before the start date', () => {
    expect(rejectedBy({ Start_Date__c: start, End_Date__c: start })).toHaveLength(1);
    expect(rejectedBy({ Start_Date__c: start, End_Date__c: new FormulaDate(20000) })).toHaveLength(1);
  });

  it('reject a plan longer than 5 years', () => {
    expect(rejectedBy({ Start_Date__c: start, End_Date__c: new FormulaDate(fiveYears + 1) })).toHaveLength(1);
  });

  it.each(['Influence_Rating__c', 'Co_Innovation_Rating__c', 'Collaboration_Rating__c', 'Risk_Rating__c'])('reject %s outside 1–5', (field) => {
    for (const rating of [0, 6, 9, -1]) expect(rejectedBy({ [field]: rating })).toHaveLength(1);
    for (const rating of [1, 3, 5]) expect(rejectedBy({ [field]: rating })).toEqual([]);
  });

  it('show their message on the field they are about', () => {
    for (const rule of rules) {
      expect({ rule: text(rule, 'fullName'), message: Boolean(text(rule, 'errorMessage')), field: Boolean(text(rule, 'errorDisplayField')) }).toEqual({
        rule: text(rule, 'fullName'),
        message: true,
        field: true
      });
    }
  });
});

/** DeveloperName → weight of the records of one weight type; each record's key field names the record. */
function weightsOf(type: string, keyField: string): Record<string, number> {
  const records = [...index.customMetadata.entries()].filter(([name]) => name.startsWith(`${type}.`));
  return Object.fromEntries(
    records.map(([name, record]) => {
      const values = Object.fromEntries(list(record.xml.values).map((v) => [text(v, 'field'), text(v, 'value')]));
      const developerName = name.split('.')[1];
      expect({ record: name, key: values[keyField] }).toEqual({ record: name, key: developerName });
      return [developerName, Number(values.Weight__c)];
    })
  );
}

describe('custom metadata records', () => {
  it('Strategic_Score_Weight__mdt: the six default criteria with their weights', () => {
    expect(weightsOf('Strategic_Score_Weight', 'Criterion__c')).toEqual(EXPECTED_WEIGHTS);
  });

  it('Plan_Health_Weight__mdt: the four components with the default weights 30, 30, 20, 20', () => {
    expect(weightsOf('Plan_Health_Weight', 'Component__c')).toEqual(EXPECTED_HEALTH_WEIGHTS);
  });
});
