// Object permissions and field-level security, as a Salesforce org computes them for a user:
// a profile (System Administrator, or a baseline like the Standard User profile) plus the
// permission sets assigned to the user, read from force-app. Record-level sharing (owners, roles,
// sharing rules) is not modelled: a user who may read an object reads every record of it.
//
// Every API asks this one model: SOQL (through a `Viewer`), describe, the DML layer (`dml.ts`).
import type { Schema } from '../schema/schema';
import type { FieldDef, ObjectDef } from '../schema/types';
import type { FieldPermission, ObjectPermission, PermissionSet } from './permissionSets';

/** The four users every emulated org has (see `users.ts`). */
export type Persona = 'admin' | 'rep' | 'sponsor' | 'integration';
export const PERSONAS: readonly Persona[] = ['admin', 'rep', 'sponsor', 'integration'];

/** A user as the security model sees them. */
export interface OrgUser {
  /** Row in the User table (sessions carry it). */
  row: number;
  id: string;
  username: string;
  persona: Persona | null;
  /** System Administrator profile: every object and field. */
  admin: boolean;
  /** Permission set names, as in force-app (`Tandem_User`). */
  permissionSets: string[];
}

/** What SOQL and describe need to hide what a user may not read; `null` means "sees everything". */
export interface Viewer {
  canReadObject(object: string): boolean;
  canReadField(object: string, field: FieldDef): boolean;
}

const NONE: ObjectPermission = { read: false, create: false, edit: false, delete: false };
const READ: ObjectPermission = { read: true, create: false, edit: false, delete: false };
const READ_CREATE_EDIT: ObjectPermission = { read: true, create: true, edit: true, delete: false };

/**
 * The profile non-admin users hold, modelled on Salesforce's Standard User for the objects Tandem
 * touches: read the CRM objects; create and edit activities (Salesforce shares those with the
 * owner; sharing is out of scope); read users, the organization and currencies.
 */
export const BASELINE_OBJECTS: Record<string, ObjectPermission> = {
  account: READ,
  contact: READ,
  opportunity: READ,
  opportunitylineitem: READ,
  product2: READ,
  pricebook2: READ,
  pricebookentry: READ,
  event: READ_CREATE_EDIT,
  task: READ_CREATE_EDIT,
  user: READ,
  organization: READ,
  currencytype: READ,
  datedconversionrate: READ
};

interface Effective {
  admin: boolean;
  objects: Map<string, ObjectPermission>;
  fields: Map<string, FieldPermission>;
}

export class AccessModel {
  private readonly cache = new Map<string, Effective>();

  constructor(
    private readonly schema: Schema,
    readonly permissionSets: ReadonlyMap<string, PermissionSet>
  ) {}

  /** Throws when a user is given a permission set force-app does not have (a typo would grant nothing silently). */
  checkAssignable(names: string[]): void {
    const unknown = names.filter((n) => !this.permissionSets.has(n));
    if (unknown.length > 0) throw new Error(`unknown permission set(s): ${unknown.join(', ')} (known: ${[...this.permissionSets.keys()].join(', ') || 'none'})`);
  }

  private effective(user: OrgUser): Effective {
    const key = user.admin ? 'admin' : user.permissionSets.join(',');
    let found = this.cache.get(key);
    if (found) return found;
    const objects = new Map<string, ObjectPermission>();
    const fields = new Map<string, FieldPermission>();
    if (!user.admin) {
      for (const [name, permission] of Object.entries(BASELINE_OBJECTS)) objects.set(name, { ...permission });
      for (const setName of user.permissionSets) {
        const set = this.permissionSets.get(setName);
        if (!set) continue;
        for (const [name, p] of set.objects) {
          const current = objects.get(name) ?? { ...NONE };
          objects.set(name, { read: current.read || p.read, create: current.create || p.create, edit: current.edit || p.edit, delete: current.delete || p.delete });
        }
        for (const name of set.customMetadataTypes) objects.set(name, { ...READ });
        for (const [name, p] of set.fields) {
          const current = fields.get(name) ?? { read: false, edit: false };
          fields.set(name, { read: current.read || p.read, edit: current.edit || p.edit });
        }
      }
    }
    found = { admin: user.admin, objects, fields };
    this.cache.set(key, found);
    return found;
  }

  private object(user: OrgUser, object: string): ObjectPermission {
    const e = this.effective(user);
    if (e.admin) return this.schema.object(object) ? { read: true, create: true, edit: true, delete: true } : NONE;
    // Field history is read with its record: whoever reads Stakeholder__c reads Stakeholder__History.
    const historyOf = this.schema.object(object)?.historyOf;
    if (historyOf) return this.object(user, historyOf).read ? READ : NONE;
    return e.objects.get(object.toLowerCase()) ?? NONE;
  }

  /**
   * A system permission from the user's permission sets. The System Administrator profile is not
   * taken to enable those an org leaves off by default, such as "Bulk API Hard Delete".
   */
  hasUserPermission(user: OrgUser, permission: string): boolean {
    return user.permissionSets.some((name) => this.permissionSets.get(name)?.userPermissions.has(permission) ?? false);
  }

  canReadObject(user: OrgUser, object: string): boolean {
    return this.object(user, object).read;
  }

  canCreate(user: OrgUser, object: string): boolean {
    const p = this.object(user, object);
    return p.read && p.create;
  }

  canEdit(user: OrgUser, object: string): boolean {
    const p = this.object(user, object);
    return p.read && p.edit;
  }

  canDelete(user: OrgUser, object: string): boolean {
    const p = this.object(user, object);
    return p.read && p.edit && p.delete;
  }

  /**
   * Field-level security for reading. Standard fields follow the object (the profile grants them);
   * a custom field needs a field permission, except required and master-detail fields, which
   * Salesforce always grants to whoever reads the object (it refuses permissions on them).
   */
  canReadField(user: OrgUser, object: string, field: FieldDef): boolean {
    if (!this.canReadObject(user, object)) return false;
    const e = this.effective(user);
    // Custom metadata types are granted whole (customMetadataTypeAccesses); their fields have no FLS.
    if (e.admin || !field.custom || alwaysGranted(field) || object.toLowerCase().endsWith('__mdt')) return true;
    return e.fields.get(`${object}.${field.name}`.toLowerCase())?.read === true;
  }

  /**
   * Field-level security for writing: the field may be set by someone who may create or edit the
   * object. Whether the field is writable at all (formulas, audit fields) is the schema's part:
   * see `canCreateField`/`canUpdateField`.
   */
  canEditField(user: OrgUser, object: string, field: FieldDef): boolean {
    if (!this.canReadField(user, object, field)) return false;
    if (!this.canCreate(user, object) && !this.canEdit(user, object)) return false;
    const e = this.effective(user);
    if (e.admin || !field.custom || alwaysGranted(field)) return true;
    return e.fields.get(`${object}.${field.name}`.toLowerCase())?.edit === true;
  }

  /** describe's `createable` for this user. */
  canCreateField(user: OrgUser, object: string, field: FieldDef): boolean {
    return field.createable && this.canCreate(user, object) && this.canEditField(user, object, field);
  }

  /** describe's `updateable` for this user. */
  canUpdateField(user: OrgUser, object: string, field: FieldDef): boolean {
    return field.updateable && this.canEdit(user, object) && this.canEditField(user, object, field);
  }

  /** The fields of `object` the user may read, in schema order. */
  readableFields(user: OrgUser, object: ObjectDef): FieldDef[] {
    return object.fields.filter((f) => this.canReadField(user, object.name, f));
  }

  /** A `Viewer` for SOQL and describe, or null for an admin (nothing hidden, nothing to check). */
  viewer(user: OrgUser): Viewer | null {
    if (user.admin) return null;
    return {
      canReadObject: (object) => this.canReadObject(user, object),
      canReadField: (object, field) => this.canReadField(user, object, field)
    };
  }
}

/** Salesforce grants these with the object and accepts no field permission for them. */
function alwaysGranted(field: FieldDef): boolean {
  return field.required || field.relationship === 'masterDetail' || field.nameField;
}
