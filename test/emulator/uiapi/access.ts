// What the UI API asks about the context user's permissions: which objects and fields they may
// read, create and edit. Every UI API resource (object-info, picklist values, records, GraphQL)
// answers through this one interface.
import type { RequestContext } from '../http/router';
import type { FieldDef } from '../schema/types';

export interface UiAccess {
  canReadObject(object: string): boolean;
  canCreateObject(object: string): boolean;
  canEditObject(object: string): boolean;
  canDeleteObject(object: string): boolean;
  canReadField(object: string, field: FieldDef): boolean;
  /** Edit permission on the field (field-level security); createable/updateable also need the field's own flags. */
  canEditField(object: string, field: FieldDef): boolean;
}

/** A user who may do everything the schema allows (System Administrator, or no session). */
export const FULL_ACCESS: UiAccess = {
  canReadObject: () => true,
  canCreateObject: () => true,
  canEditObject: () => true,
  canDeleteObject: () => true,
  canReadField: () => true,
  canEditField: () => true
};

/** The permissions of the request's user, from the org's access model (security/access.ts). */
export function accessOf(ctx: RequestContext): UiAccess {
  if (!ctx.session) return FULL_ACCESS;
  const user = ctx.org.userOf(ctx.session);
  if (user.admin) return FULL_ACCESS;
  const access = ctx.org.access;
  return {
    canReadObject: (object) => access.canReadObject(user, object),
    canCreateObject: (object) => access.canCreate(user, object),
    canEditObject: (object) => access.canEdit(user, object),
    canDeleteObject: (object) => access.canDelete(user, object),
    canReadField: (object, field) => access.canReadField(user, object, field),
    canEditField: (object, field) => access.canEditField(user, object, field)
  };
}
