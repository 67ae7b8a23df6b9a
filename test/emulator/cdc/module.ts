// Change Data Capture over the Streaming API (CometD), as an emulator module: every committed
// write of a selected object becomes a change event on /data/ChangeEvents and on the object's own
// channel, replayable for the retention window. Options: OrgOptions.changeDataCapture (`--cdc`).
import type { EmulatorModule } from '../index';
import { ChangeEventBus } from './bus';
import { ChangeEventChannels } from './channels';
import { CometdServer, type EventVisibility } from './cometd';

export const emulatorModule: EmulatorModule = {
  name: 'cdc',
  register(org) {
    const options = org.changeDataCapture;
    const channels = new ChangeEventChannels(org.schema, options.entities);
    const bus = new ChangeEventBus(org, channels, options.retentionMs);
    // Object permissions and field-level security of the subscriber, from the org's access model.
    const visible: EventVisibility = (row, entity, field) => {
      const user = org.users.user(row);
      if (field === null) return org.access.canReadObject(user, entity);
      const def = org.schema.object(entity)?.fieldsByName.get(field.toLowerCase());
      return def !== undefined && org.access.canReadField(user, entity, def);
    };
    const server = new CometdServer(org, bus, channels, visible);
    org.store.changes.listeners.push((changes) => bus.onCommit(changes));
    org.rawHandlers.push((req, res) => server.handle(req, res));
    org.closeHooks.push(() => server.close());
  }
};
