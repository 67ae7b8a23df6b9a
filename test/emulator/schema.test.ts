// The schema loader: source format (force-app style), metadata-API `.object` format (`--schema`),
// standard-object extensions, validation rules, custom metadata, and what it cannot emulate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SCHEMA_DIR } from './index';
import { buildSchema } from './schema/schema';
import { fieldXml } from './testing/fieldXml';

describe('schema loader', () => {
  it('loads source-format objects, extensions of standard objects and custom metadata records', () => {
    const schema = buildSchema({ dirs: [DEFAULT_SCHEMA_DIR] });
    const plan = schema.object('account_plan__c')!;
    expect(plan.keyPrefix).toMatch(/^a\w\w$/);
    expect(plan.fieldsByName.get('account__c')).toMatchObject({ type: 'reference', relationship: 'masterDetail', referenceTo: ['Account'], relationshipName: 'Account__r' });
    // A master-detail child has no owner.
    expect(plan.fieldsByName.has('ownerid')).toBe(false);
    expect(schema.object('Account')!.fieldsByName.get('strategic_account__c')).toMatchObject({ type: 'boolean', custom: true });
    expect(schema.childRelationship('Account', 'Account_Plans__r')).toMatchObject({ childSObject: 'Account_Plan__c', cascadeDelete: true });
    expect(schema.customMetadata.filter((r) => r.type === 'Strategic_Score_Weight__mdt')).toHaveLength(6);
    expect(schema.warnings).toEqual([]);
  });

  it('loads metadata-API .object files, as --schema folders of other projects use', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mdapi-'));
    fs.mkdirSync(path.join(dir, 'objects'));
    const fields = [
      fieldXml('Invoice_Number__c', { type: 'Text', length: 20, externalId: true, unique: true }, false),
      fieldXml('Total__c', { type: 'Currency', precision: 16, scale: 2 }, false),
      fieldXml('Account__c', { type: 'Lookup', to: 'Account', relationshipName: 'Invoices' }, false),
      '<fields><fullName>Where__c</fullName><label>Where</label><type>Location</type></fields>'
    ].join('');
    fs.writeFileSync(
      path.join(dir, 'objects', 'Invoice__c.object'),
      `<?xml version="1.0" encoding="UTF-8"?><CustomObject xmlns="http://soap.sforce.com/2006/04/metadata"><label>Invoice</label><pluralLabel>Invoices</pluralLabel><nameField><label>Invoice Name</label><type>AutoNumber</type><displayFormat>INV-{0000}</displayFormat></nameField>${fields}<validationRules><fullName>Positive_Total</fullName><active>true</active><errorConditionFormula>Total__c &lt; 0</errorConditionFormula><errorMessage>Totals are positive.</errorMessage></validationRules></CustomObject>`
    );
    const schema = buildSchema({ dirs: [dir] });
    const invoice = schema.object('Invoice__c')!;
    expect(invoice.fieldsByName.get('name')).toMatchObject({ autoNumberFormat: 'INV-{0000}', createable: false });
    expect(invoice.fieldsByName.get('invoice_number__c')).toMatchObject({ externalId: true, unique: true, length: 20 });
    expect(invoice.fieldsByName.get('total__c')).toMatchObject({ type: 'currency', precision: 16, scale: 2 });
    expect(invoice.validationRules).toEqual([{ name: 'Positive_Total', formula: 'Total__c < 0', message: 'Totals are positive.', field: null }]);
    expect(schema.childRelationship('Account', 'Invoices__r')).toMatchObject({ childSObject: 'Invoice__c', field: 'Account__c' });
    expect(schema.warnings).toEqual([expect.stringContaining('Invoice__c.Where__c: field type Location is not emulated')]);
  });

  it('names a missing schema folder', () => {
    expect(() => buildSchema({ dirs: ['/nonexistent/force-app'] })).toThrow('schema folder not found: /nonexistent/force-app');
  });
});
