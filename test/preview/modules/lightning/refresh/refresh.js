// Preview implementation of lightning/refresh: the page is the refresh container. A RefreshEvent
// that bubbles up from any component runs every registered handler, as the record page does, so
// the three components agree after any edit.
export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent {
  constructor() {
    super(RefreshEventName, { bubbles: true, composed: true, cancelable: true });
  }
}

const handlers = new Map();
let nextId = 0;
let listening = false;

function listen() {
  if (listening) {
    return;
  }
  listening = true;
  document.addEventListener(RefreshEventName, () => {
    handlers.forEach((handler) => handler());
  });
}

export function registerRefreshHandler(element, handler) {
  listen();
  const id = ++nextId;
  handlers.set(id, handler.bind(element));
  return id;
}

export function unregisterRefreshHandler(id) {
  handlers.delete(id);
}
