// A stand-in for Tandem's force-app objects (as DESIGN.md and contracts.md define them), written
// in source format, for tests that run before the metadata lands. `tandemSchemaDirs()` prefers
// the real force-app metadata as soon as it exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEMA_DIR } from '../index';

type FieldSpec =
  | { type: 'Text'; length?: number; required?: boolean; externalId?: boolean; unique?: boolean }
  | { type: 'LongTextArea' | 'TextArea' }
  | { type: 'Checkbox'; default?: boolean }
  | { type: 'Number' | 'Currency' | 'Percent'; precision: number; scale: number; default?: string }
  | { type: 'Date' | 'DateTime' }
  | { type: 'Picklist'; values: string[]; default?: string }
  | { type: 'Lookup'; to: string; relationshipName: string; required?: boolean }
  | { type: 'MasterDetail'; to: string; relationshipName: string }
  | { type: 'Formula'; returns: 'Number' | 'Text'; formula: string; precision?: number; scale?: number };

interface ObjectSpec {
  label: string;
  fields: Record<string, FieldSpec>;
  rules?: Array<{ name: string; formula: string; message: string; field?: string }>;
}

const money = { type: 'Currency', precision: 18, scale: 2 } as const;
const percent = { type: 'Percent', precision: 18, scale: 2 } as const;
const rating = { type: 'Number', precision: 1, scale: 0 } as const;
const toAccount = (relationshipName: string) => ({ type: 'MasterDetail', to: 'Account', relationshipName }) as const;

const METRIC_FIELDS: Record<string, FieldSpec> = {
  Period__c: { type: 'Text', length: 12 },
  As_Of__c: { type: 'Date' },
  Is_Current__c: { type: 'Checkbox' },
  Computed_At__c: { type: 'DateTime' }
};

export const TANDEM_OBJECTS: Record<string, ObjectSpec> = {
  Account: { label: 'Account', fields: { Strategic_Account__c: { type: 'Checkbox' } } },
  Account_Plan__c: {
    label: 'Account Plan',
    fields: {
      Account__c: toAccount('Account_Plans'),
      Status__c: { type: 'Picklist', values: ['Draft', 'Active', 'Archived'], default: 'Draft' },
      Start_Date__c: { type: 'Date' },
      End_Date__c: { type: 'Date' },
      Customer_Objectives__c: { type: 'LongTextArea' },
      Value_Proposition__c: { type: 'LongTextArea' },
      Strengths__c: { type: 'LongTextArea' },
      Weaknesses__c: { type: 'LongTextArea' },
      Opportunities__c: { type: 'LongTextArea' },
      Threats__c: { type: 'LongTextArea' },
      Revenue_Target__c: money,
      Governance_Cadence__c: { type: 'Picklist', values: ['Monthly', 'Quarterly', 'Half-yearly', 'Yearly'] },
      Next_Review__c: { type: 'Date' },
      Influence_Rating__c: rating,
      Co_Innovation_Rating__c: rating,
      Collaboration_Rating__c: rating,
      Risk_Rating__c: rating
    },
    rules: [
      {
        name: 'Ratings_Between_1_And_5',
        formula:
          'OR(AND(NOT(ISBLANK(Influence_Rating__c)), OR(Influence_Rating__c < 1, Influence_Rating__c > 5)), AND(NOT(ISBLANK(Risk_Rating__c)), OR(Risk_Rating__c < 1, Risk_Rating__c > 5)))',
        message: 'Ratings must be between 1 and 5.'
      },
      {
        name: 'End_After_Start_Within_5_Years',
        formula: 'AND(NOT(ISBLANK(Start_Date__c)), NOT(ISBLANK(End_Date__c)), OR(End_Date__c <= Start_Date__c, End_Date__c > ADDMONTHS(Start_Date__c, 60)))',
        message: 'The end date must be after the start date and at most 5 years later.',
        field: 'End_Date__c'
      }
    ]
  },
  Plan_Objective__c: {
    label: 'Plan Objective',
    fields: {
      Account_Plan__c: { type: 'MasterDetail', to: 'Account_Plan__c', relationshipName: 'Plan_Objectives' },
      Category__c: { type: 'Picklist', values: ['Growth', 'Relationship', 'Co-innovation', 'Customer experience', 'Risk'] },
      Measure__c: { type: 'Text', length: 255 },
      Target_Value__c: { type: 'Number', precision: 18, scale: 2 },
      Current_Value__c: { type: 'Number', precision: 18, scale: 2 },
      Due_Date__c: { type: 'Date' },
      Status__c: { type: 'Picklist', values: ['Not started', 'On track', 'At risk', 'Off track', 'Achieved'], default: 'Not started' },
      Owner_User__c: { type: 'Lookup', to: 'User', relationshipName: 'Owned_Plan_Objectives' }
    }
  },
  Joint_Initiative__c: {
    label: 'Joint Initiative',
    fields: {
      Account_Plan__c: { type: 'MasterDetail', to: 'Account_Plan__c', relationshipName: 'Joint_Initiatives' },
      Status__c: { type: 'Picklist', values: ['Proposed', 'Active', 'Completed', 'Cancelled'], default: 'Proposed' },
      Start_Date__c: { type: 'Date' },
      Target_Date__c: { type: 'Date' },
      Customer_Sponsor__c: { type: 'Lookup', to: 'Contact', relationshipName: 'Sponsored_Initiatives' },
      Internal_Owner__c: { type: 'Lookup', to: 'User', relationshipName: 'Owned_Initiatives' },
      Customer_Value_Target__c: money,
      Customer_Value_Realized__c: money,
      Supplier_Value_Target__c: money,
      Supplier_Value_Realized__c: money,
      Success_Measure__c: { type: 'Text', length: 255 },
      Opportunity__c: { type: 'Lookup', to: 'Opportunity', relationshipName: 'Joint_Initiatives' }
    }
  },
  Stakeholder__c: {
    label: 'Stakeholder',
    fields: {
      Account__c: toAccount('Stakeholders'),
      Contact__c: { type: 'Lookup', to: 'Contact', relationshipName: 'Stakeholder_Roles', required: true },
      Unique_Key__c: { type: 'Text', length: 40, externalId: true, unique: true },
      Buying_Role__c: { type: 'Picklist', values: ['Economic Buyer', 'Decision Maker', 'Technical Evaluator', 'Influencer', 'Champion', 'Coach', 'Gatekeeper', 'Blocker', 'End User'] },
      Influence__c: { type: 'Picklist', values: ['High', 'Medium', 'Low'] },
      Attitude__c: { type: 'Picklist', values: ['Advocate', 'Supporter', 'Neutral', 'Skeptic', 'Detractor', 'Unknown'], default: 'Unknown' },
      Relationship_Strength__c: { type: 'Picklist', values: ['Strong', 'Medium', 'Weak', 'None'] },
      Relationship_Owner__c: { type: 'Lookup', to: 'User', relationshipName: 'Owned_Stakeholders' },
      Last_Interaction__c: { type: 'Date' },
      Notes__c: { type: 'LongTextArea' }
    }
  },
  Stakeholder_Link__c: {
    label: 'Stakeholder Link',
    fields: {
      Account__c: toAccount('Stakeholder_Links'),
      From__c: { type: 'Lookup', to: 'Stakeholder__c', relationshipName: 'Outgoing_Links' },
      To__c: { type: 'Lookup', to: 'Stakeholder__c', relationshipName: 'Incoming_Links' },
      Type__c: { type: 'Picklist', values: ['Influences', 'Allied with', 'In conflict with', 'Dotted line to'] }
    }
  },
  Executive_Sponsor__c: {
    label: 'Executive Sponsor',
    fields: {
      Account__c: toAccount('Executive_Sponsors'),
      Sponsor__c: { type: 'Lookup', to: 'User', relationshipName: 'Sponsorships', required: true },
      Customer_Counterpart__c: { type: 'Lookup', to: 'Contact', relationshipName: 'Sponsor_Counterparts' },
      Role__c: { type: 'Picklist', values: ['Executive Sponsor', 'Co-Sponsor', 'Functional Sponsor'] },
      Active__c: { type: 'Checkbox', default: true },
      Start_Date__c: { type: 'Date' },
      Cadence_Days__c: { type: 'Number', precision: 4, scale: 0, default: '90' },
      Last_Engagement__c: { type: 'Date' },
      Next_Engagement__c: { type: 'Date' },
      Commitments__c: { type: 'LongTextArea' },
      Days_Since_Engagement__c: { type: 'Formula', returns: 'Number', formula: 'TODAY() - Last_Engagement__c', precision: 18, scale: 0 },
      Engagement_Status__c: {
        type: 'Formula',
        returns: 'Text',
        formula: 'IF(ISBLANK(Last_Engagement__c), "No engagement", IF(TODAY() - Last_Engagement__c > Cadence_Days__c, "Overdue", "On cadence"))'
      }
    }
  },
  Account_Metric__c: {
    label: 'Account Metric',
    fields: {
      Account__c: toAccount('Account_Metrics'),
      Snapshot_Key__c: { type: 'Text', length: 40, externalId: true, unique: true },
      ...METRIC_FIELDS,
      Revenue_Quarter__c: money,
      Revenue_TTM__c: money,
      Revenue_Prior_TTM__c: money,
      Revenue_Growth_YoY__c: percent,
      Revenue_CAGR_3Y__c: percent,
      Open_Pipeline_12M__c: money,
      Weighted_Pipeline_12M__c: money,
      Pipeline_Coverage__c: { type: 'Number', precision: 16, scale: 2 },
      Win_Rate__c: percent,
      Avg_Deal_Size__c: money,
      Avg_Sales_Cycle_Days__c: { type: 'Number', precision: 8, scale: 1 },
      Revenue_Share__c: percent,
      Customer_Value__c: money,
      Supplier_Value__c: money,
      Mutual_Value_Balance__c: { type: 'Number', precision: 5, scale: 1 },
      Strategic_Score__c: { type: 'Number', precision: 5, scale: 1 },
      Opportunity_Count__c: { type: 'Number', precision: 9, scale: 0 }
    }
  },
  Program_Metric__c: {
    label: 'Program Metric',
    fields: {
      Period_Key__c: { type: 'Text', length: 12, externalId: true, unique: true },
      ...METRIC_FIELDS,
      Strategic_Accounts__c: { type: 'Number', precision: 9, scale: 0 },
      Strategic_Revenue_TTM__c: money,
      Other_Revenue_TTM__c: money,
      Strategic_Growth_YoY__c: percent,
      Other_Growth_YoY__c: percent,
      Strategic_Revenue_Share__c: percent,
      Sponsor_Coverage__c: percent,
      Plan_Coverage__c: percent
    }
  },
  Sync_Request__c: {
    label: 'Sync Request',
    fields: {
      Account__c: { type: 'Lookup', to: 'Account', relationshipName: 'Sync_Requests', required: true },
      Status__c: { type: 'Picklist', values: ['Pending', 'Processing', 'Done', 'Failed'], default: 'Pending' },
      Message__c: { type: 'Text', length: 255 }
    }
  },
  Strategic_Score_Weight__mdt: {
    label: 'Strategic Score Weight',
    fields: {
      Criterion__c: { type: 'Picklist', values: ['Revenue_Concentration', 'Lifetime_Value', 'Influence', 'Co_Innovation', 'Collaboration', 'Risk'] },
      Weight__c: { type: 'Number', precision: 5, scale: 2 }
    }
  }
};

const WEIGHTS: Record<string, number> = { Revenue_Concentration: 25, Lifetime_Value: 20, Influence: 15, Co_Innovation: 15, Collaboration: 15, Risk: 10 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function fieldXml(name: string, spec: FieldSpec, root = true): string {
  const parts = [`<fullName>${name}</fullName>`, `<label>${name.replace(/__c$/, '').replace(/_/g, ' ')}</label>`];
  switch (spec.type) {
    case 'Text':
      parts.push('<type>Text</type>', `<length>${spec.length ?? 255}</length>`, `<required>${spec.required ?? false}</required>`);
      if (spec.externalId) parts.push('<externalId>true</externalId>');
      if (spec.unique) parts.push('<unique>true</unique>', '<caseSensitive>false</caseSensitive>');
      break;
    case 'LongTextArea':
    case 'TextArea':
      parts.push(`<type>${spec.type}</type>`, spec.type === 'LongTextArea' ? '<length>32768</length><visibleLines>5</visibleLines>' : '');
      break;
    case 'Checkbox':
      parts.push('<type>Checkbox</type>', `<defaultValue>${spec.default ?? false}</defaultValue>`);
      break;
    case 'Number':
    case 'Currency':
    case 'Percent':
      parts.push(`<type>${spec.type}</type>`, `<precision>${spec.precision}</precision>`, `<scale>${spec.scale}</scale>`);
      if (spec.default) parts.push(`<defaultValue>${spec.default}</defaultValue>`);
      break;
    case 'Date':
    case 'DateTime':
      parts.push(`<type>${spec.type}</type>`);
      break;
    case 'Picklist':
      parts.push(
        '<type>Picklist</type>',
        `<valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted>${spec.values
          .map((v) => `<value><fullName>${escape(v)}</fullName><default>${v === spec.default}</default><label>${escape(v)}</label></value>`)
          .join('')}</valueSetDefinition></valueSet>`
      );
      break;
    case 'Lookup':
      parts.push('<type>Lookup</type>', `<referenceTo>${spec.to}</referenceTo>`, `<relationshipName>${spec.relationshipName}</relationshipName>`, `<required>${spec.required ?? false}</required>`, `<deleteConstraint>${spec.required ? 'Restrict' : 'SetNull'}</deleteConstraint>`);
      break;
    case 'MasterDetail':
      parts.push('<type>MasterDetail</type>', `<referenceTo>${spec.to}</referenceTo>`, `<relationshipName>${spec.relationshipName}</relationshipName>`, '<relationshipOrder>0</relationshipOrder>', '<reparentableMasterDetail>false</reparentableMasterDetail>');
      break;
    case 'Formula':
      parts.push(`<type>${spec.returns}</type>`, `<formula>${escape(spec.formula)}</formula>`, '<formulaTreatBlanksAs>BlankAsBlank</formulaTreatBlanksAs>');
      if (spec.returns === 'Number') parts.push(`<precision>${spec.precision ?? 18}</precision>`, `<scale>${spec.scale ?? 0}</scale>`);
      else parts.push('<length>40</length>');
      break;
  }
  const body = parts.join('');
  return root ? `<?xml version="1.0" encoding="UTF-8"?>\n<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">${body}</CustomField>\n` : `<fields>${body}</fields>`;
}

/** Writes the stand-in metadata (source format) into `dir` and returns it. */
export function writeTandemFixtureSchema(dir: string): string {
  const objects = path.join(dir, 'objects');
  for (const [name, spec] of Object.entries(TANDEM_OBJECTS)) {
    const objectDir = path.join(objects, name);
    fs.mkdirSync(path.join(objectDir, 'fields'), { recursive: true });
    if (name !== 'Account') {
      const nameField = name.endsWith('__mdt') ? '' : `<nameField><label>${spec.label} Name</label><type>Text</type></nameField>`;
      fs.writeFileSync(
        path.join(objectDir, `${name}.object-meta.xml`),
        `<?xml version="1.0" encoding="UTF-8"?>\n<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>${spec.label}</label><pluralLabel>${spec.label}s</pluralLabel>${nameField}<sharingModel>ReadWrite</sharingModel></CustomObject>\n`
      );
    }
    for (const [fieldName, field] of Object.entries(spec.fields)) {
      fs.writeFileSync(path.join(objectDir, 'fields', `${fieldName}.field-meta.xml`), fieldXml(fieldName, field));
    }
    if (spec.rules) {
      fs.mkdirSync(path.join(objectDir, 'validationRules'), { recursive: true });
      for (const rule of spec.rules) {
        fs.writeFileSync(
          path.join(objectDir, 'validationRules', `${rule.name}.validationRule-meta.xml`),
          `<?xml version="1.0" encoding="UTF-8"?>\n<ValidationRule xmlns="http://soap.sforce.com/2006/04/metadata"><fullName>${rule.name}</fullName><active>true</active><errorConditionFormula>${escape(rule.formula)}</errorConditionFormula>${rule.field ? `<errorDisplayField>${rule.field}</errorDisplayField>` : ''}<errorMessage>${escape(rule.message)}</errorMessage></ValidationRule>\n`
        );
      }
    }
  }
  const cmdt = path.join(dir, 'customMetadata');
  fs.mkdirSync(cmdt, { recursive: true });
  for (const [criterion, weight] of Object.entries(WEIGHTS)) {
    fs.writeFileSync(
      path.join(cmdt, `Strategic_Score_Weight.${criterion}.md-meta.xml`),
      `<?xml version="1.0" encoding="UTF-8"?>\n<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>${criterion.replace(/_/g, ' ')}</label><protected>false</protected><values><field>Criterion__c</field><value xsi:type="xsd:string">${criterion}</value></values><values><field>Weight__c</field><value xsi:type="xsd:double">${weight}</value></values></CustomMetadata>\n`
    );
  }
  return dir;
}

let fixtureDir: string | null = null;

/** force-app's metadata once the Tandem objects exist there, else the stand-in (written once per process). */
export function tandemSchemaDirs(): string[] {
  if (fs.existsSync(path.join(DEFAULT_SCHEMA_DIR, 'objects', 'Account_Plan__c'))) return [DEFAULT_SCHEMA_DIR];
  if (!fixtureDir) fixtureDir = writeTandemFixtureSchema(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-schema-')));
  return [fixtureDir];
}
