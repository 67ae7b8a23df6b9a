/**
 * Turns whatever Lightning Data Service, the GraphQL wire adapter or a rejected promise hands
 * back into a flat list of readable messages.
 * Shapes handled: strings, Error objects, GraphQL errors ({ message }), UI API error bodies
 * (an array of { message }, { message }, { pageErrors, fieldErrors },
 * { output: { errors, fieldErrors } }).
 * @param {*} errors one error or an array of them
 * @returns {string[]} non-empty messages, duplicates removed, in order
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = [];
  list.forEach((error) => collectMessages(error, messages));
  return [...new Set(messages.filter((message) => typeof message === 'string' && message))];
}

function collectMessages(error, messages) {
  if (error === null || error === undefined) {
    return;
  }
  if (typeof error === 'string') {
    messages.push(error);
    return;
  }
  if (Array.isArray(error)) {
    error.forEach((inner) => collectMessages(inner, messages));
    return;
  }
  const body = error.body;
  if (body !== undefined && body !== null) {
    collectBodyMessages(body, messages);
    return;
  }
  if (typeof error.message === 'string') {
    messages.push(error.message);
    return;
  }
  if (typeof error.statusText === 'string') {
    messages.push(error.statusText);
  }
}

function collectBodyMessages(body, messages) {
  if (typeof body === 'string') {
    messages.push(body);
    return;
  }
  if (Array.isArray(body)) {
    body.forEach((entry) => collectMessages(entry, messages));
    return;
  }
  const output = body.output;
  const pageErrors = [...(body.pageErrors || []), ...((output && output.errors) || [])];
  pageErrors.forEach((entry) => collectMessages(entry, messages));
  [body.fieldErrors, output && output.fieldErrors].forEach((fieldErrors) => {
    if (fieldErrors) {
      Object.values(fieldErrors).forEach((entries) => collectMessages(entries, messages));
    }
  });
  if (typeof body.message === 'string') {
    messages.push(body.message);
  }
}
