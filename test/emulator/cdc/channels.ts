// Change Data Capture channel names and the objects an org has selected for change notifications.
// Channels (case-sensitive, as on the platform): /data/ChangeEvents carries every selected object;
// /data/<Standard>ChangeEvent and /data/<Custom>__ChangeEvent (Account_Plan__c →
// Account_Plan__ChangeEvent) carry one object each.
import type { Schema } from '../schema/schema';
import type { ObjectDef } from '../schema/types';

export const ALL_CHANGE_EVENTS = '/data/ChangeEvents';

/** The standard objects Tandem reads, selected by default when the schema has them. */
export const DEFAULT_STANDARD_ENTITIES = ['Account', 'Contact', 'Opportunity', 'Event', 'Task'];

/** `AccountChangeEvent`, `Account_Plan__ChangeEvent`. */
export function changeEventName(object: ObjectDef): string {
  return object.kind === 'custom' ? `${object.name.replace(/__c$/i, '__')}ChangeEvent` : `${object.name}ChangeEvent`;
}

export class ChangeEventChannels {
  private readonly byChannel = new Map<string, ObjectDef>();
  private readonly byEntity = new Map<string, string>();

  /** `entities`: the selected objects (API names); undefined selects the defaults. */
  constructor(schema: Schema, entities: string[] | undefined) {
    const selected = entities
      ? entities.map((name) => {
          const object = schema.object(name);
          if (!object || object.kind === 'customMetadata') throw new Error(`Change Data Capture: no object ${name} to select`);
          return object;
        })
      : schema.objects.filter((o) => o.kind === 'custom' || DEFAULT_STANDARD_ENTITIES.includes(o.name));
    for (const object of selected) {
      const channel = `/data/${changeEventName(object)}`;
      this.byChannel.set(channel, object);
      this.byEntity.set(object.name, channel);
    }
  }

  /** The single-object channel of a selected object, or undefined when it is not selected. */
  channelOf(entity: string): string | undefined {
    return this.byEntity.get(entity);
  }

  /** Whether a client may subscribe to `channel`. */
  exists(channel: string): boolean {
    return channel === ALL_CHANGE_EVENTS || this.byChannel.has(channel);
  }

  selected(): string[] {
    return [...this.byEntity.keys()];
  }
}
