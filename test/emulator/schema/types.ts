// The emulator's view of an org's schema: what describe returns and what the store validates against.

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'email'
  | 'phone'
  | 'url'
  | 'picklist'
  | 'multipicklist'
  | 'boolean'
  | 'int'
  | 'double'
  | 'currency'
  | 'percent'
  | 'date'
  | 'datetime'
  | 'reference';

export interface PicklistValue {
  value: string;
  label: string;
  isDefault: boolean;
}

export interface FieldDef {
  name: string;
  label: string;
  type: FieldType;
  custom: boolean;
  /** Text length; 0 for non-text types. */
  length: number;
  precision: number;
  scale: number;
  nillable: boolean;
  /** Required on create (REQUIRED_FIELD_MISSING); implies !nillable for editable fields. */
  required: boolean;
  createable: boolean;
  updateable: boolean;
  unique: boolean;
  caseSensitive: boolean;
  externalId: boolean;
  idLookup: boolean;
  nameField: boolean;
  referenceTo: string[];
  relationshipName: string | null;
  /** The name a parent uses for these children in a subquery (`Opportunities`, `Account_Plans__r`). */
  childRelationshipName: string | null;
  /** Master-detail children are deleted with their parent; lookups are cleared (SetNull) or block it (Restrict). */
  relationship: 'masterDetail' | 'lookup' | null;
  deleteConstraint: 'SetNull' | 'Restrict' | 'Cascade' | null;
  picklistValues: PicklistValue[];
  restrictedPicklist: boolean;
  /** Formula source for calculated fields. */
  formula: string | null;
  /** `formulaTreatBlanksAs` BlankAsZero: blank number fields read as 0 inside the formula. */
  formulaBlankAsZero: boolean;
  /** Default value formula applied on create when the field is absent. */
  defaultValue: string | null;
  /** Auto-number display format such as `SP-{0000}`. */
  autoNumberFormat: string | null;
  /** Maintained by the store itself (Id, system audit fields, IsWon, Name of a person…). */
  system: boolean;
  /** Help text shown next to the field (metadata `inlineHelpText`). */
  inlineHelpText: string | null;
  /** Field history tracking (metadata `trackHistory`): a change writes a row to the object's `__History`. */
  trackHistory: boolean;
}

export interface ValidationRule {
  name: string;
  formula: string;
  message: string;
  field: string | null;
}

/** `history`: the field history object of a custom object with `enableHistory` (`Stakeholder__History`). */
export type ObjectKind = 'standard' | 'custom' | 'customMetadata' | 'history';

export interface ObjectDef {
  name: string;
  label: string;
  labelPlural: string;
  keyPrefix: string;
  kind: ObjectKind;
  fields: FieldDef[];
  /** Lower-cased field name → field. */
  fieldsByName: Map<string, FieldDef>;
  /** Lower-cased relationship name → the reference field that carries it. */
  parentRelationships: Map<string, FieldDef>;
  validationRules: ValidationRule[];
  createable: boolean;
  updateable: boolean;
  deletable: boolean;
  /** The `__History` object that records this object's tracked fields (metadata `enableHistory`). */
  historyObject?: string;
  /** On a `history` object: the object whose changes it records. */
  historyOf?: string;
  /** A custom object with `enableActivities`: a Task's or Event's WhatId may name its records. */
  activitiesEnabled?: boolean;
}

export interface ChildRelationship {
  childSObject: string;
  field: string;
  relationshipName: string;
  cascadeDelete: boolean;
}

export function fieldDefaults(name: string, type: FieldType): FieldDef {
  return {
    name,
    label: labelOf(name),
    type,
    custom: name.endsWith('__c'),
    length: 0,
    precision: 0,
    scale: 0,
    nillable: true,
    required: false,
    createable: true,
    updateable: true,
    unique: false,
    caseSensitive: false,
    externalId: false,
    idLookup: false,
    nameField: false,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    relationship: null,
    deleteConstraint: null,
    picklistValues: [],
    restrictedPicklist: false,
    formula: null,
    formulaBlankAsZero: false,
    defaultValue: null,
    autoNumberFormat: null,
    system: false,
    inlineHelpText: null,
    trackHistory: false
  };
}

/** `Revenue_Target__c` → `Revenue Target`, `AccountId` → `Account ID`. */
export function labelOf(apiName: string): string {
  const base = apiName.replace(/__(c|r|mdt)$/, '');
  if (base.endsWith('Id') && base.length > 2) return `${spaced(base.slice(0, -2))} ID`;
  return spaced(base);
}

function spaced(name: string): string {
  return name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .trim();
}

export function indexObject(def: Omit<ObjectDef, 'fieldsByName' | 'parentRelationships'>): ObjectDef {
  const object: ObjectDef = { ...def, fieldsByName: new Map(), parentRelationships: new Map() };
  reindex(object);
  return object;
}

export function reindex(object: ObjectDef): void {
  object.fieldsByName.clear();
  object.parentRelationships.clear();
  for (const field of object.fields) {
    object.fieldsByName.set(field.name.toLowerCase(), field);
    if (field.type === 'reference' && field.relationshipName) {
      object.parentRelationships.set(field.relationshipName.toLowerCase(), field);
    }
  }
}

export function isTextType(type: FieldType): boolean {
  return type === 'string' || type === 'textarea' || type === 'email' || type === 'phone' || type === 'url';
}

export function isNumericType(type: FieldType): boolean {
  return type === 'int' || type === 'double' || type === 'currency' || type === 'percent';
}
