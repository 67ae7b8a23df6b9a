// What the suites of the GraphQL containers share (the sponsor panel and the sponsor portfolio):
// mounting, answering the data and access wires, and a clean page between tests.
import { createElement } from '@lwc/engine-dom';
import { graphql } from 'lightning/graphql';
import { getObjectInfos } from 'lightning/uiObjectInfoApi';
import { text } from './shadowQuery';

// A macrotask lets every chained promise (write → toast → refresh) settle.
export const flushPromises = () => new Promise((resolve) => setTimeout(resolve, 0));

/** The component on the page, with its public properties set, once it has rendered. */
export async function mountComponent(tag, Component, properties = {}) {
  const element = createElement(tag, { is: Component });
  Object.assign(element, properties);
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

/** The GraphQL wire's data and getObjectInfos' access (the user's object and field rights). */
export async function emitDataAndAccess(data, access) {
  graphql.emit(data);
  getObjectInfos.emit(access);
  await flushPromises();
}

/** Empties the page and the mocks' calls (afterEach). */
export function clearPage() {
  while (document.body.firstChild) {
    document.body.removeChild(document.body.firstChild);
  }
  jest.clearAllMocks();
}

/** A status badge's text (c-status-badge). */
export const badge = (node) => text(node && node.shadowRoot.querySelector('.badge-label'));
