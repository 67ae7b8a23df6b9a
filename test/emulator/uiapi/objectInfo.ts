// The UI API's Object Info and Picklist Values representations, as `getObjectInfo`,
// `getPicklistValues` and `getPicklistValuesByRecordType` read them: the object's metadata for
// the context user (only fields they may read; createable/updateable from their permissions),
// labels in the user's language from the metadata's translations. Orgs here have no record
// types, so every object has only the master record type.
import crypto from 'node:crypto';
import type { Schema } from '../schema/schema';
import { translationsFor, type ObjectTranslation } from '../schema/translations';
import type { FieldDef, FieldType, ObjectDef, PicklistValue } from '../schema/types';
import type { UiAccess } from './access';
import type { ContextUser } from './contextUser';

/** The master record type's id, the default record type of an object without record types. */
export const MASTER_RECORD_TYPE_ID = '012000000000000AAA';

const DATA_TYPES: Record<FieldType, string> = {
  id: 'Id',
  string: 'String',
  textarea: 'TextArea',
  email: 'Email',
  phone: 'Phone',
  url: 'Url',
  picklist: 'Picklist',
  multipicklist: 'MultiPicklist',
  boolean: 'Boolean',
  int: 'Int',
  double: 'Double',
  currency: 'Currency',
  percent: 'Percent',
  date: 'Date',
  datetime: 'DateTime',
  reference: 'Reference'
};

/** Salesforce's theme colours and icons for the standard objects Tandem touches. */
const STANDARD_THEMES: Record<string, { color: string; icon: string }> = {
  Account: { color: '7F8DE1', icon: 'standard/account' },
  Contact: { color: 'A094ED', icon: 'standard/contact' },
  Opportunity: { color: 'FCB95B', icon: 'standard/opportunity' },
  OpportunityLineItem: { color: 'FCB95B', icon: 'standard/opportunity' },
  Product2: { color: 'B781D3', icon: 'standard/product' },
  Event: { color: 'EB7092', icon: 'standard/event' },
  Task: { color: '4BC076', icon: 'standard/task' },
  User: { color: '34BECD', icon: 'standard/user' }
};

export interface PicklistValueJson {
  attributes: null;
  label: string;
  validFor: number[];
  value: string;
}

export interface PicklistValuesJson {
  controllerValues: Record<string, number>;
  defaultValue: PicklistValueJson | null;
  eTag: string;
  url: string;
  values: PicklistValueJson[];
}

/** A version tag of a representation (its content's hash). */
export function eTag(value: unknown): string {
  return crypto.createHash('md5').update(JSON.stringify(value)).digest('hex');
}

function translationOf(schema: Schema, object: ObjectDef, user: ContextUser): ObjectTranslation | undefined {
  return translationsFor(schema.translations, user.language)?.get(object.name.toLowerCase());
}

/** A field's label in the user's language (a custom object's Name from nameFieldLabel). */
export function fieldLabel(schema: Schema, object: ObjectDef, field: FieldDef, user: ContextUser): string {
  const translation = translationOf(schema, object, user);
  if (!translation) return field.label;
  if (field.nameField && object.kind === 'custom' && field.name === 'Name' && translation.nameFieldLabel) return translation.nameFieldLabel;
  return translation.fields.get(field.name.toLowerCase())?.label ?? field.label;
}

/** A picklist value's label in the user's language (translations are keyed by the master label). */
export function picklistLabel(schema: Schema, object: ObjectDef, field: FieldDef, value: PicklistValue, user: ContextUser): string {
  const translated = translationOf(schema, object, user)?.fields.get(field.name.toLowerCase())?.picklistLabels;
  return translated?.get(value.label) ?? translated?.get(value.value) ?? value.label;
}

function nameFields(object: ObjectDef): string[] {
  const names = object.fields.filter((f) => f.nameField).map((f) => f.name);
  for (const part of ['FirstName', 'LastName']) if (object.fieldsByName.has(part.toLowerCase()) && names.length > 0) names.push(part);
  return names.sort();
}

function fieldInfo(schema: Schema, object: ObjectDef, field: FieldDef, user: ContextUser, access: UiAccess): Record<string, unknown> {
  const editable = access.canEditField(object.name, field);
  const longText = field.type === 'textarea' && field.length > 255;
  return {
    apiName: field.name,
    calculated: field.formula !== null,
    compound: false,
    compoundComponentName: null,
    compoundFieldName: null,
    controllerName: null,
    controllingFields: [],
    createable: field.createable && editable && access.canCreateObject(object.name),
    custom: field.custom,
    dataType: DATA_TYPES[field.type],
    externalId: field.externalId,
    extraTypeInfo: field.type === 'textarea' ? 'PlainTextArea' : null,
    filterable: !longText,
    filteredLookupInfo: null,
    highScaleNumber: false,
    htmlFormatted: false,
    inlineHelpText: translationOf(schema, object, user)?.fields.get(field.name.toLowerCase())?.help ?? field.inlineHelpText,
    label: fieldLabel(schema, object, field, user),
    length: field.length,
    nameField: field.nameField,
    polymorphicForeignKey: field.referenceTo.length > 1,
    precision: field.precision,
    reference: field.type === 'reference',
    referenceTargetField: null,
    referenceToInfos:
      field.type === 'reference'
        ? field.referenceTo
            .map((target) => schema.object(target))
            .filter((target): target is ObjectDef => target !== undefined)
            .map((target) => ({ apiName: target.name, nameFields: nameFields(target) }))
        : [],
    relationshipName: field.relationshipName,
    required: field.required,
    scale: field.scale,
    searchPrefilterable: false,
    sortable: !longText,
    unique: field.unique,
    updateable: field.updateable && editable && access.canEditObject(object.name)
  };
}

/** `GET /ui-api/object-info/{objectApiName}`: the Object Info representation for this user. */
export function objectInfo(schema: Schema, object: ObjectDef, user: ContextUser, access: UiAccess, instanceUrl: string): Record<string, unknown> {
  const translation = translationOf(schema, object, user);
  const fields: Record<string, unknown> = {};
  for (const field of [...object.fields].sort((a, b) => a.name.localeCompare(b.name))) {
    if (access.canReadField(object.name, field)) fields[field.name] = fieldInfo(schema, object, field, user, access);
  }
  const theme = STANDARD_THEMES[object.name];
  const customIndex = (parseInt(object.keyPrefix.slice(1), 36) % 100) + 1;
  const info: Record<string, unknown> = {
    apiName: object.name,
    associateEntityType: null,
    associateParentEntity: null,
    childRelationships: schema
      .childRelationships(object.name)
      .filter((child) => access.canReadObject(child.childSObject))
      .map((child) => ({ childObjectApiName: child.childSObject, fieldName: child.field, junctionIdListNames: [], junctionReferenceTo: [], relationshipName: child.relationshipName })),
    compactLayoutable: object.kind !== 'customMetadata',
    createable: object.createable && access.canCreateObject(object.name),
    custom: object.kind !== 'standard',
    defaultRecordTypeId: MASTER_RECORD_TYPE_ID,
    deletable: object.deletable && access.canDeleteObject(object.name),
    dependentFields: {},
    feedEnabled: false,
    fields,
    keyPrefix: object.keyPrefix,
    label: translation?.label ?? object.label,
    labelPlural: translation?.labelPlural ?? object.labelPlural,
    layoutable: object.kind !== 'customMetadata',
    mruEnabled: object.kind !== 'customMetadata',
    nameFields: nameFields(object),
    queryable: true,
    recordTypeInfos: {
      [MASTER_RECORD_TYPE_ID]: { available: true, defaultRecordTypeMapping: true, master: true, name: 'Master', recordTypeId: MASTER_RECORD_TYPE_ID }
    },
    searchLayoutable: object.kind !== 'customMetadata',
    searchable: object.kind !== 'customMetadata',
    themeInfo: {
      color: theme?.color ?? '6E7AD0',
      iconUrl: `${instanceUrl}/img/icon/t4v35/${theme?.icon ?? `custom/custom${customIndex}`}_120.png`
    },
    updateable: object.updateable && access.canEditObject(object.name)
  };
  return { ...info, eTag: eTag(info) };
}

/** The picklist fields of an object this user may read. */
export function readablePicklists(object: ObjectDef, access: UiAccess): FieldDef[] {
  return object.fields.filter((f) => (f.type === 'picklist' || f.type === 'multipicklist') && access.canReadField(object.name, f));
}

/** The Picklist Values representation of one field under the master record type. */
export function picklistValues(schema: Schema, object: ObjectDef, field: FieldDef, user: ContextUser, base: string): PicklistValuesJson {
  const values = field.picklistValues.map((value) => ({ attributes: null, label: picklistLabel(schema, object, field, value, user), validFor: [], value: value.value }));
  const defaultIndex = field.picklistValues.findIndex((value) => value.isDefault);
  const body = {
    controllerValues: {},
    defaultValue: defaultIndex >= 0 ? values[defaultIndex]! : null,
    url: `${base}/ui-api/object-info/${object.name}/picklist-values/${MASTER_RECORD_TYPE_ID}/${field.name}`,
    values
  };
  return { ...body, eTag: eTag(body) };
}
