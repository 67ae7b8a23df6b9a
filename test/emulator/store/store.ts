// The org's records: typed column tables per object, DML with Salesforce's validation and errors,
// system fields, derived standard fields, formula fields, master-detail cascade, and undo-able
// transactions (allOrNone).
import { compileFormula, FormulaDate, FormulaDateTime, FormulaError, type Compiled, type FormulaContext, type FormulaValue } from '../formula';
import { SfError, recordError } from '../errors';
import { isWellFormedId, keyPrefixOf, rowOfId, to18 } from '../ids';
import type { Schema } from '../schema/schema';
import { OPPORTUNITY_STAGES } from '../schema/standard';
import type { FieldDef } from '../schema/types';
import { isNumericType } from '../schema/types';
import { ChangeFeed } from './changes';
import type { Cell } from './column';
import { DELETED, LIVE, Table, VOID } from './table';
import { deriveLineItem, derivePricebookEntry, rollUpAmount } from './lineItems';
import { DAY_MS, coerceJsonValue, dayToIso, msToIso, roundToScale } from './values';

export interface Clock {
  /** Epoch ms, truncated to the second as Salesforce stores audit timestamps. */
  now(): number;
  /** The org's TODAY() as epoch days: the calendar day in the org's time zone. */
  today(): number;
  /** The org's (and its users') time zone, TimeZoneSidKey: an IANA name or GMT. */
  readonly timeZone: string;
}

export type CellGetter = (row: number) => Cell;

/** Field-level security of the user a write runs for (see security/dml.ts). */
export interface FieldGate {
  /** A field the user may not read does not exist for them (INVALID_FIELD). */
  visible(object: string, field: FieldDef): boolean;
  /** A field the user may read but not edit is refused (INVALID_FIELD_FOR_INSERT_UPDATE). */
  editable(object: string, field: FieldDef): boolean;
}

interface CompiledRule {
  name: string;
  message: string;
  field: string | null;
  test: Compiled;
}

const STAGES = new Map(OPPORTUNITY_STAGES.map((s) => [s.name, s]));
const FORECAST_NAMES: Record<string, string> = { Pipeline: 'Pipeline', Closed: 'Closed', Omitted: 'Omitted', BestCase: 'Best Case', Forecast: 'Commit' };

export class Store {
  readonly schema: Schema;
  readonly clock: Clock;
  readonly warnings: string[] = [];
  private readonly tables = new Map<string, Table>();
  private readonly formulas = new Map<string, Compiled>();
  private readonly rules = new Map<string, CompiledRule[]>();
  private undoLog: Array<() => void> | null = null;
  /** Committed record changes, for Change Data Capture. */
  readonly changes = new ChangeFeed();
  /**
   * Hard-deleted records by object: id and when. Salesforce keeps deletions in a delete log apart
   * from the recycle bin, so getDeleted still lists a record queryAll no longer finds.
   */
  readonly deleteLog = new Map<string, Array<{ id: string; at: number }>>();
  private fieldGate: FieldGate | null = null;

  constructor(schema: Schema, clock: Clock) {
    this.schema = schema;
    this.clock = clock;
    const known = (name: string): boolean => schema.object(name) !== undefined;
    for (const def of schema.objects) this.tables.set(def.name.toLowerCase(), new Table(def, known));
    for (const table of this.tables.values()) {
      for (const field of table.def.fields) {
        if (!field.formula) continue;
        try {
          this.formula(table, field);
        } catch (error) {
          this.warnings.push(`${table.name}.${field.name}: ${(error as Error).message}; the field reads as null`);
          this.formulas.set(`${table.name}.${field.name}`, () => null);
        }
      }
      const compiled: CompiledRule[] = [];
      for (const rule of table.def.validationRules) {
        try {
          compiled.push({ name: rule.name, message: rule.message, field: rule.field, test: this.compile(table, rule.formula) });
        } catch (error) {
          this.warnings.push(`${table.name} validation rule ${rule.name}: ${(error as Error).message}; the rule is not enforced`);
        }
      }
      this.rules.set(table.name, compiled);
    }
  }

  table(name: string): Table | undefined {
    return this.tables.get(name.toLowerCase());
  }

  /** The table for a DML or describe URL; unknown types are 404 NOT_FOUND there. */
  requireTable(name: string): Table {
    const table = this.table(name);
    if (!table) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    return table;
  }

  tableOfId(id: string): Table | undefined {
    const object = this.schema.objectByPrefix(keyPrefixOf(id));
    return object ? this.table(object.name) : undefined;
  }

  allTables(): Table[] {
    return [...this.tables.values()];
  }

  // ---- reading -------------------------------------------------------------------------------

  /** Reads `field` of a row as a cell (formulas computed; references as target rows). */
  cellGetter(table: Table, field: FieldDef): CellGetter {
    if (field.type === 'id') return (row) => table.id(row);
    if (field.name === 'IsDeleted') return (row) => table.state[row] === DELETED;
    if (field.formula) {
      const formula = this.formula(table, field);
      const toCell = formulaToCell(field);
      return (row) => toCell(formula(this.formulaContext(row)));
    }
    const column = table.column(field.name)!;
    return (row) => column.get(row);
  }

  /** The id string of a reference cell. */
  referenceId(field: FieldDef, cell: Cell): string | null {
    if (cell === null) return null;
    if (typeof cell === 'number') return this.table(field.referenceTo[0]!)!.id(cell);
    return String(cell);
  }

  formulaContext(row: number, isNew = false, prior?: (path: string) => FormulaValue): FormulaContext {
    return { row, today: this.clock.today(), now: this.clock.now(), isNew, prior };
  }

  private formula(table: Table, field: FieldDef): Compiled {
    const key = `${table.name}.${field.name}`;
    let compiled = this.formulas.get(key);
    if (!compiled) {
      compiled = this.compile(table, field.formula!, field.formulaBlankAsZero);
      this.formulas.set(key, compiled);
    }
    return compiled;
  }

  private compile(table: Table, source: string, blankAsZero = false): Compiled {
    return compileFormula(source, (path) => {
      const read = this.pathReader(table, path.split('.'), blankAsZero);
      return (ctx) => read(ctx.row);
    });
  }

  /** Follows `Account__r.Owner.Name` from a row of `table` to a formula value. */
  private pathReader(table: Table, parts: string[], blankAsZero: boolean): (row: number) => FormulaValue {
    const [head, ...rest] = parts;
    if (rest.length === 0) {
      const field = table.field(head!);
      if (!field) throw new FormulaError(`field ${head} does not exist on ${table.name}`);
      const get = this.cellGetter(table, field);
      const toValue = cellToFormula(field, (cell) => this.referenceId(field, cell));
      const zero = blankAsZero && isNumericType(field.type);
      return (row) => {
        const value = toValue(get(row));
        return value === null && zero ? 0 : value;
      };
    }
    const relation = table.def.parentRelationships.get(head!.toLowerCase());
    const target = relation ? this.table(relation.referenceTo[0] ?? '') : undefined;
    if (!relation || !target || table.column(relation.name)?.kind !== 'ref') {
      throw new FormulaError(`relationship ${head} does not exist on ${table.name}`);
    }
    const column = table.column(relation.name)!;
    const next = this.pathReader(target, rest, blankAsZero);
    return (row) => {
      const parent = column.refs[row]!;
      return parent < 0 ? null : next(parent);
    };
  }

  // ---- transactions --------------------------------------------------------------------------

  /** Runs `work` so that every write it makes is undone if it throws. */
  atomic<T>(work: () => T): T {
    const outer = this.undoLog;
    const log: Array<() => void> = [];
    this.undoLog = log;
    const outerChanges = this.changes.open();
    let committed = false;
    try {
      const result = work();
      if (outer) outer.push(...log);
      committed = true;
      return result;
    } catch (error) {
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      throw error;
    } finally {
      this.undoLog = outer;
      this.changes.close(outerChanges, committed);
    }
  }

  /** `atomic` for work that awaits; callers must not await real I/O inside (see composite). */
  async atomicAsync<T>(work: () => Promise<T>): Promise<T> {
    const outer = this.undoLog;
    const log: Array<() => void> = [];
    this.undoLog = log;
    const outerChanges = this.changes.open();
    let committed = false;
    try {
      const result = await work();
      if (outer) outer.push(...log);
      committed = true;
      return result;
    } catch (error) {
      for (let i = log.length - 1; i >= 0; i--) log[i]!();
      throw error;
    } finally {
      this.undoLog = outer;
      this.changes.close(outerChanges, committed);
    }
  }

  /** Writes one cell, keeping unique/external-id indexes and the undo log in step. */
  write(table: Table, field: FieldDef, row: number, value: Cell): void {
    const name = field.name.toLowerCase();
    const column = table.columns.get(name);
    if (!column) return;
    const previous = column.get(row);
    if (previous === value) return;
    const indexed = table.indexes.has(name);
    if (indexed) table.unindex(name, table.indexKey(field, previous), row);
    column.set(row, value);
    if (indexed) table.addToIndex(name, table.indexKey(field, value), row);
    this.undoLog?.push(() => {
      if (indexed) table.unindex(name, table.indexKey(field, value), row);
      column.set(row, previous);
      if (indexed) table.addToIndex(name, table.indexKey(field, previous), row);
    });
  }

  private setState(table: Table, row: number, state: number): void {
    const previous = table.state[row]!;
    table.state[row] = state;
    this.undoLog?.push(() => {
      table.state[row] = previous;
    });
  }

  /** Runs `work` with the field-level security of one user applied to every record it writes. */
  withFieldGate<T>(gate: FieldGate, work: () => T): T {
    const outer = this.fieldGate;
    this.fieldGate = gate;
    try {
      return work();
    } finally {
      this.fieldGate = outer;
    }
  }

  // ---- DML -----------------------------------------------------------------------------------

  /**
   * Creates a record as the API would. `seed` is for data generators: read-only fields may be set
   * (Organization, IsCorporate, SmallPhotoUrl…) and the audit timestamps backdated.
   */
  insert(objectName: string, values: Record<string, unknown>, actor: number, seed?: { at?: number }): string {
    const table = this.requireTable(objectName);
    if (!table.def.createable && !seed) {
      throw recordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be inserted: ${table.def.label}`);
    }
    const changes = this.prepare(table, values, 'insert', seed !== undefined);
    const row = table.reserve(1);
    return this.atomic(() => {
      const now = seed?.at !== undefined ? Math.floor(seed.at / 1000) * 1000 : this.clock.now();
      if (!seed) this.changes.note(table, row, 'CREATE', actor);
      this.applyDefaults(table, row, changes, actor);
      for (const [field, cell] of changes) this.write(table, field, row, cell);
      this.stamp(table, row, actor, now, true);
      this.derive(table, row, changes, true);
      this.checkRequired(table, row, table.def.fields);
      this.checkUnique(table, row, [...changes.keys()]);
      this.setState(table, row, LIVE);
      if (table.name === 'OpportunityLineItem') this.rollUpLineItems(table, row, actor, seed ? null : now);
      this.checkRules(table, row, true, new Map());
      this.afterSave(table, row);
      if (!seed) this.recordHistory(table, row, [{ field: 'created', oldValue: null, newValue: null }], actor, now);
      return table.id(row);
    });
  }

  update(objectName: string | null, id: string, values: Record<string, unknown>, actor: number): string {
    const { table, row } = this.locate(objectName, id);
    if (!table.def.updateable) {
      throw recordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be updated: ${table.def.label}`);
    }
    const changes = this.prepare(table, values, 'update', false, row);
    return this.atomic(() => {
      this.changes.note(table, row, 'UPDATE', actor);
      const prior = new Map<string, FormulaValue>();
      for (const field of table.def.fields) {
        if (field.type === 'id' || field.formula || field.name === 'IsDeleted') continue;
        prior.set(field.name.toLowerCase(), cellToFormula(field, (c) => this.referenceId(field, c))(table.column(field.name)!.get(row)));
      }
      const tracked = [...changes.keys()].filter((f) => f.trackHistory).map((field) => ({ field, before: table.column(field.name)!.get(row) }));
      for (const [field, cell] of changes) this.write(table, field, row, cell);
      this.stamp(table, row, actor, this.clock.now(), false);
      this.derive(table, row, changes, false);
      this.checkRequired(table, row, [...changes.keys()]);
      if (table.name === 'OpportunityLineItem') this.rollUpLineItems(table, row, actor, this.clock.now());
      this.checkUnique(table, row, [...changes.keys()]);
      this.checkRules(table, row, false, prior);
      this.afterSave(table, row);
      const changed = tracked
        .map(({ field, before }) => ({ field, before, after: table.column(field.name)!.get(row) }))
        .filter(({ before, after }) => before !== after)
        .map(({ field, before, after }) => ({ field: field.name, oldValue: this.historyText(field, before), newValue: this.historyText(field, after) }));
      this.recordHistory(table, row, changed, actor, this.clock.now());
      return table.id(row);
    });
  }

  /** Moves a record (and its master-detail children) to the recycle bin. */
  remove(objectName: string | null, id: string, actor: number): string {
    const { table, row } = this.locate(objectName, id);
    if (!table.def.deletable) {
      throw recordError('INVALID_TYPE_FOR_OPERATION', `entity type cannot be deleted: ${table.def.label}`);
    }
    return this.atomic(() => {
      this.cascadeDelete(table, row, actor, this.clock.now());
      if (table.name === 'OpportunityLineItem') this.rollUpLineItems(table, row, actor, this.clock.now());
      return table.id(row);
    });
  }

  /** Deletes a record without the recycle bin (Bulk API hardDelete): queryAll no longer finds it. */
  purge(objectName: string | null, id: string, actor: number): string {
    return this.atomic(() => {
      const { table, row } = this.locate(objectName, id);
      this.remove(table.name, id, actor);
      this.setState(table, row, VOID);
      const log = this.deleteLog.get(table.name) ?? [];
      this.deleteLog.set(table.name, log);
      log.push({ id: table.id(row), at: this.clock.now() });
      this.undoLog?.push(() => void log.pop());
      return table.id(row);
    });
  }

  /** Upsert by an external-id field (or Id): `{id, created}`; 300-style ambiguity throws. */
  upsert(objectName: string, externalField: string, externalValue: string, values: Record<string, unknown>, actor: number): { id: string; created: boolean } {
    const table = this.requireTable(objectName);
    const field = table.field(externalField);
    if (!field || !(field.externalId || field.idLookup)) {
      throw new SfError(404, 'NOT_FOUND', `Provided external ID field does not exist or is not accessible: ${externalField}`);
    }
    const matches = this.findByExternalId(table, field, externalValue);
    if (matches.length > 1) {
      throw recordError('DUPLICATE_EXTERNAL_ID', `${field.label}: more than one record found for external id field: ${matches.map((r) => table.id(r)).join(', ')}`, [field.name]);
    }
    const body: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(values)) {
      if (key.toLowerCase() !== field.name.toLowerCase()) body[key] = value;
    }
    if (matches.length === 1) {
      this.update(table.name, table.id(matches[0]!), body, actor);
      return { id: table.id(matches[0]!), created: false };
    }
    if (field.type === 'id') {
      throw recordError('MALFORMED_ID', `${table.def.label} ID: id value of incorrect type: ${externalValue}`, ['Id']);
    }
    body[field.name] = externalValue;
    return { id: this.insert(table.name, body, actor), created: true };
  }

  findByExternalId(table: Table, field: FieldDef, value: string): number[] {
    if (field.type === 'id') {
      const row = table.rowOf(value);
      return row >= 0 && table.isLive(row) ? [row] : [];
    }
    if (table.indexes.has(field.name.toLowerCase())) return table.lookup(field, value);
    const get = this.cellGetter(table, field);
    const rows: number[] = [];
    for (let row = 0; row < table.size; row++) {
      if (table.isLive(row) && String(get(row)).toLowerCase() === value.toLowerCase()) rows.push(row);
    }
    return rows;
  }

  /** The live row an id names, with Salesforce's errors for malformed, unknown and deleted ids. */
  locate(objectName: string | null, id: string): { table: Table; row: number } {
    if (!isWellFormedId(id)) throw recordError('MALFORMED_ID', `malformed id ${id}`, ['Id']);
    const table = objectName ? this.requireTable(objectName) : this.tableOfId(id);
    if (!table || keyPrefixOf(id) !== table.prefix) {
      throw recordError('MALFORMED_ID', `${objectName ?? 'Record'} ID: id value of incorrect type: ${id}`, ['Id']);
    }
    const row = table.rowOf(id);
    if (row < 0) throw new SfError(404, 'NOT_FOUND', 'The requested resource does not exist');
    if (table.state[row] === DELETED) throw new SfError(404, 'ENTITY_IS_DELETED', 'entity is deleted');
    return { table, row };
  }

  /** Validates the fields of a DML body and converts them to cells (references resolved). */
  private prepare(table: Table, values: Record<string, unknown>, operation: 'insert' | 'update', trusted = false, row = -1): Map<FieldDef, Cell> {
    const changes = new Map<FieldDef, Cell>();
    const notWritable: string[] = [];
    for (const [key, raw] of Object.entries(values)) {
      if (key === 'attributes') continue;
      const gate = trusted ? null : this.fieldGate;
      const found = table.field(key);
      const field = found && gate && !gate.visible(table.name, found) ? undefined : found;
      if (!field) {
        const relation = table.def.parentRelationships.get(key.toLowerCase());
        if (relation && gate && !gate.visible(table.name, relation)) {
          throw recordError('INVALID_FIELD', `No such column '${key}' on sobject of type ${table.name}`, [key]);
        }
        if (relation && gate && !gate.editable(table.name, relation)) {
          notWritable.push(relation.name);
          continue;
        }
        if (relation && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
          changes.set(relation, this.resolveParentByExternalId(relation, raw as Record<string, unknown>));
          continue;
        }
        throw recordError('INVALID_FIELD', `No such column '${key}' on sobject of type ${table.name}`, [key]);
      }
      if (field.type === 'id') {
        if (operation === 'insert') throw recordError('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
        continue;
      }
      const cell = coerceJsonValue(field, raw);
      const writable = trusted ? !(field.system || field.formula !== null) : (operation === 'insert' ? field.createable : field.updateable) && (!gate || gate.editable(table.name, field));
      if (!writable) {
        // A master-detail field that cannot be reparented may be sent again unchanged (upserts do).
        const unchanged =
          operation === 'update' && field.relationship === 'masterDetail' && row >= 0 && table.column(field.name)!.get(row) === this.resolveReference(table, field, cell as string | null);
        if (!unchanged) notWritable.push(field.name);
        continue;
      }
      if (field.name === 'CurrencyIsoCode' && cell !== null) this.checkCurrency(field, String(cell));
      changes.set(field, field.type === 'reference' ? this.resolveReference(table, field, cell as string | null) : cell);
    }
    if (notWritable.length > 0) {
      throw recordError(
        'INVALID_FIELD_FOR_INSERT_UPDATE',
        `Unable to create/update fields: ${notWritable.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        notWritable
      );
    }
    return changes;
  }

  /** CurrencyIsoCode must name an active CurrencyType (its picklist is the org's currencies). */
  private checkCurrency(field: FieldDef, iso: string): void {
    const currencies = this.table('CurrencyType');
    if (!currencies) return;
    const codes = currencies.column('IsoCode')!;
    const active = currencies.column('IsActive')!;
    for (let row = 0; row < currencies.size; row++) {
      if (currencies.isLive(row) && codes.get(row) === iso && active.get(row) === true) return;
    }
    throw recordError('INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST', `${field.label}: bad value for restricted picklist field: ${iso}`, [field.name]);
  }

  private resolveReference(table: Table, field: FieldDef, id: string | null): Cell {
    if (id === null) return null;
    if (!isWellFormedId(id)) {
      throw recordError('MALFORMED_ID', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
    }
    const column = table.column(field.name)!;
    if (column.kind !== 'ref') {
      if (field.referenceTo.length > 1) this.checkPolymorphic(field, id);
      return to18(id)!;
    }
    const target = this.table(field.referenceTo[0]!)!;
    if (keyPrefixOf(id) !== target.prefix) {
      throw recordError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
    }
    const row = rowOfId(id, target.prefix);
    if (row < 0 || row >= target.size || target.state[row] !== LIVE) {
      throw recordError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
    }
    return row;
  }

  /** A polymorphic reference (WhatId) names a live record of one of its objects. */
  private checkPolymorphic(field: FieldDef, id: string): void {
    const target = this.tableOfId(id);
    if (!target || !field.referenceTo.includes(target.name)) {
      throw recordError('FIELD_INTEGRITY_EXCEPTION', `${field.label}: id value of incorrect type: ${id}`, [field.name]);
    }
    const row = rowOfId(id, target.prefix);
    if (row < 0 || row >= target.size || target.state[row] !== LIVE) {
      throw recordError('INVALID_CROSS_REFERENCE_KEY', `invalid cross reference id`, [field.name]);
    }
  }

  private resolveParentByExternalId(relation: FieldDef, value: Record<string, unknown>): Cell {
    const target = this.table(relation.referenceTo[0] ?? '');
    const entries = Object.entries(value).filter(([k]) => k !== 'attributes');
    const [key, external] = entries[0] ?? [];
    const field = key && target ? target.field(key) : undefined;
    if (!target || !field || !(field.externalId || field.idLookup) || entries.length !== 1) {
      throw recordError('INVALID_FIELD', `Foreign key external ID: ${relation.relationshipName} needs exactly one external id field of ${target?.name ?? relation.referenceTo[0]}`, [relation.name]);
    }
    const rows = this.findByExternalId(target, field, String(external));
    if (rows.length !== 1) {
      throw recordError(
        rows.length === 0 ? 'INVALID_FIELD' : 'DUPLICATE_EXTERNAL_ID',
        `Foreign key external ID: ${String(external)} ${rows.length === 0 ? 'not found' : 'matches more than one record'} for field ${field.name} in entity ${target.name}`,
        [relation.name]
      );
    }
    return rows[0]!;
  }

  private applyDefaults(table: Table, row: number, changes: Map<FieldDef, Cell>, actor: number): void {
    const given = new Set([...changes.keys()].map((f) => f.name));
    for (const field of table.def.fields) {
      if (given.has(field.name) || field.formula || field.system) continue;
      let value: Cell = null;
      if (field.name === 'OwnerId') value = actor;
      else if (field.name === 'CurrencyIsoCode') value = this.corporateCurrency();
      else if (field.autoNumberFormat) value = this.nextAutoNumber(table, field);
      else if (field.type === 'picklist' && field.picklistValues.some((p) => p.isDefault)) {
        value = field.picklistValues.find((p) => p.isDefault)!.value;
      } else if (field.defaultValue !== null) {
        try {
          const compiled = this.compile(table, field.defaultValue);
          value = formulaToCell(field)(compiled(this.formulaContext(row, true)));
        } catch {
          value = null;
        }
      }
      if (value !== null) this.write(table, field, row, value);
    }
  }

  private nextAutoNumber(table: Table, field: FieldDef): string {
    const next = (table.autoNumbers.get(field.name) ?? 0) + 1;
    table.autoNumbers.set(field.name, next);
    return field.autoNumberFormat!.replace(/\{(0+)\}/, (_m, zeros: string) => String(next).padStart(zeros.length, '0'));
  }

  corporateCurrency(): string {
    const currencies = this.table('CurrencyType');
    if (currencies) {
      const corporate = currencies.column('IsCorporate')!;
      const iso = currencies.column('IsoCode')!;
      for (let row = 0; row < currencies.size; row++) {
        if (currencies.isLive(row) && corporate.get(row) === true) return String(iso.get(row));
      }
    }
    const org = this.table('Organization');
    return org && org.size > 0 ? String(org.column('DefaultCurrencyIsoCode')!.get(0) ?? 'USD') : 'USD';
  }

  /** Audit fields: Created* on insert, LastModified* and SystemModstamp always. */
  private stamp(table: Table, row: number, actor: number, now: number, created: boolean): void {
    const set = (name: string, value: Cell): void => {
      const field = table.field(name);
      if (field) this.write(table, field, row, value);
    };
    if (created) {
      set('CreatedDate', now);
      set('CreatedById', actor);
    }
    set('LastModifiedDate', now);
    set('LastModifiedById', actor);
    set('SystemModstamp', now);
  }

  /** Generators: moves a record's last modification to `at` (epoch ms). */
  touch(table: Table, row: number, at: number): void {
    for (const name of ['LastModifiedDate', 'SystemModstamp']) {
      const field = table.field(name);
      if (field) this.write(table, field, row, Math.floor(at / 1000) * 1000);
    }
  }

  /** Standard fields Salesforce derives on save. */
  private derive(table: Table, row: number, changes: Map<FieldDef, Cell>, created: boolean): void {
    const changed = (name: string): boolean => [...changes.keys()].some((f) => f.name === name);
    const read = (name: string): Cell => table.column(name)!.get(row);
    const set = (name: string, value: Cell): void => this.write(table, table.field(name)!, row, value);
    if (table.name === 'Opportunity' && (created || changed('StageName'))) {
      const stage = STAGES.get(String(read('StageName')));
      if (stage) {
        set('IsWon', stage.won);
        set('IsClosed', stage.closed);
        set('ForecastCategory', stage.forecastCategory);
        if (!changed('ForecastCategoryName')) set('ForecastCategoryName', FORECAST_NAMES[stage.forecastCategory] ?? stage.forecastCategory);
        if (!changed('Probability')) set('Probability', stage.probability);
      }
    }
    if (table.name === 'Task' && (created || changed('Status'))) set('IsClosed', read('Status') === 'Completed');
    if (table.name === 'PricebookEntry') derivePricebookEntry(this, table, row, created);
    if (table.name === 'OpportunityLineItem') deriveLineItem(this, table, row, changed, created);
    // Amount is read-only while line items exist: the roll-up puts a written value back.
    if (table.name === 'Opportunity' && !created && changed('Amount') && read('HasOpportunityLineItem') === true) rollUpAmount(this, row);
    if ((table.name === 'Contact' || table.name === 'User') && (created || changed('FirstName') || changed('LastName'))) {
      set('Name', [read('FirstName'), read('LastName')].filter((p) => p !== null && p !== '').join(' '));
    }
    if (table.def.kind === 'custom' && created && read('Name') === null && !table.field('Name')!.autoNumberFormat) {
      set('Name', table.id(row));
    }
  }

  /** A line item's save changes its opportunity's Amount; through the API that is an update of the opportunity too. */
  private rollUpLineItems(items: Table, row: number, actor: number, now: number | null): void {
    const opportunities = this.table('Opportunity')!;
    const opportunity = items.column('OpportunityId')!.refs[row]!;
    if (!opportunities.isLive(opportunity)) return;
    if (now !== null) {
      this.changes.note(opportunities, opportunity, 'UPDATE', actor);
      this.stamp(opportunities, opportunity, actor, now, false);
    }
    rollUpAmount(this, opportunity);
  }

  private afterSave(table: Table, row: number): void {
    if (table.name === 'DatedConversionRate') this.recomputeNextStartDates(String(table.column('IsoCode')!.get(row)));
  }

  /** DatedConversionRate.NextStartDate: the StartDate of the next range of the same currency. */
  recomputeNextStartDates(isoCode: string): void {
    const table = this.table('DatedConversionRate');
    if (!table) return;
    const iso = table.column('IsoCode')!;
    const start = table.column('StartDate')!;
    const rows: number[] = [];
    for (let row = 0; row < table.size; row++) if (table.isLive(row) && iso.get(row) === isoCode) rows.push(row);
    rows.sort((a, b) => (start.get(a) as number) - (start.get(b) as number));
    const nextField = table.field('NextStartDate')!;
    rows.forEach((row, i) => this.write(table, nextField, row, i + 1 < rows.length ? start.get(rows[i + 1]!) : null));
  }

  private checkRequired(table: Table, row: number, fields: Iterable<FieldDef>): void {
    const missing: string[] = [];
    for (const field of fields) {
      if (!field.required || field.type === 'boolean' || field.system) continue;
      const column = table.column(field.name);
      if (column && column.get(row) === null) missing.push(field.name);
    }
    if (missing.length > 0) throw recordError('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing);
  }

  private checkUnique(table: Table, row: number, fields: FieldDef[]): void {
    for (const field of fields) {
      if (!field.unique) continue;
      const value = table.column(field.name)!.get(row);
      if (value === null) continue;
      const others = table.lookup(field, String(value)).filter((r) => r !== row);
      if (others.length > 0) {
        throw recordError('DUPLICATE_VALUE', `duplicate value found: ${field.name} duplicates value on record with id: ${table.id(others[0]!)}`, [field.name]);
      }
    }
  }

  private checkRules(table: Table, row: number, isNew: boolean, prior: Map<string, FormulaValue>): void {
    for (const rule of this.rules.get(table.name) ?? []) {
      const ctx = this.formulaContext(row, isNew, (path) => prior.get(path.toLowerCase()) ?? null);
      if (rule.test(ctx) === true) {
        throw recordError('FIELD_CUSTOM_VALIDATION_EXCEPTION', rule.message, rule.field ? [rule.field] : []);
      }
    }
  }

  private cascadeDelete(table: Table, row: number, actor: number, now: number): void {
    this.changes.note(table, row, 'DELETE', actor);
    for (const child of this.allTables()) {
      for (const field of child.def.fields) {
        if (field.type !== 'reference' || field.referenceTo[0] !== table.name) continue;
        const column = child.column(field.name);
        if (!column || column.kind !== 'ref' || field.system) continue;
        for (let r = 0; r < child.size; r++) {
          if (column.refs[r] !== row || child.state[r] !== LIVE) continue;
          if (field.relationship === 'masterDetail' || field.deleteConstraint === 'Cascade') this.cascadeDelete(child, r, actor, now);
          else if (field.deleteConstraint === 'Restrict') {
            throw recordError(
              'DELETE_FAILED',
              `Your attempt to delete ${table.id(row)} could not be completed because it is associated with the following ${child.def.labelPlural}: ${child.id(r)}`
            );
          } else if (field.name !== 'OwnerId') this.write(child, field, r, null);
        }
      }
    }
    this.setState(table, row, DELETED);
    const stamp = table.field('SystemModstamp');
    if (stamp) this.write(table, stamp, row, now);
    const modified = table.field('LastModifiedDate');
    if (modified) this.write(table, modified, row, now);
    const by = table.field('LastModifiedById');
    if (by) this.write(table, by, row, actor);
  }

  /**
   * Field history tracking: one `__History` row per tracked field a save changed (and `created` on
   * insert), in the save's transaction, so a rolled-back save leaves none. Generators backdate
   * rows with `at`.
   */
  recordHistory(table: Table, row: number, entries: Array<{ field: string; oldValue: string | null; newValue: string | null }>, actor: number, at: number): void {
    const history = table.def.historyObject ? this.table(table.def.historyObject) : undefined;
    if (!history || entries.length === 0) return;
    for (const entry of entries) {
      this.insert(history.name, { ParentId: table.id(row), Field: entry.field, OldValue: entry.oldValue, NewValue: entry.newValue }, actor, { at });
    }
  }

  /** A tracked value as history's anyType OldValue/NewValue shows it through the API. */
  historyText(field: FieldDef, cell: Cell): string | null {
    if (cell === null) return null;
    if (field.type === 'reference') return this.referenceId(field, cell);
    if (field.type === 'date') return dayToIso(cell as number);
    if (field.type === 'datetime') return msToIso(cell as number);
    return String(cell);
  }

  /** Rebuilds the unique/external-id indexes of rows a generator wrote straight into columns. */
  indexRows(table: Table, from: number, to: number): void {
    for (const [name, index] of table.indexes) {
      const field = table.field(name)!;
      const column = table.columns.get(name)!;
      for (let row = from; row < to; row++) {
        const key = table.indexKey(field, column.get(row));
        if (key === null) continue;
        const rows = index.get(key);
        if (rows) rows.push(row);
        else index.set(key, [row]);
      }
    }
  }
}

/** Converts a stored cell into the value a formula sees. */
export function cellToFormula(field: FieldDef, referenceId: (cell: Cell) => string | null): (cell: Cell) => FormulaValue {
  switch (field.type) {
    case 'date':
      return (cell) => (cell === null ? null : new FormulaDate(cell as number));
    case 'datetime':
      return (cell) => (cell === null ? null : new FormulaDateTime(cell as number));
    case 'reference':
      return (cell) => referenceId(cell);
    default:
      return (cell) => cell;
  }
}

/** Converts a formula result into a cell of the formula field's type. */
export function formulaToCell(field: FieldDef): (value: FormulaValue) => Cell {
  switch (field.type) {
    case 'int':
    case 'double':
    case 'currency':
    case 'percent':
      return (value) => {
        if (value === null || value === '') return null;
        const n = typeof value === 'number' ? value : Number(value instanceof FormulaDate ? value.day : value);
        return Number.isFinite(n) ? roundToScale(n, field.type === 'int' ? 0 : field.scale) : null;
      };
    case 'boolean':
      return (value) => value === true;
    case 'date':
      return (value) =>
        value instanceof FormulaDate ? value.day : value instanceof FormulaDateTime ? Math.floor(value.ms / DAY_MS) : null;
    case 'datetime':
      return (value) => (value instanceof FormulaDateTime ? value.ms : value instanceof FormulaDate ? value.day * DAY_MS : null);
    default:
      return (value) => (value === null || value === '' ? null : String(value));
  }
}

export { VOID };
