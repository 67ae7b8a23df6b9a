// The UI API subset the Tandem components use, as an emulator module: the GraphQL endpoint
// (`POST /services/data/vXX.X/graphql`), record writes (`/ui-api/records`) and object metadata
// with picklist values (`/ui-api/object-info`). Loaded by startOrg
// and the CLI through module discovery.
import type { EmulatorModule } from '../index';
import { json, jsonBody } from '../http/router';
import { accessOf } from './access';
import { executeGraphql } from './graphql';
import { registerObjectInfoRoutes } from './objectInfoRoutes';
import { registerRecordRoutes } from './records';
import { contextUserOf } from './contextUser';

export const emulatorModule: EmulatorModule = {
  name: 'uiapi',
  register(org) {
    // GraphQL answers 200 with `errors` for problems in the document, as the platform does.
    org.router.add({ method: 'POST', kind: 'data', pattern: /^\/graphql\/?$/, handle: (ctx) => json(200, executeGraphql(ctx.org.store, jsonBody<unknown>(ctx), ctx.base, contextUserOf(ctx), { access: accessOf(ctx), apiVersion: ctx.version })) });
    registerRecordRoutes(org);
    registerObjectInfoRoutes(org);
  }
};
