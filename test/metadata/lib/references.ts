// What each kind of metadata (and the LWCs) names, as references to check against the metadata.
// Extraction is pure: file contents in, references out.
import { child, list, parseXml, text, type Xml } from './xml';

export type ReferenceKind =
  | 'object'
  | 'field'
  | 'tab'
  | 'validationRule'
  | 'picklistLabel'
  | 'customMetadataType'
  | 'customName';

export interface Reference {
  /** The referencing file, relative to the repository root. */
  file: string;
  /** Where in that file, in words ("permission set fieldPermissions"). */
  via: string;
  kind: ReferenceKind;
  /** `Object`, `Object.Field`, `Object.Rel__r.Field`, the tab or rule name. */
  target: string;
  /** For picklistLabel: the value label; for validationRule: the object. */
  detail?: string;
}

export function permissionSetReferences(file: string, source: string): Reference[] {
  const set = child(parseXml(source), 'PermissionSet') ?? {};
  const refs: Reference[] = [];
  for (const p of list(set.objectPermissions))
    refs.push({
      file,
      via: 'permission set objectPermissions',
      kind: 'object',
      target: text(p, 'object') ?? ''
    });
  for (const p of list(set.fieldPermissions))
    refs.push({
      file,
      via: 'permission set fieldPermissions',
      kind: 'field',
      target: text(p, 'field') ?? ''
    });
  for (const p of list(set.tabSettings))
    refs.push({
      file,
      via: 'permission set tabSettings',
      kind: 'tab',
      target: text(p, 'tab') ?? ''
    });
  for (const p of list(set.customMetadataTypeAccesses)) {
    refs.push({
      file,
      via: 'permission set customMetadataTypeAccesses',
      kind: 'customMetadataType',
      target: text(p, 'name') ?? ''
    });
  }
  return refs;
}

/** Column names Salesforce spells in upper case (NAME, CREATED_DATE…) are standard columns. */
const STANDARD_COLUMN = /^[A-Z0-9_]+$/;

export function listViewReferences(file: string, object: string, source: string): Reference[] {
  const view = child(parseXml(source), 'ListView') ?? {};
  const names = [
    ...list(view.columns).map((c) => ({
      via: 'list view columns',
      name: typeof c === 'string' ? c.trim() : ''
    })),
    ...list(view.filters).map((f) => ({ via: 'list view filters', name: text(f, 'field') ?? '' }))
  ];
  return names
    .filter(({ name }) => !STANDARD_COLUMN.test(name))
    .map(({ via, name }) => ({ file, via, kind: 'field' as const, target: `${object}.${name}` }));
}

export function flexiPageReferences(file: string, source: string): Reference[] {
  const refs: Reference[] = [];
  const page = child(parseXml(source), 'FlexiPage') ?? {};
  const sobject = text(page, 'sobjectType');
  if (sobject) {
    refs.push({ file, via: 'FlexiPage sobjectType', kind: 'object', target: sobject });
    // Field references: `Record.Field` in field items and `{!Record.Field}` in visibility rules.
    for (const match of source.matchAll(/\bRecord\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)/g)) {
      refs.push({
        file,
        via: 'FlexiPage record field',
        kind: 'field',
        target: `${sobject}.${match[1]}`
      });
    }
  }
  return refs;
}

/** The object of a translation folder: `Account_Plan__c-it` → `Account_Plan__c`. */
export const translatedObject = (folder: string): string =>
  folder.replace(/-[a-z]{2}(_[A-Z]{2})?$/, '');

export function objectTranslationReferences(
  file: string,
  object: string,
  source: string
): Reference[] {
  const translation = child(parseXml(source), 'CustomObjectTranslation') ?? {};
  const refs: Reference[] = [{ file, via: 'object translation', kind: 'object', target: object }];
  for (const rule of list(translation.validationRules)) {
    refs.push({
      file,
      via: 'object translation validationRules',
      kind: 'validationRule',
      target: text(rule, 'name') ?? '',
      detail: object
    });
  }
  for (const field of list(translation.fields))
    refs.push(...fieldTranslationRefs(file, object, field as Xml));
  return refs;
}

export function fieldTranslationReferences(
  file: string,
  object: string,
  source: string
): Reference[] {
  return fieldTranslationRefs(
    file,
    object,
    child(parseXml(source), 'CustomFieldTranslation') ?? {}
  );
}

function fieldTranslationRefs(file: string, object: string, xml: Xml): Reference[] {
  const field = `${object}.${text(xml, 'name') ?? ''}`;
  return [
    { file, via: 'field translation', kind: 'field', target: field },
    ...list(xml.picklistValues).map((value) => ({
      file,
      via: 'field translation picklistValues',
      kind: 'picklistLabel' as const,
      target: field,
      detail: text(value, 'masterLabel') ?? ''
    }))
  ];
}

/** `import X from '@salesforce/schema/Object.Field'` in an LWC module. */
export function lwcSchemaReferences(file: string, source: string): Reference[] {
  const refs: Reference[] = [];
  for (const match of source.matchAll(/['"]@salesforce\/schema\/([A-Za-z0-9_.]+)['"]/g)) {
    const target = match[1]!;
    refs.push({
      file,
      via: 'LWC @salesforce/schema import',
      kind: target.includes('.') ? 'field' : 'object',
      target
    });
  }
  return refs;
}

/**
 * Every `Name__c` / `Name__r` identifier in an LWC module (GraphQL queries, record field maps): the
 * object is not known at this level, so each must name some custom object, field or relationship.
 */
export function lwcCustomNameReferences(file: string, source: string): Reference[] {
  const names = new Set(source.match(/\b[A-Za-z][A-Za-z0-9_]*__[cr]\b/g) ?? []);
  return [...names]
    .sort()
    .map((target) => ({ file, via: 'LWC custom name', kind: 'customName' as const, target }));
}
