// Preview implementation of lightning/uiObjectInfoApi (getObjectInfo, getObjectInfos,
// getPicklistValues, getPicklistValuesByRecordType) over the org's UI API object info for the signed-in user, as LDS reads it.
import { apiUrl } from 'preview/api';

const cache = new Map();
let directory;

async function getJson(path) {
  const response = await fetch(apiUrl(path));
  const body = await response.json().catch(() => undefined);
  return { status: response.status, body };
}

function failure({ status, body }) {
  const message = Array.isArray(body) && body[0] ? body[0].message : `HTTP ${status}`;
  return { status, body: { message } };
}

/** The objects this user may see (one directory request), so a missing one costs no failing request. */
function visibleObjects() {
  if (!directory) {
    directory = getJson('/ui-api/object-info').then(
      ({ body }) => new Set(Object.keys((body && body.objects) || {}))
    );
  }
  return directory;
}

async function loadObjectInfo(apiName) {
  if (!(await visibleObjects()).has(apiName)) {
    throw { status: 404, body: { message: `${apiName} is not an object this user can see` } };
  }
  const answer = await getJson(`/ui-api/object-info/${encodeURIComponent(apiName)}`);
  if (answer.status !== 200) {
    throw failure(answer);
  }
  return answer.body;
}

/** The user's object info of an object (cached per page, as LDS caches it). */
export function objectInfo(apiName) {
  if (!cache.has(apiName)) {
    cache.set(apiName, loadObjectInfo(apiName));
  }
  return cache.get(apiName);
}

const nameOf = (object) => (typeof object === 'string' ? object : object && object.objectApiName);

class UiApiAdapter {
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

export class getObjectInfo extends UiApiAdapter {
  load(config) {
    return objectInfo(nameOf(config.objectApiName));
  }
}

export class getObjectInfos extends UiApiAdapter {
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

/** A picklist's values and labels for the user, as getPicklistValues answers. */
export async function picklistValues(objectApiName, fieldApiName, recordTypeId) {
  await objectInfo(objectApiName); // the object must be visible first
  const path = `/ui-api/object-info/${objectApiName}/picklist-values/${recordTypeId}/${fieldApiName}`;
  const answer = await getJson(path);
  if (answer.status !== 200) {
    throw failure(answer);
  }
  return answer.body;
}

export class getPicklistValues extends UiApiAdapter {
  load(config) {
    const field = config.fieldApiName;
    const [objectApiName, fieldApiName] =
      typeof field === 'string' ? field.split('.') : [field.objectApiName, field.fieldApiName];
    return picklistValues(objectApiName, fieldApiName, config.recordTypeId);
  }
}

/** Every picklist of an object for a record type: { picklistFieldValues: { [field]: values } }. */
export class getPicklistValuesByRecordType extends UiApiAdapter {
  async load(config) {
    const objectApiName = nameOf(config.objectApiName);
    await objectInfo(objectApiName);
    const path = `/ui-api/object-info/${objectApiName}/picklist-values/${config.recordTypeId}`;
    const answer = await getJson(path);
    if (answer.status !== 200) {
      throw failure(answer);
    }
    return answer.body;
  }
}
