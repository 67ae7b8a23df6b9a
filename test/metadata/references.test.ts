// Every object and field that a permission set, list view, FlexiPage, translation or LWC names
// must exist in force-app or in the short list of standard objects/fields Tandem touches.
import { brokenReferences } from './lib/check';
import { collectReferences } from './lib/collect';
import { loadMetadata, type MetadataIndex } from './lib/metadataIndex';
import {
  lwcCustomNameReferences,
  listViewReferences,
  lwcSchemaReferences,
  objectTranslationReferences,
  permissionSetReferences
} from './lib/references';
import { parseXml, type Xml } from './lib/xml';
import { DEFAULT_DIR, REPO_ROOT } from './paths';

describe('references in force-app', () => {
  const index = loadMetadata(DEFAULT_DIR);
  const refs = collectReferences(REPO_ROOT, DEFAULT_DIR);

  it('finds references from every kind of source', () => {
    const vias = new Set(refs.map((r) => r.via));
    for (const via of [
      'permission set objectPermissions',
      'permission set fieldPermissions',
      'permission set tabSettings',
      'list view columns',
      'LWC @salesforce/schema import',
      'field translation'
    ]) {
      expect({ via, found: vias.has(via) }).toEqual({ via, found: true });
    }
  });

  it('resolves every reference', () => {
    expect(brokenReferences(index, refs)).toEqual([]);
  });
});

/** A hand-made index: Account_Plan__c with Status__c (Draft/Active) and a lookup to User. */
function tinyIndex(): MetadataIndex {
  const field = (object: string, name: string, xml: Xml) => ({
    object,
    name,
    file: `${name}.field-meta.xml`,
    xml,
    type: String(xml.type)
  });
  const status = parseXml(
    '<CustomField><type>Picklist</type><valueSet><valueSetDefinition><value><fullName>Draft</fullName><label>Draft</label></value><value><fullName>Active</fullName><label>Active</label></value></valueSetDefinition></valueSet></CustomField>'
  ).CustomField as Xml;
  const owner = parseXml(
    '<CustomField><type>Lookup</type><referenceTo>User</referenceTo></CustomField>'
  ).CustomField as Xml;
  return {
    root: 'x',
    tabs: new Set(['Account_Plan__c']),
    customMetadata: new Map(),
    objects: new Map([
      [
        'Account_Plan__c',
        {
          name: 'Account_Plan__c',
          file: 'Account_Plan__c.object-meta.xml',
          xml: {},
          listViews: new Map(),
          validationRules: new Map([['Ratings_1_To_5', {}]]),
          fields: new Map([
            ['Status__c', field('Account_Plan__c', 'Status__c', status)],
            ['Owner_User__c', field('Account_Plan__c', 'Owner_User__c', owner)]
          ])
        }
      ]
    ])
  };
}

describe('broken references are reported by file and exact name', () => {
  const index = tinyIndex();
  const permissionSet = (field: string, object = 'Account_Plan__c', tab = 'Account_Plan__c') =>
    `<PermissionSet><fieldPermissions><editable>true</editable><field>${field}</field><readable>true</readable></fieldPermissions><objectPermissions><object>${object}</object></objectPermissions><tabSettings><tab>${tab}</tab></tabSettings></PermissionSet>`;

  it('accepts existing custom and standard fields', () => {
    expect(
      brokenReferences(
        index,
        permissionSetReferences('ps.xml', permissionSet('Account_Plan__c.Status__c'))
      )
    ).toEqual([]);
    expect(
      brokenReferences(
        index,
        permissionSetReferences('ps.xml', permissionSet('Opportunity.Amount', 'Opportunity'))
      )
    ).toEqual([]);
  });

  it('names a renamed field and the permission set', () => {
    expect(
      brokenReferences(
        index,
        permissionSetReferences(
          'permissionsets/Tandem_User.permissionset-meta.xml',
          permissionSet('Account_Plan__c.Statuz__c')
        )
      )
    ).toEqual([
      'permissionsets/Tandem_User.permissionset-meta.xml: permission set fieldPermissions names Account_Plan__c.Statuz__c, but field Account_Plan__c.Statuz__c does not exist'
    ]);
  });

  it('names a missing object, tab and standard field', () => {
    const messages = brokenReferences(
      index,
      permissionSetReferences(
        'ps.xml',
        permissionSet('Opportunity.Amountt', 'Account_Plans__c', 'Plan__c')
      )
    );
    expect(messages).toEqual([
      'ps.xml: permission set objectPermissions names Account_Plans__c, but object Account_Plans__c does not exist in force-app',
      'ps.xml: permission set fieldPermissions names Opportunity.Amountt, but field Opportunity.Amountt does not exist',
      'ps.xml: permission set tabSettings names Plan__c, but tab Plan__c does not exist in force-app/main/default/tabs'
    ]);
  });

  it('checks list view columns but not standard upper-case columns', () => {
    const view =
      '<ListView><columns>NAME</columns><columns>Status__c</columns><columns>Stage__c</columns><filters><field>Next_Review__c</field></filters></ListView>';
    expect(
      brokenReferences(index, listViewReferences('All.listView-meta.xml', 'Account_Plan__c', view))
    ).toEqual([
      'All.listView-meta.xml: list view columns names Account_Plan__c.Stage__c, but field Account_Plan__c.Stage__c does not exist',
      'All.listView-meta.xml: list view filters names Account_Plan__c.Next_Review__c, but field Account_Plan__c.Next_Review__c does not exist'
    ]);
  });

  it('follows relationships in LWC schema imports', () => {
    const source = [
      "import A from '@salesforce/schema/Account_Plan__c.Owner_User__r.SmallPhotoUrl';",
      "import B from '@salesforce/schema/Account_Plan__c.Owner_User__r.Photo__c';",
      "import C from '@salesforce/schema/Account_Plan__c.Sponsor__r.Name';",
      "import D from '@salesforce/schema/Plan__c';"
    ].join('\n');
    expect(brokenReferences(index, lwcSchemaReferences('lwc/x/x.js', source))).toEqual([
      'lwc/x/x.js: LWC @salesforce/schema import names Account_Plan__c.Owner_User__r.Photo__c, but field User.Photo__c does not exist',
      'lwc/x/x.js: LWC @salesforce/schema import names Account_Plan__c.Sponsor__r.Name, but relationship Account_Plan__c.Sponsor__r has no lookup or master-detail field Account_Plan__c.Sponsor__c',
      'lwc/x/x.js: LWC @salesforce/schema import names Plan__c, but object Plan__c does not exist in force-app'
    ]);
  });

  it('checks custom names used in LWC GraphQL queries against every object', () => {
    const source =
      'uiapi { query { Account_Plan__c { edges { node { Status__c { value } Stage__c { value } Owner_User__r { Name { value } } Sponsor__r { Name { value } } } } } } }';
    expect(brokenReferences(index, lwcCustomNameReferences('lwc/q/q.js', source))).toEqual([
      'lwc/q/q.js: LWC custom name names Sponsor__r, but no object has a lookup or master-detail field Sponsor__c',
      'lwc/q/q.js: LWC custom name names Stage__c, but no object or field Stage__c exists in force-app'
    ]);
  });

  it('checks translated fields, picklist labels and validation rules', () => {
    const translation =
      '<CustomObjectTranslation><fields><name>Status__c</name><picklistValues><masterLabel>Active</masterLabel></picklistValues><picklistValues><masterLabel>Closed</masterLabel></picklistValues></fields><fields><name>Stage__c</name></fields><validationRules><name>Ratings_1_To_5</name></validationRules><validationRules><name>Dates</name></validationRules></CustomObjectTranslation>';
    expect(
      brokenReferences(index, objectTranslationReferences('t.xml', 'Account_Plan__c', translation))
    ).toEqual([
      't.xml: object translation validationRules names Dates, but validation rule Account_Plan__c.Dates does not exist',
      't.xml: field translation picklistValues names Account_Plan__c.Status__c = "Closed", but picklist value "Closed" of Account_Plan__c.Status__c does not exist',
      't.xml: field translation names Account_Plan__c.Stage__c, but field Account_Plan__c.Stage__c does not exist'
    ]);
  });
});
