// Reads permission sets from Salesforce metadata on disk (`permissionsets/*.permissionset-meta.xml`
// in source format, `permissionsets/*.permissionset` in metadata-API format): object permissions,
// field permissions and custom metadata type access, which is all the emulator enforces.
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export interface ObjectPermission {
  read: boolean;
  create: boolean;
  edit: boolean;
  delete: boolean;
}

export interface FieldPermission {
  read: boolean;
  edit: boolean;
}

export interface PermissionSet {
  name: string;
  /** Lower-cased object name → permission. */
  objects: Map<string, ObjectPermission>;
  /** Lower-cased `Object.Field` → permission. */
  fields: Map<string, FieldPermission>;
  /** Lower-cased custom metadata type names the set may read. */
  customMetadataTypes: Set<string>;
  /** System permissions the set enables (`BulkApiHardDelete`…), as named in the metadata. */
  userPermissions: Set<string>;
}

const parser = new XMLParser({
  ignoreAttributes: true,
  parseTagValue: false,
  isArray: (name) => ['objectPermissions', 'fieldPermissions', 'customMetadataTypeAccesses', 'userPermissions'].includes(name)
});

const flag = (value: unknown): boolean => String(value) === 'true';

export function parsePermissionSet(name: string, xml: string): PermissionSet {
  const root = (parser.parse(xml) as { PermissionSet?: Record<string, unknown> }).PermissionSet ?? {};
  const set: PermissionSet = { name, objects: new Map(), fields: new Map(), customMetadataTypes: new Set(), userPermissions: new Set() };
  for (const p of (root.objectPermissions ?? []) as Array<Record<string, unknown>>) {
    set.objects.set(String(p.object).toLowerCase(), {
      read: flag(p.allowRead),
      create: flag(p.allowCreate),
      edit: flag(p.allowEdit),
      delete: flag(p.allowDelete)
    });
  }
  for (const p of (root.fieldPermissions ?? []) as Array<Record<string, unknown>>) {
    set.fields.set(String(p.field).toLowerCase(), { read: flag(p.readable) || flag(p.editable), edit: flag(p.editable) });
  }
  for (const p of (root.customMetadataTypeAccesses ?? []) as Array<Record<string, unknown>>) {
    if (flag(p.enabled)) set.customMetadataTypes.add(String(p.name).toLowerCase());
  }
  for (const p of (root.userPermissions ?? []) as Array<Record<string, unknown>>) {
    if (flag(p.enabled)) set.userPermissions.add(String(p.name));
  }
  return set;
}

/** Every permission set under `<dir>/permissionsets/`, by name. */
export function loadPermissionSets(dirs: string[]): Map<string, PermissionSet> {
  const sets = new Map<string, PermissionSet>();
  for (const dir of dirs) {
    const folder = path.join(dir, 'permissionsets');
    if (!fs.existsSync(folder)) continue;
    for (const file of fs.readdirSync(folder).sort()) {
      const match = /^(.+)\.permissionset(-meta\.xml)?$/.exec(file);
      if (!match) continue;
      sets.set(match[1]!, parsePermissionSet(match[1]!, fs.readFileSync(path.join(folder, file), 'utf8')));
    }
  }
  return sets;
}
