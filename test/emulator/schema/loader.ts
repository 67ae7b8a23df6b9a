// Reads object and field definitions from Salesforce metadata on disk, in source format
// (`objects/<Obj>/<Obj>.object-meta.xml`, `objects/<Obj>/fields/*.field-meta.xml`,
// `validationRules/*.validationRule-meta.xml`) or metadata-API format (`objects/<Obj>.object`),
// plus custom metadata records (`customMetadata/<Type>.<Record>.md-meta.xml` or `.md`).
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { customField } from './standard';
import type { FieldDef, FieldType, PicklistValue, ValidationRule } from './types';

export interface LoadedObject {
  name: string;
  label: string | null;
  labelPlural: string | null;
  nameField: { label: string; type: 'Text' | 'AutoNumber'; displayFormat: string | null } | null;
  /** `enableHistory`, `enableActivities` as the object's file says (null when it does not). */
  enableHistory: boolean | null;
  enableActivities: boolean | null;
  fields: FieldDef[];
  validationRules: ValidationRule[];
}

export interface CustomMetadataRecord {
  type: string;
  developerName: string;
  label: string;
  values: Record<string, string | null>;
}

export interface LoadedMetadata {
  objects: LoadedObject[];
  customMetadata: CustomMetadataRecord[];
  warnings: string[];
}

const ARRAY_PATHS = [
  'CustomObject.fields',
  'CustomObject.validationRules',
  'CustomObject.fields.valueSet.valueSetDefinition.value',
  'CustomField.valueSet.valueSetDefinition.value',
  'CustomField.referenceTo',
  'CustomMetadata.values'
];

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jpath) => ARRAY_PATHS.includes(String(jpath))
});

type Xml = Record<string, unknown>;

function str(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'object') {
    const text = (node as Xml)['#text'];
    return text === undefined ? null : String(text);
  }
  return String(node);
}

/** An element that may occur once or many times, as a list. */
function list(node: unknown): unknown[] {
  return node === undefined || node === null ? [] : Array.isArray(node) ? node : [node];
}

function bool(node: unknown): boolean {
  return str(node) === 'true';
}

function num(node: unknown, fallback: number): number {
  const value = str(node);
  return value === null ? fallback : Number(value);
}

/** Loads every object, field, validation rule and custom metadata record under `dir`. */
export function loadMetadata(dir: string): LoadedMetadata {
  const result: LoadedMetadata = { objects: [], customMetadata: [], warnings: [] };
  for (const objectsDir of findDirs(dir, 'objects')) {
    for (const entry of fs.readdirSync(objectsDir, { withFileTypes: true })) {
      const full = path.join(objectsDir, entry.name);
      if (entry.isDirectory()) result.objects.push(loadSourceObject(full, entry.name, result.warnings));
      else if (entry.name.endsWith('.object')) result.objects.push(loadMdapiObject(full, result.warnings));
    }
  }
  for (const cmdtDir of findDirs(dir, 'customMetadata')) {
    for (const name of fs.readdirSync(cmdtDir)) {
      if (name.endsWith('.md-meta.xml') || name.endsWith('.md')) {
        result.customMetadata.push(loadCustomMetadataRecord(path.join(cmdtDir, name)));
      }
    }
  }
  return result;
}

/** `dir` itself when it is named `name`, else every folder of that name below it. */
export function findDirs(dir: string, name: string): string[] {
  if (!fs.existsSync(dir)) throw new Error(`schema folder not found: ${dir}`);
  if (path.basename(dir) === name) return [dir];
  const found: string[] = [];
  const walk = (current: string, depth: number): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.name === name) found.push(full);
      else if (depth < 6 && entry.name !== 'lwc' && entry.name !== 'objects') walk(full, depth + 1);
    }
  };
  walk(dir, 0);
  return found;
}

function parseFile(file: string): Xml {
  return parser.parse(fs.readFileSync(file, 'utf8')) as Xml;
}

function loadSourceObject(dir: string, name: string, warnings: string[]): LoadedObject {
  const objectFile = path.join(dir, `${name}.object-meta.xml`);
  const object = fs.existsSync(objectFile) ? ((parseFile(objectFile).CustomObject ?? {}) as Xml) : {};
  const loaded = objectHeader(name, object);
  const fieldsDir = path.join(dir, 'fields');
  if (fs.existsSync(fieldsDir)) {
    for (const file of fs.readdirSync(fieldsDir).sort()) {
      if (!file.endsWith('.field-meta.xml')) continue;
      const xml = (parseFile(path.join(fieldsDir, file)).CustomField ?? {}) as Xml;
      const fullName = str(xml.fullName) ?? file.replace('.field-meta.xml', '');
      const field = toField(fullName, xml, `${name}.${fullName}`, warnings);
      if (field) loaded.fields.push(field);
    }
  }
  const rulesDir = path.join(dir, 'validationRules');
  if (fs.existsSync(rulesDir)) {
    for (const file of fs.readdirSync(rulesDir).sort()) {
      if (!file.endsWith('.validationRule-meta.xml')) continue;
      const xml = (parseFile(path.join(rulesDir, file)).ValidationRule ?? {}) as Xml;
      const rule = toValidationRule(str(xml.fullName) ?? file.replace('.validationRule-meta.xml', ''), xml);
      if (rule) loaded.validationRules.push(rule);
    }
  }
  return loaded;
}

function loadMdapiObject(file: string, warnings: string[]): LoadedObject {
  const name = path.basename(file, '.object');
  const object = (parseFile(file).CustomObject ?? {}) as Xml;
  const loaded = objectHeader(name, object);
  for (const xml of list(object.fields) as Xml[]) {
    const fullName = str(xml.fullName);
    if (!fullName) continue;
    const field = toField(fullName, xml, `${name}.${fullName}`, warnings);
    if (field) loaded.fields.push(field);
  }
  for (const xml of list(object.validationRules) as Xml[]) {
    const rule = toValidationRule(str(xml.fullName) ?? 'rule', xml);
    if (rule) loaded.validationRules.push(rule);
  }
  return loaded;
}

function objectHeader(name: string, object: Xml): LoadedObject {
  const nameFieldXml = object.nameField as Xml | undefined;
  return {
    name,
    label: str(object.label),
    labelPlural: str(object.pluralLabel),
    nameField: nameFieldXml
      ? {
          label: str(nameFieldXml.label) ?? 'Name',
          type: str(nameFieldXml.type) === 'AutoNumber' ? 'AutoNumber' : 'Text',
          displayFormat: str(nameFieldXml.displayFormat)
        }
      : null,
    enableHistory: object.enableHistory === undefined ? null : bool(object.enableHistory),
    enableActivities: object.enableActivities === undefined ? null : bool(object.enableActivities),
    fields: [],
    validationRules: []
  };
}

function toValidationRule(name: string, xml: Xml): ValidationRule | null {
  if (str(xml.active) === 'false') return null;
  const formula = str(xml.errorConditionFormula);
  if (!formula) return null;
  return { name, formula, message: str(xml.errorMessage) ?? name, field: str(xml.errorDisplayField) };
}

const TYPE_MAP: Record<string, FieldType> = {
  Text: 'string',
  TextArea: 'textarea',
  LongTextArea: 'textarea',
  Html: 'textarea',
  EncryptedText: 'string',
  Email: 'email',
  Phone: 'phone',
  Url: 'url',
  Picklist: 'picklist',
  MultiselectPicklist: 'multipicklist',
  Checkbox: 'boolean',
  Number: 'double',
  Currency: 'currency',
  Percent: 'percent',
  Date: 'date',
  DateTime: 'datetime',
  Lookup: 'reference',
  MasterDetail: 'reference',
  MetadataRelationship: 'string',
  AutoNumber: 'string'
};

function toField(name: string, xml: Xml, where: string, warnings: string[]): FieldDef | null {
  const xmlType = str(xml.type) ?? 'Text';
  const formula = str(xml.formula);
  let type = TYPE_MAP[xmlType];
  if (!type) {
    warnings.push(`${where}: field type ${xmlType} is not emulated; the field is left out`);
    return null;
  }
  if (formula && xmlType === 'Text') type = 'string';
  const field = customField(name, type, { label: str(xml.label) ?? name, inlineHelpText: str(xml.inlineHelpText) });
  field.length = num(xml.length, type === 'textarea' ? (xmlType === 'TextArea' ? 255 : 32768) : 0);
  if (type === 'email' || type === 'phone') field.length = field.length || (type === 'email' ? 80 : 40);
  if (type === 'url') field.length = field.length || 255;
  field.precision = num(xml.precision, type === 'double' || type === 'currency' || type === 'percent' ? 18 : 0);
  field.scale = num(xml.scale, 0);
  field.unique = bool(xml.unique);
  field.caseSensitive = bool(xml.caseSensitive);
  field.externalId = bool(xml.externalId);
  field.idLookup = field.externalId;
  field.required = bool(xml.required);
  field.nillable = !field.required;
  field.trackHistory = bool(xml.trackHistory);
  if (type === 'boolean') {
    field.nillable = false;
    field.defaultValue = str(xml.defaultValue) ?? 'false';
  } else {
    field.defaultValue = str(xml.defaultValue);
  }
  if (formula) {
    field.formula = formula;
    field.createable = false;
    field.updateable = false;
    field.nillable = true;
    field.required = false;
    field.defaultValue = null;
    if (str(xml.formulaTreatBlanksAs) === 'BlankAsZero') field.formulaBlankAsZero = true;
  }
  if (xmlType === 'AutoNumber') {
    field.autoNumberFormat = str(xml.displayFormat) ?? '{0}';
    field.createable = false;
    field.updateable = false;
    field.length = 30;
  }
  if (type === 'reference') {
    field.referenceTo = list(xml.referenceTo).map((t) => str(t) ?? '').filter(Boolean);
    field.length = 18;
    field.relationshipName = name.endsWith('__c') ? `${name.slice(0, -3)}__r` : name;
    const childName = str(xml.relationshipName);
    field.childRelationshipName = childName ? `${childName}__r` : null;
    if (xmlType === 'MasterDetail') {
      field.relationship = 'masterDetail';
      field.deleteConstraint = 'Cascade';
      field.required = true;
      field.nillable = false;
      field.updateable = bool(xml.reparentableMasterDetail);
    } else {
      field.relationship = 'lookup';
      field.deleteConstraint = (str(xml.deleteConstraint) as FieldDef['deleteConstraint']) ?? 'SetNull';
    }
  }
  if (type === 'picklist' || type === 'multipicklist') {
    const valueSet = xml.valueSet as Xml | undefined;
    const definition = valueSet?.valueSetDefinition as Xml | undefined;
    const values = list(definition?.value) as Xml[];
    field.picklistValues = values.map(
      (v): PicklistValue => ({
        value: str(v.fullName) ?? '',
        label: str(v.label) ?? str(v.fullName) ?? '',
        isDefault: bool(v.default)
      })
    );
    field.restrictedPicklist = bool(valueSet?.restricted);
    field.length = type === 'picklist' ? 255 : 4099;
    if (valueSet?.valueSetName) {
      warnings.push(`${where}: global value sets are not emulated; any value is accepted`);
      field.restrictedPicklist = false;
    }
  }
  return field;
}

function loadCustomMetadataRecord(file: string): CustomMetadataRecord {
  const base = path.basename(file).replace(/\.md(-meta\.xml)?$/, '');
  const dot = base.indexOf('.');
  const type = `${base.slice(0, dot)}__mdt`;
  const developerName = base.slice(dot + 1);
  const xml = (parseFile(file).CustomMetadata ?? {}) as Xml;
  const values: Record<string, string | null> = {};
  for (const entry of list(xml.values) as Xml[]) {
    const fieldName = str(entry.field);
    if (!fieldName) continue;
    const value = entry.value as Xml | string | undefined;
    const isNil = typeof value === 'object' && value !== null && value['@_xsi:nil'] === 'true';
    values[fieldName] = isNil ? null : str(value);
  }
  return { type, developerName, label: str(xml.label) ?? developerName, values };
}
