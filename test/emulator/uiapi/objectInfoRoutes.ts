// `/ui-api/object-info` resources: the directory, one object, a batch of objects, and picklist
// values by record type (all fields, or one). Answers follow the context user's language and
// permissions; errors are the UI API's `[{ errorCode, message }]`.
import { json, type Reply, type RequestContext } from '../http/router';
import type { Org } from '../org';
import type { ObjectDef } from '../schema/types';
import { accessOf } from './access';
import { contextUserOf } from './contextUser';
import { eTag, MASTER_RECORD_TYPE_ID, objectInfo, picklistValues, readablePicklists } from './objectInfo';

class UiApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string
  ) {
    super(message);
  }
}

function uiError(error: UiApiError): Reply {
  return json(error.status, [{ errorCode: error.errorCode, message: error.message }]);
}

/** The object, when it exists and the user may read it; INVALID_TYPE otherwise, as for an unknown object. */
function visibleObject(ctx: RequestContext, name: string): ObjectDef {
  const object = ctx.org.schema.object(name);
  if (!object || object.kind === 'customMetadata' || !accessOf(ctx).canReadObject(object.name)) {
    throw new UiApiError(400, 'INVALID_TYPE', `Object ${name} is not supported in UI API`);
  }
  return object;
}

function checkRecordType(id: string): void {
  if (id !== MASTER_RECORD_TYPE_ID && id !== MASTER_RECORD_TYPE_ID.slice(0, 15)) {
    throw new UiApiError(404, 'NOT_FOUND', `Record type ${id} does not exist or is not available to you (this org has only the master record type ${MASTER_RECORD_TYPE_ID})`);
  }
}

function answering(handle: (ctx: RequestContext) => unknown): (ctx: RequestContext) => Reply {
  return (ctx) => {
    try {
      return json(200, handle(ctx));
    } catch (error) {
      if (error instanceof UiApiError) return uiError(error);
      throw error;
    }
  };
}

function directory(ctx: RequestContext): unknown {
  const access = accessOf(ctx);
  const objects: Record<string, unknown> = {};
  for (const object of [...ctx.org.schema.objects].sort((a, b) => a.name.localeCompare(b.name))) {
    if (object.kind === 'customMetadata' || !access.canReadObject(object.name)) continue;
    const info = objectInfo(ctx.org.schema, object, contextUserOf(ctx), access, ctx.org.instanceUrl);
    objects[object.name] = {
      apiName: object.name,
      createable: info.createable,
      custom: info.custom,
      deletable: info.deletable,
      keyPrefix: object.keyPrefix,
      label: info.label,
      labelPlural: info.labelPlural,
      layoutable: info.layoutable,
      mruEnabled: info.mruEnabled,
      queryable: true,
      searchable: info.searchable,
      updateable: info.updateable,
      url: `${ctx.base}/ui-api/object-info/${object.name}`
    };
  }
  return { objects };
}

function one(ctx: RequestContext): unknown {
  const object = visibleObject(ctx, ctx.params.object!);
  return objectInfo(ctx.org.schema, object, contextUserOf(ctx), accessOf(ctx), ctx.org.instanceUrl);
}

/** `getObjectInfos`: each object answered on its own, failures in place. */
function batch(ctx: RequestContext): unknown {
  const names = ctx.params.objects!.split(',').filter((n) => n !== '');
  return {
    results: names.map((name) => {
      try {
        return { result: objectInfo(ctx.org.schema, visibleObject(ctx, name), contextUserOf(ctx), accessOf(ctx), ctx.org.instanceUrl), statusCode: 200 };
      } catch (error) {
        if (!(error instanceof UiApiError)) throw error;
        return { result: [{ errorCode: error.errorCode, message: error.message }], statusCode: error.status };
      }
    })
  };
}

function byRecordType(ctx: RequestContext): unknown {
  const object = visibleObject(ctx, ctx.params.object!);
  checkRecordType(ctx.params.recordType!);
  const user = contextUserOf(ctx);
  const picklistFieldValues: Record<string, unknown> = {};
  for (const field of readablePicklists(object, accessOf(ctx))) picklistFieldValues[field.name] = picklistValues(ctx.org.schema, object, field, user, ctx.base);
  return { eTag: eTag(picklistFieldValues), picklistFieldValues };
}

function oneField(ctx: RequestContext): unknown {
  const object = visibleObject(ctx, ctx.params.object!);
  checkRecordType(ctx.params.recordType!);
  const wanted = ctx.params.field!.toLowerCase();
  const field = readablePicklists(object, accessOf(ctx)).find((f) => f.name.toLowerCase() === wanted);
  if (!field) throw new UiApiError(404, 'NOT_FOUND', `${object.name}.${ctx.params.field} is not a picklist field this user can read`);
  return picklistValues(ctx.org.schema, object, field, contextUserOf(ctx), ctx.base);
}

export function registerObjectInfoRoutes(org: Org): void {
  const get = (pattern: RegExp, handle: (ctx: RequestContext) => unknown): void =>
    org.router.add({ method: 'GET', kind: 'data', pattern, handle: answering(handle) });
  get(/^\/ui-api\/object-info\/?$/, directory);
  get(/^\/ui-api\/object-info\/batch\/(?<objects>[^/]+)\/?$/, batch);
  get(/^\/ui-api\/object-info\/(?<object>[^/]+)\/?$/, one);
  get(/^\/ui-api\/object-info\/(?<object>[^/]+)\/picklist-values\/(?<recordType>[^/]+)\/?$/, byRecordType);
  get(/^\/ui-api\/object-info\/(?<object>[^/]+)\/picklist-values\/(?<recordType>[^/]+)\/(?<field>[^/]+)\/?$/, oneField);
}
