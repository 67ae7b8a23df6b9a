// Preview implementation of lightning/graphql: the wire adapter POSTs the query to the org's
// UI API GraphQL endpoint (proxied by the preview server, which holds the session).
import { postGraphQL } from 'preview/api';

const adapterOf = new WeakMap();

/** The platform's gql tag parses at build time; here the query text travels as is. */
export function gql(strings, ...values) {
  return strings.reduce((text, part, i) => text + part + (i < values.length ? String(values[i]) : ''), '');
}

async function postQuery(config) {
  const body = await postGraphQL(config.query, config.variables, config.operationName);
  return {
    data: body.data === null ? undefined : body.data,
    errors: body.errors && body.errors.length ? body.errors : undefined
  };
}

function hasAllVariables(variables) {
  return !variables || Object.values(variables).every((value) => value !== undefined);
}

export class graphql {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.config = undefined;
    this.generation = 0;
  }

  connect() {
    this.connected = true;
  }

  disconnect() {
    this.connected = false;
  }

  update(config) {
    this.config = config;
    // LDS waits until every variable is bound (e.g. recordId set by the page).
    if (config && config.query && hasAllVariables(config.variables)) {
      this.load();
    }
  }

  async load() {
    const generation = ++this.generation;
    const result = await postQuery(this.config);
    if (generation !== this.generation) {
      return; // a newer request answered or is on its way
    }
    adapterOf.set(result, this);
    this.dataCallback(result);
  }
}

/** Re-runs the query behind a result the wire delivered. */
export function refreshGraphQL(result) {
  const adapter = result ? adapterOf.get(result) : undefined;
  return adapter ? adapter.load() : Promise.resolve();
}
