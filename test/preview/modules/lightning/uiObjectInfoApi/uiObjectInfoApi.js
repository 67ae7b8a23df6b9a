// Preview implementation of lightning/uiObjectInfoApi (getObjectInfo, getObjectInfos,
// getPicklistValues) from the org's REST describe for the signed-in user: the same facts the UI
// API's object info carries (labels, createable/updateable per object and field, picklists).
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
  const picklists = {};
  describe.fields.forEach((field) => {
    if (field.picklistValues && field.picklistValues.length) {
      picklists[field.name] = field.picklistValues.filter((entry) => entry.active !== false);
    }
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
    fields,
    // Not part of ObjectInfo: kept for getPicklistValues below.
    picklists
  };
}

async function getJson(path) {
  const response = await fetch(apiUrl(path));
  const body = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

let globalDescribe;

/** The objects this org has (one global describe), so a missing one costs no failing request. */
function orgObjects() {
  if (!globalDescribe) {
    globalDescribe = getJson('/sobjects').then(({ body }) => new Set(((body && body.sobjects) || []).map((o) => o.name)));
  }
  return globalDescribe;
}

async function loadObjectInfo(apiName) {
  if (!(await orgObjects()).has(apiName)) {
    throw { status: 404, body: { message: `${apiName} is not an object of this org` } };
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

/** Picklist values of one field (UI API PicklistValues shape), from the same object info. */
export class getPicklistValues extends ObjectInfoAdapter {
  async load(config) {
    const field = config.fieldApiName;
    const [objectApiName, fieldApiName] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
    const info = await objectInfo(objectApiName);
    const entries = (info.picklists && info.picklists[fieldApiName]) || [];
    return {
      defaultValue: null,
      controllerValues: {},
      values: entries.map((entry) => ({ label: entry.label, value: entry.value, validFor: [], attributes: null }))
    };
  }
}
