// Preview implementation of lightning/uiObjectInfoApi's getObjectInfo and getObjectInfos: the
// org's UI API object-info for the signed-in user; where the org does not serve it, the same
// facts from the REST describe (labels, createable/updateable per object and field).
import { apiUrl } from 'preview/api';

const cache = new Map();

const DATA_TYPES = {
  string: 'String',
  textarea: 'TextArea',
  picklist: 'Picklist',
  date: 'Date',
  datetime: 'DateTime',
  currency: 'Currency',
  double: 'Double',
  int: 'Int',
  percent: 'Percent',
  reference: 'Reference',
  boolean: 'Boolean',
  id: 'String'
};

/** The UI API ObjectInfo shape, from a describe. */
export function objectInfoFromDescribe(describe) {
  const fields = {};
  describe.fields.forEach((field) => {
    fields[field.name] = {
      apiName: field.name,
      label: field.label,
      dataType: DATA_TYPES[field.type] || field.type,
      createable: field.createable === true,
      updateable: field.updateable === true,
      required: field.nillable === false && field.createable === true && !field.defaultedOnCreate
    };
  });
  return {
    apiName: describe.name,
    label: describe.label,
    labelPlural: describe.labelPlural,
    keyPrefix: describe.keyPrefix,
    createable: describe.createable === true,
    updateable: describe.updateable === true,
    deletable: describe.deletable === true,
    queryable: describe.queryable === true,
    fields
  };
}

async function getJson(path) {
  const response = await fetch(apiUrl(path));
  const body = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

async function loadObjectInfo(apiName) {
  const info = await getJson(`/ui-api/object-info/${encodeURIComponent(apiName)}`);
  if (info.status === 200) {
    return info.body;
  }
  const described = await getJson(`/sobjects/${encodeURIComponent(apiName)}/describe`);
  if (described.status !== 200) {
    const message = Array.isArray(described.body) && described.body[0] ? described.body[0].message : `HTTP ${described.status}`;
    throw { status: described.status, body: { message } };
  }
  return objectInfoFromDescribe(described.body);
}

function objectInfo(apiName) {
  if (!cache.has(apiName)) {
    cache.set(apiName, loadObjectInfo(apiName));
  }
  return cache.get(apiName);
}

const nameOf = (object) => (typeof object === 'string' ? object : object && object.objectApiName);

class ObjectInfoAdapter {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
  }

  connect() {}

  disconnect() {}

  update(config) {
    this.load(config).then(
      (data) => this.dataCallback({ data, error: undefined }),
      (error) => this.dataCallback({ data: undefined, error })
    );
  }
}

export class getObjectInfo extends ObjectInfoAdapter {
  load(config) {
    return objectInfo(nameOf(config.objectApiName));
  }
}

export class getObjectInfos extends ObjectInfoAdapter {
  async load(config) {
    const names = (config.objectApiNames || []).map(nameOf);
    const results = await Promise.all(
      names.map((name) =>
        objectInfo(name).then(
          (result) => ({ statusCode: 200, result }),
          (error) => ({ statusCode: error.status || 500, result: [error.body] })
        )
      )
    );
    return { results };
  }
}
