// The three permission sets against the roles of DESIGN.md, and against the rules Salesforce
// enforces on deploy (no field permission on a required or master-detail field, formulas read-only).
import path from 'node:path';
import { loadMetadata } from './lib/metadataIndex';
import { child, list, readXml, text, type Xml } from './lib/xml';
import { DEFAULT_DIR } from './paths';

const PLAN_OBJECTS = [
  'Account_Plan__c',
  'Plan_Objective__c',
  'Joint_Initiative__c',
  'Stakeholder__c',
  'Stakeholder_Link__c',
  'Executive_Sponsor__c'
];
const METRIC_OBJECTS = ['Account_Metric__c', 'Program_Metric__c'];
// Written only by the service, read by people like the metrics.
const COMPUTED_OBJECTS = [...METRIC_OBJECTS, 'Whitespace_Cell__c'];
/** DESIGN.md's derived fields on objects people edit: the service writes these and nothing else there. */
const DERIVED_FIELDS = [
  'Executive_Sponsor__c.Engagements_90D__c',
  'Executive_Sponsor__c.Last_Engagement__c',
  'Stakeholder__c.Change_Alert__c',
  'Stakeholder__c.Change_Detected__c',
  'Stakeholder__c.Previous_Title__c'
];

interface Access {
  create: boolean;
  read: boolean;
  edit: boolean;
  delete: boolean;
  viewAll: boolean;
  modifyAll: boolean;
}

function load(name: string): {
  objects: Map<string, Access>;
  editable: string[];
  readable: string[];
  fields: string[];
  tabs: string[];
} {
  const set =
    child(
      readXml(path.join(DEFAULT_DIR, 'permissionsets', `${name}.permissionset-meta.xml`)),
      'PermissionSet'
    ) ?? {};
  const objects = new Map<string, Access>();
  for (const p of list(set.objectPermissions)) {
    const flag = (key: string) => text(p, key) === 'true';
    objects.set(text(p, 'object') ?? '', {
      create: flag('allowCreate'),
      read: flag('allowRead'),
      edit: flag('allowEdit'),
      delete: flag('allowDelete'),
      viewAll: flag('viewAllRecords'),
      modifyAll: flag('modifyAllRecords')
    });
  }
  const fieldPermissions = list(set.fieldPermissions) as Xml[];
  return {
    objects,
    fields: fieldPermissions.map((p) => text(p, 'field') ?? ''),
    editable: fieldPermissions
      .filter((p) => text(p, 'editable') === 'true')
      .map((p) => text(p, 'field') ?? ''),
    readable: fieldPermissions
      .filter((p) => text(p, 'readable') === 'true')
      .map((p) => text(p, 'field') ?? ''),
    tabs: list(set.tabSettings).map((t) => `${text(t, 'tab')}:${text(t, 'visibility')}`)
  };
}

const objectOf = (field: string): string => field.split('.')[0] ?? '';
const writers = (sets: ReturnType<typeof load>) =>
  [...sets.objects]
    .filter(([, a]) => a.create || a.edit || a.delete)
    .map(([o]) => o)
    .sort();

describe('permission sets follow Salesforce rules', () => {
  const index = loadMetadata(DEFAULT_DIR);
  for (const name of ['Tandem_User', 'Tandem_Sponsor', 'Tandem_Integration']) {
    it(`${name}: no field permission on a required or master-detail field, formulas read-only, none with view/modify all`, () => {
      const set = load(name);
      const problems: string[] = [];
      for (const field of set.fields) {
        const [object = '', fieldName = ''] = field.split('.');
        const info = index.objects.get(object)?.fields.get(fieldName);
        if (!info) continue; // standard fields; existence is checked in references.test.ts
        if (text(info.xml, 'required') === 'true')
          problems.push(`${field} is required: Salesforce rejects field permissions on it`);
        if (info.type === 'MasterDetail')
          problems.push(`${field} is master-detail: Salesforce rejects field permissions on it`);
        if (text(info.xml, 'formula') && set.editable.includes(field))
          problems.push(`${field} is a formula and cannot be editable`);
        if (!set.readable.includes(field)) problems.push(`${field} is listed but not readable`);
      }
      for (const [object, access] of set.objects) {
        if (access.viewAll || access.modifyAll)
          problems.push(`${object}: view/modify all records is more than the role needs`);
        if ((access.edit || access.create) && !access.read)
          problems.push(`${object}: edit or create without read`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('grant every custom field Salesforce allows to whoever reads its object', () => {
    const missing: string[] = [];
    for (const name of ['Tandem_User', 'Tandem_Sponsor', 'Tandem_Integration']) {
      const set = load(name);
      for (const [object, access] of set.objects) {
        const info = index.objects.get(object);
        if (!access.read || !info) continue;
        for (const field of info.fields.values()) {
          const allowed = text(field.xml, 'required') !== 'true' && field.type !== 'MasterDetail';
          if (allowed && !set.readable.includes(`${object}.${field.name}`))
            missing.push(`${name}: ${object}.${field.name}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('permission sets match the roles of DESIGN.md', () => {
  it('Tandem_User edits plans, objectives, initiatives, stakeholders, links and sponsors, requests syncs, reads metrics', () => {
    const set = load('Tandem_User');
    for (const object of PLAN_OBJECTS)
      expect({ object, ...set.objects.get(object) }).toMatchObject({
        object,
        create: true,
        read: true,
        edit: true,
        delete: true
      });
    expect(set.objects.get('Sync_Request__c')).toMatchObject({
      create: true,
      read: true,
      edit: false,
      delete: false
    });
    for (const object of COMPUTED_OBJECTS)
      expect({ object, ...set.objects.get(object) }).toMatchObject({
        object,
        read: true,
        create: false,
        edit: false,
        delete: false
      });
    expect(writers(set)).toEqual([...PLAN_OBJECTS, 'Sync_Request__c'].sort());
    expect(set.editable.filter((f) => COMPUTED_OBJECTS.includes(objectOf(f)))).toEqual([]);
    // A person clears a change alert (the editor blanks its three fields); what the service
    // counted stays the service's.
    expect(set.editable.filter((f) => DERIVED_FIELDS.includes(f))).toEqual([
      'Executive_Sponsor__c.Last_Engagement__c',
      'Stakeholder__c.Change_Alert__c',
      'Stakeholder__c.Change_Detected__c',
      'Stakeholder__c.Previous_Title__c'
    ]);
    expect(set.tabs).toEqual(['Account_Plan__c:Visible', 'Tandem_Program:Visible']);
  });

  it('Tandem_Sponsor reads everything and edits only the engagement fields of Executive_Sponsor__c', () => {
    const set = load('Tandem_Sponsor');
    for (const object of [...PLAN_OBJECTS, ...COMPUTED_OBJECTS])
      expect({ object, read: set.objects.get(object)?.read }).toEqual({ object, read: true });
    expect(writers(set)).toEqual(['Executive_Sponsor__c']);
    expect(set.objects.get('Executive_Sponsor__c')).toMatchObject({
      create: false,
      edit: true,
      delete: false
    });
    expect([...set.editable].sort()).toEqual([
      'Executive_Sponsor__c.Commitments__c',
      'Executive_Sponsor__c.Last_Engagement__c',
      'Executive_Sponsor__c.Next_Engagement__c'
    ]);
    expect(set.tabs).toEqual(['Account_Plan__c:Visible', 'Tandem_Program:Visible']);
  });

  it('Tandem_Integration reads the inputs and writes only the computed objects, the derived fields and the status of sync requests', () => {
    const set = load('Tandem_Integration');
    // Activities, users and opportunity products come with the profile: Salesforce takes no
    // object permission on Event, Task, User or OpportunityLineItem.
    for (const object of ['Account', 'Opportunity', 'Contact', 'Product2', ...PLAN_OBJECTS])
      expect({ object, read: set.objects.get(object)?.read }).toEqual({ object, read: true });
    expect(writers(set)).toEqual(
      [...COMPUTED_OBJECTS, 'Executive_Sponsor__c', 'Stakeholder__c', 'Sync_Request__c'].sort()
    );
    // The sync deletes what it computed that no longer applies: metric rows of quarters that left
    // the window or of a group without children, cells of a subsidiary that moved away.
    for (const object of COMPUTED_OBJECTS)
      expect({ object, ...set.objects.get(object) }).toMatchObject({
        object,
        create: true,
        edit: true,
        delete: true
      });
    for (const object of ['Executive_Sponsor__c', 'Stakeholder__c', 'Sync_Request__c'])
      expect({ object, ...set.objects.get(object) }).toMatchObject({
        object,
        create: false,
        edit: true,
        delete: false
      });
    const editableOutsideComputed = set.editable
      .filter((f) => !COMPUTED_OBJECTS.includes(objectOf(f)))
      .sort();
    expect(editableOutsideComputed).toEqual([
      ...DERIVED_FIELDS,
      'Sync_Request__c.Message__c',
      'Sync_Request__c.Status__c'
    ]);
    expect(set.tabs).toEqual([]);
  });
});
