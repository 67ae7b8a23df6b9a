// describe and describeGlobal bodies, in the shape the REST API returns them.
import type { Store } from '../store/store';
import type { FieldDef, ObjectDef } from './types';

const SOAP_TYPES: Record<string, string> = {
  id: 'tns:ID',
  reference: 'tns:ID',
  boolean: 'xsd:boolean',
  int: 'xsd:int',
  double: 'xsd:double',
  currency: 'xsd:double',
  percent: 'xsd:double',
  date: 'xsd:date',
  datetime: 'xsd:dateTime'
};

function urls(object: ObjectDef, base: string): Record<string, string> {
  const sobject = `${base}/sobjects/${object.name}`;
  return {
    compactLayouts: `${sobject}/describe/compactLayouts`,
    rowTemplate: `${sobject}/{ID}`,
    approvalLayouts: `${sobject}/describe/approvalLayouts`,
    defaultValues: `${sobject}/defaultValues?recordTypeId&fields`,
    describe: `${sobject}/describe`,
    quickActions: `${sobject}/quickActions`,
    layouts: `${sobject}/describe/layouts`,
    sobject
  };
}

/**
 * What describe shows of the caller's rights: objects and fields they may not read are left out,
 * and createable/updateable/deletable are theirs. Omitted: everything, as for an admin.
 */
export interface Describer {
  canReadObject(object: string): boolean;
  canCreate(object: string): boolean;
  canEdit(object: string): boolean;
  canDelete(object: string): boolean;
  canReadField(object: string, field: FieldDef): boolean;
  canCreateField(object: string, field: FieldDef): boolean;
  canUpdateField(object: string, field: FieldDef): boolean;
}

const EVERYTHING: Describer = {
  canReadObject: () => true,
  canCreate: () => true,
  canEdit: () => true,
  canDelete: () => true,
  canReadField: () => true,
  canCreateField: (_object, field) => field.createable,
  canUpdateField: (_object, field) => field.updateable
};

function objectFlags(object: ObjectDef, who: Describer): Record<string, unknown> {
  return {
    activateable: false,
    createable: object.createable && who.canCreate(object.name),
    custom: object.kind !== 'standard',
    customSetting: false,
    deletable: object.deletable && who.canDelete(object.name),
    deprecatedAndHidden: false,
    feedEnabled: false,
    hasSubtypes: false,
    isSubtype: false,
    keyPrefix: object.keyPrefix,
    label: object.label,
    labelPlural: object.labelPlural,
    layoutable: object.kind !== 'customMetadata',
    mergeable: object.name === 'Account' || object.name === 'Contact',
    mruEnabled: object.kind !== 'customMetadata',
    name: object.name,
    queryable: true,
    replicateable: object.kind !== 'customMetadata',
    retrieveable: true,
    searchable: object.kind !== 'customMetadata',
    triggerable: object.kind !== 'customMetadata',
    undeletable: object.deletable && who.canDelete(object.name),
    updateable: object.updateable && who.canEdit(object.name)
  };
}

export function describeGlobal(store: Store, base: string, who: Describer = EVERYTHING): unknown {
  return {
    encoding: 'UTF-8',
    maxBatchSize: 200,
    sobjects: store.schema.objects.filter((object) => who.canReadObject(object.name)).map((object) => ({ ...objectFlags(object, who), urls: urls(object, base) }))
  };
}

function describeField(store: Store, object: ObjectDef, field: FieldDef, who: Describer): Record<string, unknown> {
  const numeric = ['int', 'double', 'currency', 'percent'].includes(field.type);
  const text = !numeric && !['boolean', 'date', 'datetime'].includes(field.type);
  let picklistValues = field.picklistValues.map((p) => ({ active: true, defaultValue: p.isDefault, label: p.label, validFor: null, value: p.value }));
  if (field.name === 'CurrencyIsoCode') {
    const currencies = store.table('CurrencyType');
    picklistValues = [];
    if (currencies) {
      for (let row = 0; row < currencies.size; row++) {
        if (!currencies.isLive(row)) continue;
        const iso = String(currencies.column('IsoCode')!.get(row));
        picklistValues.push({ active: currencies.column('IsActive')!.get(row) === true, defaultValue: currencies.column('IsCorporate')!.get(row) === true, label: iso, validFor: null, value: iso });
      }
    }
  }
  return {
    aggregatable: field.type !== 'textarea' && field.type !== 'boolean',
    autoNumber: field.autoNumberFormat !== null,
    byteLength: text ? field.length * 3 : 0,
    calculated: field.formula !== null,
    calculatedFormula: field.formula,
    cascadeDelete: false,
    caseSensitive: field.caseSensitive,
    createable: who.canCreateField(object.name, field),
    custom: field.custom,
    defaultValue: field.type === 'boolean' ? field.defaultValue === 'true' : null,
    defaultValueFormula: field.type === 'boolean' ? null : field.defaultValue,
    defaultedOnCreate: field.defaultValue !== null || field.system || field.name === 'OwnerId' || field.autoNumberFormat !== null,
    dependentPicklist: false,
    deprecatedAndHidden: false,
    digits: field.type === 'int' ? field.precision : 0,
    externalId: field.externalId,
    filterable: !(field.type === 'textarea' && field.length > 255),
    groupable: !['double', 'currency', 'percent', 'textarea', 'datetime'].includes(field.type),
    htmlFormatted: false,
    idLookup: field.idLookup,
    label: field.label,
    length: text ? field.length : 0,
    name: field.name,
    nameField: field.nameField,
    namePointing: false,
    nillable: field.nillable,
    permissionable: field.custom && field.nillable,
    picklistValues,
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: numeric && field.type !== 'int' ? field.precision : 0,
    referenceTargetField: null,
    referenceTo: field.referenceTo,
    relationshipName: field.relationshipName,
    relationshipOrder: field.relationship === 'masterDetail' ? 0 : null,
    restrictedDelete: field.deleteConstraint === 'Restrict',
    restrictedPicklist: field.restrictedPicklist,
    scale: numeric ? field.scale : 0,
    soapType: SOAP_TYPES[field.type] ?? 'xsd:string',
    sortable: !(field.type === 'textarea' && field.length > 255) && field.type !== 'multipicklist',
    type: field.type,
    unique: field.unique,
    updateable: who.canUpdateField(object.name, field),
    writeRequiresMasterRead: false
  };
}

export function describeObject(store: Store, object: ObjectDef, base: string, who: Describer = EVERYTHING): unknown {
  const visibleChild = (child: { childSObject: string; field: string }): boolean => {
    const def = store.schema.object(child.childSObject);
    const link = def?.fieldsByName.get(child.field.toLowerCase());
    return def !== undefined && link !== undefined && who.canReadObject(def.name) && who.canReadField(def.name, link);
  };
  return {
    actionOverrides: [],
    ...objectFlags(object, who),
    childRelationships: store.schema.childRelationships(object.name).filter(visibleChild).map((child) => ({
      cascadeDelete: child.cascadeDelete,
      childSObject: child.childSObject,
      deprecatedAndHidden: false,
      field: child.field,
      junctionIdListNames: [],
      junctionReferenceTo: [],
      relationshipName: child.relationshipName,
      restrictedDelete: false
    })),
    compactLayoutable: object.kind !== 'customMetadata',
    fields: object.fields.filter((field) => who.canReadField(object.name, field)).map((field) => describeField(store, object, field, who)),
    namedLayoutInfos: [],
    networkScopeFieldName: null,
    recordTypeInfos: [
      {
        active: true,
        available: true,
        defaultRecordTypeMapping: true,
        developerName: 'Master',
        master: true,
        name: 'Master',
        recordTypeId: '012000000000000AAA',
        urls: { layout: `${base}/sobjects/${object.name}/describe/layouts/012000000000000AAA` }
      }
    ],
    supportedScopes: [],
    urls: urls(object, base)
  };
}
