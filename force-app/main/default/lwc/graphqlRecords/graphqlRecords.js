/**
 * Reading UI API GraphQL results. A field the user cannot see comes back without its
 * `{ value }` object, so readers return `undefined` for "hidden" and `null` for "blank":
 * components render without hidden fields and rules skip them.
 */

/** The nodes of one top-level object connection, e.g. recordsOf(data, 'Contact'). */
export function recordsOf(data, objectApiName) {
  const query = data && data.uiapi && data.uiapi.query;
  const connection = query ? query[objectApiName] : undefined;
  if (!connection || !Array.isArray(connection.edges)) {
    return [];
  }
  return connection.edges.map((edge) => edge && edge.node).filter(Boolean);
}

/** A field's value: `undefined` when the field is hidden, `null` when blank. */
export function valueOf(node, field) {
  const entry = node ? node[field] : undefined;
  if (entry === null || entry === undefined) {
    return undefined;
  }
  return entry.value === undefined ? null : entry.value;
}

/** A field's display value (formatted or translated by the platform), falling back to its value. */
export function displayOf(node, field) {
  const entry = node ? node[field] : undefined;
  if (entry === null || entry === undefined) {
    return undefined;
  }
  if (entry.displayValue !== undefined && entry.displayValue !== null) {
    return entry.displayValue;
  }
  return entry.value === undefined ? null : entry.value;
}

/**
 * A field of a parent record reached through a relationship (`Sponsor__r.Name`): `null` when
 * the lookup is blank or the parent is not visible.
 */
export function parentValueOf(node, relationship, field) {
  const parent = node ? node[relationship] : undefined;
  if (!parent) {
    return null;
  }
  const value = valueOf(parent, field);
  return value === undefined ? null : value;
}
