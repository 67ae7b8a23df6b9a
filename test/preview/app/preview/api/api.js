// The org's UI API as the preview reaches it: same-origin /services/*, which the preview server
// forwards with its own session.
import { previewConfig } from 'preview/config';

const API_VERSION = 'v64.0';

export function apiUrl(path) {
  return `${previewConfig().apiBase}/services/data/${API_VERSION}${path}`;
}

/** POSTs a GraphQL query; resolves to the response body `{ data, errors }`. */
export async function postGraphQL(query, variables, operationName) {
  const response = await fetch(apiUrl('/graphql'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables: variables || {}, operationName })
  });
  const body = await response.json().catch(() => undefined);
  if (!response.ok || !body) {
    const message = Array.isArray(body) && body[0] ? body[0].message : `HTTP ${response.status}`;
    return { data: undefined, errors: [{ message }] };
  }
  return body;
}
