// Queries that look through every shadow root below an element, so a container's test reads
// what the user sees however the children split the page.
function roots(node) {
  const found = [node];
  const walk = (root) => {
    root.querySelectorAll('*').forEach((child) => {
      if (child.shadowRoot) {
        found.push(child.shadowRoot);
        walk(child.shadowRoot);
      }
    });
  };
  walk(node);
  return found;
}

/** Every element matching `selector` under the node (its shadow tree if it has one) and in its children's shadow trees. */
function deepQueryAll(element, selector) {
  return roots(element.shadowRoot || element).flatMap((root) => [
    ...root.querySelectorAll(selector)
  ]);
}

function deepQuery(element, selector) {
  return deepQueryAll(element, selector)[0] || null;
}

/** Text as the user reads it: whitespace collapsed. */
function text(node) {
  return node ? node.textContent.replace(/\s+/g, ' ').trim() : null;
}

module.exports = { deepQuery, deepQueryAll, text };
