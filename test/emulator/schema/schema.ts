// Assembles the org schema: the standard objects, then every object and field from the metadata
// folders (standard-object extensions such as Account.Strategic_Account__c included).
import { loadMetadata, type CustomMetadataRecord, type LoadedObject } from './loader';
import {
  currencyIsoCodeField,
  customField,
  historyObject,
  customMetadataSystemFields,
  customObjectSystemFields,
  standardObjects
} from './standard';
import { loadTranslations, type Translations } from './translations';
import { indexObject, labelOf, reindex, type ChildRelationship, type ObjectDef } from './types';

const PREFIX_DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export interface SchemaOptions {
  dirs: string[];
  /** Every record carries CurrencyIsoCode and CurrencyType/DatedConversionRate exist (default true). */
  multiCurrency?: boolean;
}

export class Schema {
  readonly objects: ObjectDef[];
  readonly customMetadata: CustomMetadataRecord[];
  readonly warnings: string[];
  readonly multiCurrency: boolean;
  /** Labels in other languages, from the metadata's objectTranslations. */
  translations: Translations = new Map();
  private readonly byName = new Map<string, ObjectDef>();
  private readonly byPrefix = new Map<string, ObjectDef>();
  private readonly children = new Map<string, ChildRelationship[]>();

  constructor(objects: ObjectDef[], customMetadata: CustomMetadataRecord[], warnings: string[], multiCurrency: boolean) {
    this.objects = objects;
    this.customMetadata = customMetadata;
    this.warnings = warnings;
    this.multiCurrency = multiCurrency;
    for (const object of objects) {
      this.byName.set(object.name.toLowerCase(), object);
      this.byPrefix.set(object.keyPrefix, object);
    }
    for (const object of objects) {
      for (const field of object.fields) {
        if (field.type !== 'reference' || !field.childRelationshipName) continue;
        for (const target of field.referenceTo) {
          const list = this.children.get(target.toLowerCase()) ?? [];
          list.push({
            childSObject: object.name,
            field: field.name,
            relationshipName: field.childRelationshipName,
            cascadeDelete: field.relationship === 'masterDetail' || field.deleteConstraint === 'Cascade'
          });
          this.children.set(target.toLowerCase(), list);
        }
      }
    }
  }

  object(name: string): ObjectDef | undefined {
    return this.byName.get(name.toLowerCase());
  }

  objectByPrefix(prefix: string): ObjectDef | undefined {
    return this.byPrefix.get(prefix);
  }

  childRelationships(objectName: string): ChildRelationship[] {
    return this.children.get(objectName.toLowerCase()) ?? [];
  }

  childRelationship(objectName: string, relationshipName: string): ChildRelationship | undefined {
    const wanted = relationshipName.toLowerCase();
    return this.childRelationships(objectName).find((r) => r.relationshipName.toLowerCase() === wanted);
  }
}

export function buildSchema(options: SchemaOptions): Schema {
  const multiCurrency = options.multiCurrency ?? true;
  const warnings: string[] = [];
  const loadedObjects: LoadedObject[] = [];
  const customMetadata: CustomMetadataRecord[] = [];
  for (const dir of options.dirs) {
    const loaded = loadMetadata(dir);
    loadedObjects.push(...loaded.objects);
    customMetadata.push(...loaded.customMetadata);
    warnings.push(...loaded.warnings.map((w) => `${dir}: ${w}`));
  }

  const objects = new Map<string, ObjectDef>();
  for (const object of standardObjects()) objects.set(object.name.toLowerCase(), object);

  const customNames = [...new Set(loadedObjects.map((o) => o.name))].filter((n) => /__(c|mdt)$/.test(n)).sort();
  let customIndex = 0;
  let metadataIndex = 0;
  for (const name of customNames) {
    const isMetadata = name.endsWith('__mdt');
    const parts = loadedObjects.filter((o) => o.name === name);
    const header = parts.find((p) => p.label) ?? parts[0]!;
    const prefixNumber = isMetadata ? metadataIndex++ : customIndex++;
    const keyPrefix =
      (isMetadata ? 'm' : 'a') + PREFIX_DIGITS[Math.floor(prefixNumber / 62) % 62]! + PREFIX_DIGITS[prefixNumber % 62]!;
    const ownFields = parts.flatMap((p) => p.fields);
    const isDetail = ownFields.some((f) => f.relationship === 'masterDetail');
    const base = isMetadata ? customMetadataSystemFields() : customObjectSystemFields({ owner: !isDetail });
    if (!isMetadata) {
      const nameField = header.nameField;
      const nameDef = customField('Name', 'string', {
        length: 80,
        label: nameField?.label ?? `${header.label ?? labelOf(name)} Name`,
        nameField: true,
        custom: false
      });
      if (nameField?.type === 'AutoNumber') {
        Object.assign(nameDef, { autoNumberFormat: nameField.displayFormat ?? '{0}', createable: false, updateable: false, length: 30 });
      } else {
        // Salesforce does not make a custom object's Name required: a blank one becomes the Id.
        nameDef.nillable = true;
      }
      base.push(nameDef);
      if (multiCurrency) base.push(currencyIsoCodeField());
    }
    const flag = (key: 'enableHistory' | 'enableActivities'): boolean => parts.some((p) => p[key] === true);
    objects.set(
      name.toLowerCase(),
      indexObject({
        name,
        ...(flag('enableHistory') && !isMetadata ? { historyObject: name.replace(/__c$/, '__History') } : {}),
        ...(flag('enableActivities') && !isMetadata ? { activitiesEnabled: true } : {}),
        label: header.label ?? labelOf(name),
        labelPlural: header.labelPlural ?? `${header.label ?? labelOf(name)}s`,
        keyPrefix,
        kind: isMetadata ? 'customMetadata' : 'custom',
        createable: !isMetadata,
        updateable: !isMetadata,
        deletable: !isMetadata,
        validationRules: parts.flatMap((p) => p.validationRules),
        fields: [...base, ...ownFields]
      })
    );
  }

  // Fields and rules that extend standard objects (Account.Strategic_Account__c…).
  for (const loaded of loadedObjects) {
    if (/__(c|mdt)$/.test(loaded.name)) continue;
    const object = objects.get(loaded.name.toLowerCase());
    if (!object) {
      warnings.push(`standard object ${loaded.name} is not emulated; its metadata is ignored`);
      continue;
    }
    for (const field of loaded.fields) {
      if (!object.fieldsByName.has(field.name.toLowerCase())) object.fields.push(field);
    }
    object.validationRules.push(...loaded.validationRules);
    reindex(object);
  }

  if (multiCurrency) {
    for (const object of objects.values()) {
      if (object.kind !== 'standard' || ['Organization', 'CurrencyType', 'DatedConversionRate'].includes(object.name)) continue;
      if (!object.fieldsByName.has('currencyisocode')) {
        object.fields.push(currencyIsoCodeField());
        reindex(object);
      }
    }
  } else {
    objects.delete('currencytype');
    objects.delete('datedconversionrate');
  }

  // Field history: one `X__History` per custom object with enableHistory (after the currency
  // pass: history rows carry no currency). Activities: WhatId may name activity-enabled objects.
  let historyIndex = 0;
  const activityTargets = [...objects.values()].filter((o) => o.activitiesEnabled).map((o) => o.name);
  for (const object of [...objects.values()]) {
    if (object.historyObject) {
      const keyPrefix = 'h' + PREFIX_DIGITS[Math.floor(historyIndex / 62) % 62]! + PREFIX_DIGITS[historyIndex % 62]!;
      historyIndex++;
      objects.set(object.historyObject.toLowerCase(), historyObject(object, keyPrefix));
    }
    const whatId = object.fieldsByName.get('whatid');
    if (whatId && (object.name === 'Task' || object.name === 'Event')) {
      whatId.referenceTo = [...whatId.referenceTo, ...activityTargets.filter((t) => !whatId.referenceTo.includes(t))];
    }
  }

  for (const object of objects.values()) {
    for (const field of object.fields) {
      if (field.type !== 'reference') continue;
      const unknown = field.referenceTo.filter((t) => !objects.has(t.toLowerCase()));
      if (unknown.length > 0) {
        warnings.push(`${object.name}.${field.name} refers to ${unknown.join(', ')}, which is not emulated; ids are stored unchecked`);
      }
    }
  }

  const schema = new Schema([...objects.values()], customMetadata, warnings, multiCurrency);
  schema.translations = loadTranslations(options.dirs);
  return schema;
}
