// Resolving references against the metadata index: each broken one becomes a message naming the
// referencing file and the exact object/field that is missing.
import { picklistLabels, type MetadataIndex } from './metadataIndex';
import type { Reference } from './references';
import {
  isStandardObject,
  STANDARD_FIELDS,
  STANDARD_RELATIONSHIPS,
  SYSTEM_FIELDS,
  SYSTEM_RELATIONSHIPS
} from './standard';
import { text } from './xml';

function objectProblem(index: MetadataIndex, name: string): string | null {
  if (isStandardObject(name)) return null;
  if (!/__(c|mdt)$/.test(name))
    return `object ${name} is neither in force-app nor in the standard objects Tandem uses`;
  return index.objects.get(name)?.file ? null : `object ${name} does not exist in force-app`;
}

function fieldProblem(index: MetadataIndex, object: string, field: string): string | null {
  if (index.objects.get(object)?.fields.has(field)) return null;
  if (SYSTEM_FIELDS.includes(field) || (STANDARD_FIELDS[object] ?? []).includes(field)) return null;
  return `field ${object}.${field} does not exist`;
}

/** Walks `Object.Rel__r.Field`; returns the problem, or null when every step exists. */
export function pathProblem(index: MetadataIndex, target: string): string | null {
  const [object, ...rest] = target.split('.');
  if (!object || rest.length === 0) return `"${target}" is not an Object.Field path`;
  const missingObject = objectProblem(index, object);
  if (missingObject) return missingObject;
  let current = object;
  for (const [i, step] of rest.entries()) {
    if (i === rest.length - 1) return fieldProblem(index, current, step);
    if (step.endsWith('__r')) {
      const lookup = index.objects.get(current)?.fields.get(step.replace(/__r$/, '__c'));
      const to = lookup ? text(lookup.xml, 'referenceTo') : undefined;
      if (!lookup || !to)
        return `relationship ${current}.${step} has no lookup or master-detail field ${current}.${step.replace(/__r$/, '__c')}`;
      current = to;
    } else {
      const to = STANDARD_RELATIONSHIPS[current]?.[step] ?? SYSTEM_RELATIONSHIPS[step];
      if (!to) return `relationship ${current}.${step} does not exist`;
      current = to;
    }
  }
  return null;
}

export function referenceProblem(index: MetadataIndex, ref: Reference): string | null {
  switch (ref.kind) {
    case 'object':
      return objectProblem(index, ref.target);
    case 'customMetadataType':
      return ref.target.endsWith('__mdt')
        ? objectProblem(index, ref.target)
        : `${ref.target} is not a custom metadata type`;
    case 'field':
      return pathProblem(index, ref.target);
    case 'tab':
      return index.tabs.has(ref.target) || ref.target.startsWith('standard-')
        ? null
        : `tab ${ref.target} does not exist in force-app/main/default/tabs`;
    case 'validationRule': {
      const object = ref.detail ?? '';
      return index.objects.get(object)?.validationRules.has(ref.target)
        ? null
        : `validation rule ${object}.${ref.target} does not exist`;
    }
    case 'customName': {
      const objects = [...index.objects.values()];
      if (ref.target.endsWith('__r')) {
        const lookup = ref.target.replace(/__r$/, '__c');
        const found = objects.some(
          (o) => text(o.fields.get(lookup)?.xml, 'referenceTo') !== undefined
        );
        return found ? null : `no object has a lookup or master-detail field ${lookup}`;
      }
      const found =
        index.objects.get(ref.target)?.file || objects.some((o) => o.fields.has(ref.target));
      return found ? null : `no object or field ${ref.target} exists in force-app`;
    }
    case 'picklistLabel': {
      const missing = pathProblem(index, ref.target);
      if (missing) return missing;
      const [object = '', field = ''] = ref.target.split('.');
      const info = index.objects.get(object)?.fields.get(field);
      return info && picklistLabels(info).includes(ref.detail ?? '')
        ? null
        : `picklist value "${ref.detail}" of ${ref.target} does not exist`;
    }
  }
}

/** One line per broken reference: `<file>: <via> names <target>, but <problem>`. */
export function brokenReferences(index: MetadataIndex, refs: Reference[]): string[] {
  const messages: string[] = [];
  for (const ref of refs) {
    const problem = referenceProblem(index, ref);
    if (problem)
      messages.push(
        `${ref.file}: ${ref.via} names ${ref.target}${ref.detail && ref.kind === 'picklistLabel' ? ` = "${ref.detail}"` : ''}, but ${problem}`
      );
  }
  return messages;
}
