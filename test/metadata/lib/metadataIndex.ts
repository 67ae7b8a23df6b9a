// An index of the objects, fields, validation rules, list views and tabs under a source-format
// package directory (`force-app/main/default`), read straight from the files.
import fs from 'node:fs';
import path from 'node:path';
import { child, list, readXml, text, type Xml } from './xml';

export interface FieldInfo {
  object: string;
  name: string;
  file: string;
  xml: Xml;
  type: string | undefined;
}

export interface ObjectInfo {
  name: string;
  /** The `.object-meta.xml` file; null for a standard object that only gains fields. */
  file: string | null;
  xml: Xml | null;
  fields: Map<string, FieldInfo>;
  validationRules: Map<string, Xml>;
  listViews: Map<string, { file: string; xml: Xml }>;
}

export interface MetadataIndex {
  root: string;
  objects: Map<string, ObjectInfo>;
  tabs: Set<string>;
  customMetadata: Map<string, { file: string; xml: Xml }>;
}

const filesIn = (dir: string, suffix: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
    : [];

export function loadMetadata(root: string): MetadataIndex {
  const objects = new Map<string, ObjectInfo>();
  const objectsDir = path.join(root, 'objects');
  for (const name of fs.existsSync(objectsDir) ? fs.readdirSync(objectsDir).sort() : []) {
    const dir = path.join(objectsDir, name);
    const objectFile = path.join(dir, `${name}.object-meta.xml`);
    const object: ObjectInfo = {
      name,
      file: fs.existsSync(objectFile) ? objectFile : null,
      xml: fs.existsSync(objectFile) ? (child(readXml(objectFile), 'CustomObject') ?? {}) : null,
      fields: new Map(),
      validationRules: new Map(),
      listViews: new Map()
    };
    for (const file of filesIn(path.join(dir, 'fields'), '.field-meta.xml')) {
      const full = path.join(dir, 'fields', file);
      const xml = child(readXml(full), 'CustomField') ?? {};
      const fieldName = text(xml, 'fullName') ?? file.replace('.field-meta.xml', '');
      object.fields.set(fieldName, {
        object: name,
        name: fieldName,
        file: full,
        xml,
        type: text(xml, 'type')
      });
    }
    for (const file of filesIn(path.join(dir, 'validationRules'), '.validationRule-meta.xml')) {
      const xml = child(readXml(path.join(dir, 'validationRules', file)), 'ValidationRule') ?? {};
      object.validationRules.set(
        text(xml, 'fullName') ?? file.replace('.validationRule-meta.xml', ''),
        xml
      );
    }
    for (const file of filesIn(path.join(dir, 'listViews'), '.listView-meta.xml')) {
      const full = path.join(dir, 'listViews', file);
      const xml = child(readXml(full), 'ListView') ?? {};
      object.listViews.set(text(xml, 'fullName') ?? file.replace('.listView-meta.xml', ''), {
        file: full,
        xml
      });
    }
    objects.set(name, object);
  }
  const tabs = new Set(
    filesIn(path.join(root, 'tabs'), '.tab-meta.xml').map((f) => f.replace('.tab-meta.xml', ''))
  );
  const customMetadata = new Map<string, { file: string; xml: Xml }>();
  for (const file of filesIn(path.join(root, 'customMetadata'), '.md-meta.xml')) {
    const full = path.join(root, 'customMetadata', file);
    customMetadata.set(file.replace('.md-meta.xml', ''), {
      file: full,
      xml: child(readXml(full), 'CustomMetadata') ?? {}
    });
  }
  return { root, objects, tabs, customMetadata };
}

/** Picklist value API names of a field, in order. */
export function picklistValues(field: FieldInfo): string[] {
  const definition = child(child(field.xml, 'valueSet'), 'valueSetDefinition');
  return list(definition?.value).map((value) => text(value, 'fullName') ?? '');
}

/** Picklist value labels of a field (what translations key on), in order. */
export function picklistLabels(field: FieldInfo): string[] {
  const definition = child(child(field.xml, 'valueSet'), 'valueSetDefinition');
  return list(definition?.value).map(
    (value) => text(value, 'label') ?? text(value, 'fullName') ?? ''
  );
}
