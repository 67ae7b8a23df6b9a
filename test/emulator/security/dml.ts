// The one write path of every API (REST sObject rows, collections, composite, Bulk): checks the
// caller's object permissions and field-level security, then writes through the store. Data
// generators write to the store directly (they seed the org, as a data load by an admin would).
import { SfError, recordError } from '../errors';
import type { Store } from '../store/store';
import type { Table } from '../store/table';
import type { AccessModel, OrgUser } from './access';

/** Salesforce's answer to a create, edit or delete the user's object permissions do not allow. */
export function insufficientAccess(): SfError {
  return recordError('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id');
}

/** An object the user may not read does not exist for them. */
export function unsupportedType(name: string): SfError {
  return new SfError(
    400,
    'INVALID_TYPE',
    `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
  );
}

export class Dml {
  constructor(
    private readonly store: Store,
    private readonly access: AccessModel
  ) {}

  /** The table of `objectName`, if the user may read it (INVALID_TYPE otherwise, as for an unknown object). */
  visibleTable(user: OrgUser, objectName: string): Table {
    const table = this.store.table(objectName);
    if (!table || !this.access.canReadObject(user, table.name)) throw unsupportedType(objectName);
    return table;
  }

  insert(user: OrgUser, objectName: string, values: Record<string, unknown>): string {
    const table = this.visibleTable(user, objectName);
    if (!this.access.canCreate(user, table.name)) throw insufficientAccess();
    return this.gated(user, () => this.store.insert(table.name, values, user.row));
  }

  update(user: OrgUser, objectName: string | null, id: string, values: Record<string, unknown>): string {
    const table = this.tableOfRecord(user, objectName, id);
    if (!this.access.canEdit(user, table.name)) throw insufficientAccess();
    return this.gated(user, () => this.store.update(table.name, id, values, user.row));
  }

  remove(user: OrgUser, objectName: string | null, id: string): string {
    const table = this.tableOfRecord(user, objectName, id);
    if (!this.access.canDelete(user, table.name)) throw insufficientAccess();
    return this.store.remove(table.name, id, user.row);
  }

  /** Deletes without the recycle bin (Bulk hardDelete; whether the user holds "Bulk API Hard Delete" is the caller's check). */
  purge(user: OrgUser, objectName: string | null, id: string): string {
    const table = this.tableOfRecord(user, objectName, id);
    if (!this.access.canDelete(user, table.name)) throw insufficientAccess();
    return this.store.purge(table.name, id, user.row);
  }

  /** Needs create when the record is new and edit when it exists. */
  upsert(user: OrgUser, objectName: string, externalField: string, externalValue: string, values: Record<string, unknown>): { id: string; created: boolean } {
    const table = this.visibleTable(user, objectName);
    const mayCreate = this.access.canCreate(user, table.name);
    const mayEdit = this.access.canEdit(user, table.name);
    if (!mayCreate && !mayEdit) throw insufficientAccess();
    const field = table.field(externalField);
    if (field && !this.access.canReadField(user, table.name, field)) {
      throw new SfError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${externalField}`);
    }
    return this.store.atomic(() => {
      const result = this.gated(user, () => this.store.upsert(table.name, externalField, externalValue, values, user.row));
      if (result.created ? !mayCreate : !mayEdit) throw insufficientAccess();
      return result;
    });
  }

  /** The table of an existing record, checked to be readable (a hidden object's ids are malformed to the user). */
  private tableOfRecord(user: OrgUser, objectName: string | null, id: string): Table {
    const { table } = this.store.locate(objectName, id);
    if (!this.access.canReadObject(user, table.name)) throw unsupportedType(objectName ?? table.name);
    return table;
  }

  /** Runs a store write with this user's field-level security applied to the fields it sets. */
  private gated<T>(user: OrgUser, work: () => T): T {
    if (user.admin) return work();
    return this.store.withFieldGate(
      {
        visible: (object, field) => this.access.canReadField(user, object, field),
        editable: (object, field) => this.access.canEditField(user, object, field)
      },
      work
    );
  }
}
