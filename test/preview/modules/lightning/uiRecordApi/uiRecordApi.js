// Preview implementation of the lightning/uiRecordApi write functions over the org's UI API.
import { apiUrl } from 'preview/api';

async function send(method, path, body) {
  const response = await fetch(apiUrl(`/ui-api${path}`), {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    // LDS rejects with a FetchResponse-like object whose body is the UI API error.
    const error = Array.isArray(parsed) ? parsed[0] : parsed;
    throw { status: response.status, statusText: response.statusText, ok: false, body: error };
  }
  return parsed;
}

export function createRecord(recordInput) {
  return send('POST', '/records', { apiName: recordInput.apiName, fields: recordInput.fields });
}

export function updateRecord(recordInput) {
  const { Id, ...fields } = recordInput.fields || {};
  if (!Id) {
    return Promise.reject({ status: 400, body: { message: 'updateRecord needs fields.Id' } });
  }
  return send('PATCH', `/records/${encodeURIComponent(Id)}`, { fields });
}

export function deleteRecord(recordId) {
  return send('DELETE', `/records/${encodeURIComponent(recordId)}`).then(() => undefined);
}

export function getFieldValue(record, field) {
  const path = typeof field === 'string' ? field.split('.').slice(1) : field.fieldApiName.split('.');
  let node = record;
  for (let i = 0; i < path.length; i++) {
    const entry = node && node.fields ? node.fields[path[i]] : undefined;
    if (!entry) {
      return undefined;
    }
    node = entry.value;
    if (i === path.length - 1) {
      return node;
    }
  }
  return undefined;
}
