// Change Data Capture over the Streaming API (CometD), as an emulator module: every committed
// write of a selected object becomes a change event on /data/ChangeEvents and on the object's own
// channel, replayable for the retention window. Options: OrgOptions.changeDataCapture (`--cdc`).
import type { EmulatorModule } from '../index';
import { ChangeEventBus } from './bus';
import { ChangeEventChannels } from './channels';
import { CometdServer } from './cometd';

export const emulatorModule: EmulatorModule = {
  name: 'cdc',
  register(org) {
    const options = org.changeDataCapture;
    const channels = new ChangeEventChannels(org.schema, options.entities);
    const bus = new ChangeEventBus(org, channels, options.retentionMs);
    const server = new CometdServer(org, bus, channels);
    org.store.changes.listeners.push((changes) => bus.onCommit(changes));
    org.rawHandlers.push((req, res) => server.handle(req, res));
    org.closeHooks.push(() => server.close());
  }
};
